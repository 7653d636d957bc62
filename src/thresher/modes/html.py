"""HTML mode: parse -> metadata -> segment -> label -> language, one page into one `Document`."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass, field

from thresher.decode import DecodeResult
from thresher.errors import InputError
from thresher.label.dom import BYLINE_WORDS, DomLabelOptions, label_blocks
from thresher.metadata.html import date_from_htmldate, extract_metadata, text_hints
from thresher.model import Document, Label, Role
from thresher.segment.html import limit_nesting, may_be_deeply_nested, parse_html, segment_html

# A page larger than this many characters is cut before parsing: no article needs it, and parsing is linear in it.
MAX_HTML_CHARS = 50_000_000
# When the DOM gives a body shorter than MIN_BODY_CHARS, a JSON-LD articleBody at least this long is the text.
MIN_JSON_LD_BODY_CHARS = 500
# A body shorter than this (characters) gets the "short_text" flag: probably a stub, a wall or an error page.
MIN_BODY_CHARS = 200


@dataclass(slots=True)
class HtmlOptions:
    """Options of `clean_html`; any field (or any DomLabelOptions field) may be passed as a keyword."""

    # The DOM walk stops after this many seconds from the start of the page; the result is partial and flagged.
    time_budget_s: float = 5.0
    # Only the text is wanted (`extract_text`): of the metadata, only what the text depends on is read (the title,
    # to find the headline; a JSON-LD articleBody); no language is guessed and blocks get no element path (their
    # reasons name the tag instead). The blocks and their labels are the same.
    text_only: bool = False
    # Guess the language from the body when `<html lang>` and the JSON-LD say nothing...
    detect_language: bool = True
    # ... from its first this many characters: 300 agree with 500 on 99.8% of benchmark pages at 70% of the cost.
    language_sample_chars: int = 300
    # Ask htmldate for a date when no structured source gave one (it re-parses the page: slower).
    date_fallback: bool = False
    dom: DomLabelOptions = field(default_factory=DomLabelOptions)


_DOM_FIELDS = {f.name for f in dataclasses.fields(DomLabelOptions)}
_HTML_FIELDS = {f.name for f in dataclasses.fields(HtmlOptions)} - {"dom"}


def make_options(**options: object) -> HtmlOptions:
    """HtmlOptions from keywords; an unknown keyword is an InputError naming it."""
    html_kw = {k: v for k, v in options.items() if k in _HTML_FIELDS}
    dom_kw = {k: v for k, v in options.items() if k in _DOM_FIELDS}
    unknown = set(options) - set(html_kw) - set(dom_kw) - {"dom"}
    if unknown:
        raise InputError(f"unknown HTML option(s): {', '.join(sorted(unknown))}")
    dom = options.get("dom") or DomLabelOptions(**dom_kw)  # type: ignore[arg-type]
    return HtmlOptions(dom=dom, **html_kw)  # type: ignore[arg-type]


# The options of a call that sets none, or only `text_only` (every page `clean` and `extract_text` clean), made once:
# building the two option records for every page costs more than the rest of the setup. Read, never changed.
_PLAIN_OPTIONS = {flag: HtmlOptions(text_only=flag) for flag in (False, True)}


def _options_of(options: dict[str, object]) -> HtmlOptions:
    if not options:
        return _PLAIN_OPTIONS[False]
    if len(options) == 1 and type(options.get("text_only")) is bool:
        return _PLAIN_OPTIONS[options["text_only"]]  # type: ignore[index]
    return make_options(**options)


def clean_html(
    html: str | DecodeResult, url: str | None = None, *, utf8: bytes | None = None, **options: object
) -> Document:
    """Clean one HTML page into a Document: body blocks, every removed block with its label and reason, metadata.

    `utf8`, when given, must be exactly `html` in UTF-8 (as `DecodeResult.utf8`): the parser takes it as is. `html`
    may be the page's `DecodeResult`: its UTF-8 bytes go to the parser, and its text is decoded only if something
    needs it (a page past MAX_HTML_CHARS or nested too deep, the htmldate fallback).
    """
    return clean_html_with_text(html, url, utf8=utf8, **options)[0]


def clean_html_with_text(
    html: str | DecodeResult, url: str | None = None, *, utf8: bytes | None = None, **options: object
) -> tuple[Document, str]:
    """`clean_html`, and the Document's text as it worked it out (so a caller wanting it does not join it again)."""
    # The page as a DecodeResult either way: its text is decoded only if something below reads it.
    page = html if isinstance(html, DecodeResult) else DecodeResult(html, None, "str", utf8)
    utf8 = page.utf8
    opts = _options_of(options)
    deadline = time.monotonic() + opts.time_budget_s
    doc = Document(mode="html", url=url)
    # A page has no more characters than UTF-8 bytes: within the limit in bytes, its text need not be counted.
    if (utf8 is None or len(utf8) > MAX_HTML_CHARS) and len(page.text) > MAX_HTML_CHARS:
        page = DecodeResult(page.text[:MAX_HTML_CHARS], None, "str")
        doc.flag("truncated_input")
        utf8 = None
    # The parser reads UTF-8 bytes and would encode a str itself: encoding once here (as it would, dropping lone
    # surrogates) costs nothing extra and lets the nesting scan search bytes, a little cheaper than a wide str.
    data = utf8 if utf8 is not None else page.text.encode("utf-8", "ignore")
    if may_be_deeply_nested(data):
        limited, dropped = limit_nesting(page.text)
        if dropped:
            doc.flag("deep_nesting_cut")
            doc.signals["nesting_tags_dropped"] = float(dropped)
            page = DecodeResult(limited, None, "str")
            data = limited.encode("utf-8", "ignore")
    tree = parse_html(data)
    if not opts.text_only:
        meta = extract_metadata(tree, url)
        title_hint, article_body = meta.headline or meta.title, meta.article_body
    else:
        meta = None
        title_hint, article_body = text_hints(tree, url)
    seg = segment_html(tree, deadline, paths=not opts.text_only)
    if seg.stopped_early:
        # The page ran past its budget: what was read is labelled as usual, and the flag says it is partial.
        doc.flag("time_budget_exceeded")
        doc.signals["time_budget_s"] = opts.time_budget_s
    doc.blocks = seg.blocks
    main = label_blocks(seg, title=title_hint, article_body=article_body, options=opts.dom)
    text = doc.text
    if len(text) < MIN_BODY_CHARS and article_body and len(article_body) >= MIN_JSON_LD_BODY_CHARS:
        # The page renders its text with scripts: the visible DOM holds none of it, its JSON-LD holds all of it.
        _body_from_json_ld(doc, article_body)
        text = doc.text
    elif main.container < 0:
        doc.flag("no_main_content")
    if meta is not None:
        _fill_metadata(doc, meta)
        _visible_metadata(doc)
        if not doc.published and opts.date_fallback:
            doc.published = date_from_htmldate(page.text)
    else:
        doc.title = title_hint
    if len(text) < MIN_BODY_CHARS:
        doc.flag("short_text")
    if not doc.language and opts.detect_language and not opts.text_only and text:
        from thresher.langid import detect_language

        doc.language, score = detect_language(text, opts.language_sample_chars)
        doc.language_score = score if doc.language else None
    return doc, text


