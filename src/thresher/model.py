"""The one record that carries a page through every step.

A `Document` is made by `segment` (HTML DOM or text lines into `Block`s), annotated by `label` (each block gets a
`Role` and, when removed, a `Label` and a human-readable reason), filled in by `metadata`, and judged by the corpus
steps (`filter`, `dedup`), which record their `Decision`s on it instead of silently dropping it. Nothing is ever
deleted from `blocks`: the text a user sees is derived from the blocks whose role is `BODY`, so the account of what
was removed always covers the whole input.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Role(str, enum.Enum):
    """What a block is to the page."""

    TITLE = "title"
    METADATA = "metadata"
    BODY = "body"
    REMOVED = "removed"


class Label(str, enum.Enum):
    """The documented vocabulary for what a block is, when it is not body text.

    Removed blocks always carry one of these; metadata blocks carry the metadata kind they held.
    """

    # -- page furniture (removed)
    NAVIGATION = "navigation"  # menus, breadcrumbs, section lists, pagination
    SHARE_CONTROL = "share control"  # share buttons and the names of the services they post to
    PAGE_CONTROL = "page control"  # font size, print, e-mail this page, back to top
    WIDGET_HEADING = "widget heading"  # "Related news", "Most popular", "More video" and similar box titles
    COUNTER = "counter"  # bare numbers: comment, view or like counts, list ranks
    TIMESTAMP = "timestamp"  # a bare date or time standing alone: comment and list stamps
    PROMOTION = "promotion"  # app downloads, newsletter sign-ups, subscribe calls
    ADVERTISEMENT = "advertisement"  # "Advertisement", sponsored links
    RELATED_LINKS = "related links"  # lists of other articles' headlines
    FOOTER = "footer"  # about/contact/jobs/privacy link rows
    LEGAL_NOTICE = "legal notice"  # copyright, all rights reserved, reproduction prohibited
    COOKIE_NOTICE = "cookie notice"  # cookie and consent banners
    COMMENTS = "comments"  # readers' comments and their furniture
    LOGIN = "login"  # sign in / register walls and forms
    MEDIA_CAPTION = "media caption"  # image credits, "Photo:" lines, video player chrome
    BOILERPLATE = "boilerplate"  # outside the main content with no more specific kind
    SITE_BOILERPLATE = "site boilerplate"  # recurs across many pages of one site (corpus runs)
    DUPLICATE = "duplicate"  # repeats a block already kept (a title echoed in the body, a repeated line)
    SPAM = "spam"  # injected link farms and other text foreign to the page
    # -- metadata kinds (role METADATA)
    SECTION = "section"
    DATELINE = "dateline"
    BYLINE = "byline"


# Blocks that are cells of an HTML table (their `group` is their row).
TABLE_CELL_TAGS = frozenset({"td", "th"})


@dataclass(slots=True)
class Block:
    """One unit of visible text: a non-blank line in text mode, a block-level element's text in HTML mode."""

    index: int
    text: str
    role: Role = Role.BODY
    label: Label | None = None
    reason: str | None = None
    language: str | None = None
    # Where it came from: 1-based input line in text mode; element path (e.g. "body>div.main>p") in HTML mode.
    line_no: int | None = None
    path: str | None = None
    tag: str | None = None  # the block's element: p, h2, li, td, pre, ... (HTML mode; "p" for text lines)
    link_density: float = 0.0  # share of the block's characters that sit inside links (HTML mode)
    group: int = 0  # blocks in one group were adjacent in the source (no blank line / same container)
    # (anchor text, href) of the block's links (HTML mode), for Markdown
    links: tuple[tuple[str, str], ...] | None = None

    def remove(self, label: Label, reason: str) -> None:
        self.role = Role.REMOVED
        self.label = label
        self.reason = reason

    def to_dict(self, text_key: str = "text") -> dict[str, Any]:
        out: dict[str, Any] = {text_key: self.text, "role": self.role.value}
        if self.label is not None:
            out["label"] = self.label.value
        if self.reason is not None:
            out["reason"] = self.reason
        if self.language is not None:
            out["language"] = self.language
        if self.path is not None:
            out["path"] = self.path
        return out


@dataclass(slots=True)
class Decision:
    """A step's verdict on a whole document: kept, or rejected with the reason a person can read."""

    step: str
    kept: bool
    reason: str = ""


@dataclass(slots=True)
class Document:
    """A page and everything thresher learnt about it."""

    mode: str = "text"  # "text" or "html": how it was segmented
    blocks: list[Block] = field(default_factory=list)
    id: str = ""
    url: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601, no time zone invented when the page gives none
    author: str | None = None
    editor: str | None = None
    source: str | None = None  # the agency or outlet credited for the story (e.g. a wire service)
    section: str | None = None
    site: str | None = None
    language: str | None = None
    language_score: float | None = None
    description: str | None = None
    canonical_url: str | None = None
    tags: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    # Corpus-run fields: where the record came from, numeric quality signals, and each step's decision.
    source_path: str | None = None
    record_id: str | None = None
    signals: dict[str, float] = field(default_factory=dict)
    decisions: list[Decision] = field(default_factory=list)
    dedup_cluster: str | None = None

    @property
    def text(self) -> str:
        """The clean body: body blocks, paragraphs separated by one blank line.

        Table cells are the exception: the cells of one row (one `group`) are joined by tabs, and the rows of a
        table by single line breaks, so a table reads as a table and not as one paragraph per cell."""
        # The pieces and their separators in one list, joined once: adding each cell to a growing row string would
        # cost time quadratic in the size of a large table.
        pieces: list[str] = []
        previous: Block | None = None
        body = Role.BODY  # read once: an enum member is a slow class attribute
        for block in self.blocks:
            if block.role is not body:
                continue
            if previous is not None:
                if block.tag in TABLE_CELL_TAGS and previous.tag in TABLE_CELL_TAGS:
                    pieces.append("\t" if block.group == previous.group else "\n")
                else:
                    pieces.append("\n\n")
            pieces.append(block.text)
            previous = block
        return "".join(pieces)

    @property
    def kept(self) -> bool:
        return all(d.kept for d in self.decisions)

    @property
    def rejection(self) -> Decision | None:
        return next((d for d in self.decisions if not d.kept), None)

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)

    def removed(self) -> list[Block]:
        return [b for b in self.blocks if b.role is Role.REMOVED]

    def to_dict(self) -> dict[str, Any]:
        """The full record, as `thresher clean --json` prints it."""
        out: dict[str, Any] = {
            "title": self.title,
            "published": self.published,
            "author": self.author,
            "editor": self.editor,
            "source": self.source,
            "section": self.section,
            "site": self.site,
            "language": self.language,
            "url": self.url,
            "canonical_url": self.canonical_url,
            "description": self.description,
            "tags": list(self.tags),
            "flags": list(self.flags),
            "text": self.text,
        }
        # Text mode accounts for every non-blank input line; HTML mode for every block of visible text.
        if self.mode == "text":
            out["lines"] = [b.to_dict("line") for b in self.blocks]
        else:
            out["blocks"] = [b.to_dict() for b in self.blocks]
        return out
