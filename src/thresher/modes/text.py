"""Text mode: a plain-text page (a WET record, or any extractor's output) -> a labelled `Document`."""

from __future__ import annotations

from thresher.label.text import TextLabelOptions, label_text
from thresher.model import Document
from thresher.segment.text import segment_text


def clean_text_page(text: str, url: str | None = None, options: TextLabelOptions = TextLabelOptions()) -> Document:
    doc = segment_text(text)
    doc.url = url
    label_text(doc, options)
    return doc