def _body_from_json_ld(doc: Document, article_body: str) -> None:
    """Add the JSON-LD articleBody's paragraphs the DOM body lacks as body blocks (the DOM's own stay as labelled)."""
    from thresher.model import Block

    shown = " ".join(doc.text.split())
    for paragraph in article_body.replace("\r", "").split("\n"):
        text = " ".join(paragraph.split())
        if text and text not in shown:
            doc.blocks.append(Block(index=len(doc.blocks), text=text, tag="p", path="script[ld+json]>articleBody"))
    doc.flag("text_from_json_ld")


def _fill_metadata(doc: Document, meta) -> None:  # type: ignore[no-untyped-def]
    doc.title = meta.headline or meta.title
    doc.author = meta.author
    doc.published = meta.published
    doc.site = meta.site
    doc.canonical_url = meta.canonical_url
    doc.language = meta.language
    doc.description = meta.description
    doc.section = meta.section
    doc.tags = list(meta.tags)


def _visible_metadata(doc: Document) -> None:
    """Fill what structured data left open from the page itself: the headline block, a visible byline."""
    for block in doc.blocks:
        if block.role is Role.TITLE and not doc.title:
            doc.title = block.text
        elif block.role is Role.METADATA and block.label is Label.BYLINE and not doc.author:
            doc.author = _strip_by(block.text)


def _strip_by(text: str) -> str:
    words = text.split()
    if words and words[0].lower().rstrip(":") in BYLINE_WORDS:
        words = words[1:]
    return " ".join(words)
