"""The one-page API: decode, detect the format, and run the page through its mode."""

from __future__ import annotations

from typing import Literal

from thresher.decode import DecodeResult, decode_with_info, sniff_format
from thresher.model import Document

Format = Literal["auto", "html", "text"]


def clean(page: str | bytes | DecodeResult, url: str | None = None, format: Format = "auto") -> Document:
    """Clean one page (HTML or plain text, as `str` or raw bytes, or already decoded) into a `Document` with its
    full account."""
    decoded = page if isinstance(page, DecodeResult) else decode_with_info(page)
    mode = sniff_format(decoded.text) if format == "auto" else format
    if mode == "html":
        from thresher.modes.html import clean_html

        return clean_html(decoded, url=url)  # its UTF-8 bytes go to the parser, as they are
    from thresher.modes.text import clean_text_page

    return clean_text_page(decoded.text, url=url)


def clean_text(text: str | bytes) -> str:
    """The clean body of a plain-text page (e.g. a WET record), paragraphs separated by one blank line."""
    return clean(text, format="text").text


def extract_text(html: str | bytes, url: str | None = None) -> str:
    """The clean main text of an HTML page: `clean(html, url, format="html").text`, without the work only the
    metadata fields, the language and the blocks' element paths need."""
    from thresher.modes.html import clean_html_with_text

    return clean_html_with_text(decode_with_info(html), url=url, text_only=True)[1]
