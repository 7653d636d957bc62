"""One document's body measured once: its text, lines, words, paragraphs and which lines end like a sentence.

Gopher, C4, FineWeb and the dedup signature all read the same body. Each used to rebuild the text from the blocks
and split it again; a `TextView` computes each piece on first use and hands the same object to every step of one
document. The engine makes one view per document and passes it to every step that has a `judge(doc, view)`
method; a step that edits the body calls `view.reset()` after it (PII masking does, when it masked something), and a
step without `judge` is assumed to edit it: the engine makes a new view after it.
"""

from __future__ import annotations

from thresher.filter.words import Words, body_paragraphs, ends_sentence, tokenize
from thresher.model import Document


class TextView:
    """Lazily computed measurements of `doc`'s body as it is now (make a new view after the text changes)."""

    __slots__ = ("doc", "_text", "_lines", "_words", "_paragraphs", "_line_ends")

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._text: str | None = None
        self._lines: list[str] | None = None
        self._words: Words | None = None
        self._paragraphs: list[str] | None = None
        self._line_ends: list[bool] | None = None

    def reset(self) -> None:
        """Forget every measurement: the body text has changed."""
        self._text = self._lines = self._words = self._paragraphs = self._line_ends = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def lines(self) -> list[str]:
        """The non-blank lines of the body, stripped (as `thresher.filter.words.body_lines`)."""
        if self._lines is None:
            self._lines = list(filter(None, map(str.strip, self.text.split("\n"))))
        return self._lines

    @property
    def words(self) -> Words:
        if self._words is None:
            self._words = tokenize(self.text)
        return self._words

    @property
    def paragraphs(self) -> list[str]:
        if self._paragraphs is None:
            self._paragraphs = body_paragraphs(self.doc)
        return self._paragraphs

    @property
    def line_ends(self) -> list[bool]:
        """For each of `lines`: does it end like a sentence (C4 and FineWeb both ask)."""
        if self._line_ends is None:
            self._line_ends = [ends_sentence(line) for line in self.lines]
        return self._line_ends


class ViewStep:
    """Mixin for steps that only read the body: `judge(doc, view)` does the work, `apply(doc)` makes a view."""

    def judge(self, doc: Document, view: TextView) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def apply(self, doc: Document) -> Document:
        return self.judge(doc, TextView(doc))
