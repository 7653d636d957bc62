"""Text mode segmenting: every non-blank input line becomes one `Block`, in order.

A plain-text record (a WET conversion, or a weak extractor's output) keeps one HTML block a line, and blank lines
where the page had vertical space. Lines between blank lines form a `group`: a menu is usually one long group of short
lines, an article a series of one-line groups.
"""

from __future__ import annotations

from thresher.model import Block, Document

# Characters `str.strip()` removes also include the no-break space and other Unicode spaces, which extractors leave
# behind where a page had `&nbsp;`-only cells; such lines are blank.


def segment_text(text: str) -> Document:
    doc = Document(mode="text")
    group = 0
    blank_before = False
    for line_no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            blank_before = True
            continue
        if blank_before and doc.blocks:
            group += 1
        blank_before = False
        doc.blocks.append(Block(index=len(doc.blocks), text=line, line_no=line_no, tag="p", group=group))
    return doc
