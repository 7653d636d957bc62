"""Page metadata from HTML: JSON-LD first, then OpenGraph and other meta tags, microdata, and the visible page.

Structured sources say what the publisher meant, so they win; visible hints (a `<time>`, an element whose class
names a date or an author, a `rel=author` link, a dateline under the headline, a date in the URL) fill what they
left open. Everything is read in one CSS selection over the parsed tree, so the cost stays a fraction of a
millisecond per page. `htmldate` (which re-parses the page) is only consulted when a caller asks for it.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborCSSSelector, LexborHTMLParser, LexborNode

from thresher.compiled import compiled_module
from thresher.label.gates import contains_any, fragment_gate
from thresher.metadata.text import find_date
from thresher.segment.html import compiled_walk_available

# JSON-LD types that describe the page's own article (an Organization or BreadcrumbList does not).
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle", "techarticle", "report", "posting",
        "socialmediaposting", "liveblogposting", "webpage", "itempage", "creativework", "medicalwebpage", "review",
        "howto", "recipe", "videoobject", "discussionforumposting", "qapage", "aboutpage", "collectionpage",
    }
)
# Page-level JSON-LD types: a page that also has a story type describes the story in that other object.
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage", "qapage", "medicalwebpage"})
SITE_TYPES = frozenset({"organization", "newsmediaorganization", "website", "corporation"})
# A JSON-LD block larger than this is not parsed (some pages embed whole product catalogues).
MAX_JSON_LD_CHARS = 2_000_000
# How many JSON objects are visited inside one page's JSON-LD at most (a guard against pathological graphs).
MAX_JSON_LD_OBJECTS = 5000
# A title or description longer than this is not metadata but a mis-filled field.
MAX_TITLE_CHARS = 500
# Tags and keywords: at most this many are kept.
MAX_TAGS = 50
# Visible hints: only the first this-many elements of each kind are looked at (later ones are comments, teasers).
MAX_HINTS_PER_KIND = 12
# Date-classed elements are many on some pages (every "meta" box of the header): more of them are kept.
MAX_DATE_NODES = 40
# Text of a visible date or byline element longer than this is a paragraph, not a dateline or a byline.
MAX_HINT_TEXT_CHARS = 160
# A person's name (or a short list of them) has at most this many words once "By" and dates are cleaned off.
MAX_AUTHOR_WORDS = 8
# An author string longer than this is a sentence, not a name.
MAX_AUTHOR_CHARS = 120
# Dates before this year are not web publication dates (copyright years of old books, birth dates, ...).
MIN_YEAR = 1993
# A date later than today plus this slack is an event announcement or an expiry, not when the page was published.
FUTURE_SLACK = timedelta(days=2)
# How many elements after the headline are searched for a visible dateline.
DATELINE_SIBLINGS = 4
# A long line is searched for a date only in its first this-many characters.
LEADING_DATE_CHARS = 24
# The century of a two-digit year in a date element.
SHORT_YEAR_CENTURY = 2000
# A UTC timestamp this many hours after midnight, or before it, may name a different day than its readers saw.
EARLY_UTC_HOURS = 6
LATE_UTC_HOURS = 2
# Bylines and date elements are searched this many ancestors up from the headline (the whole body without one).
VISIBLE_SCOPE_LEVELS = 5
# Whether an element is in a comment thread, a sidebar or a list of other stories is told by this many elements: the
# element itself and its nearest ancestors.
OUTSIDE_ARTICLE_LEVELS = 6
# How many meta-tag dates are compared with the chosen one when they disagree.
MAX_DECLARED_DATES = 3
# How many ancestors of the headline are searched for a date line, and how much text one may hold to be searched.
HEADLINE_CONTEXT_LEVELS = 3
MAX_HEADLINE_CONTEXT_CHARS = 6000
# The whole-page search for a date line reads at most this many characters of the page's text.
MAX_BODY_SCAN_CHARS = 50_000
# At most this many h1 elements take part in choosing the title.
MAX_HEADINGS_COMPARED = 3
# An h1 longer than this is not a headline (some themes wrap a whole teaser in one).
MAX_HEADLINE_CHARS = 300

_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_UTC_CLOCK = re.compile(r"^\d{4}-\d{2}-\d{2}T(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")
# A day-first numeric date with dashes ("06-08-2009T14:12"), as some blog themes put it in a title attribute.
_DMY_DASH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?!\d)")
# German and other month abbreviations the shared date patterns do not know, mapped to ones they do.
_MONTH_ABBREVIATIONS = {"okt": "Oct", "dez": "Dec", "mär": "Mar", "mrz": "Mar", "mai": "May", "ene": "Jan", "dic": "Dec"}
_MONTH_ABBREVIATION = re.compile(r"\b(" + "|".join(_MONTH_ABBREVIATIONS) + r")\b\.?", re.IGNORECASE)
# A slashed date with the year last ("03/05/2022"): day-first in most of the world, month-first in US English.
_SLASHED_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})(?![\d/])")
# A day-first date with a two-digit year ("23.09.22"), read only inside elements that are known to hold a date.
_SHORT_YEAR_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])")
# Where a date may be: a year of this century or the last. Two literal-prefix patterns, because the regular expression
# engine finds a literal prefix far faster than an alternation (the pages' text is long).
_YEARS = (re.compile(r"20\d\d"), re.compile(r"19\d\d"))
# How many date-looking places of a text are parsed at most before giving up.
MAX_DATE_CANDIDATES = 60
# A full date as URL path segments ("/2019/11/19/" or "/2019-11-19-").
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:[/_-]|$)")
# A day-first one ("/~02-01-2022-story", "/29-10-2021").
_URL_DAY_FIRST_DATE = re.compile(r"[/~_-](\d{2})[-.](\d{2})[-.]((?:19|20)\d{2})(?:[/_.-]|$)")

# Meta tags naming the publication date, most specific first.
PUBLISHED_META = (
    "article:published_time", "article:published", "og:article:published_time", "datepublished", "og:published_time",
    "article.published", "published_time", "publish-date", "publish_date", "publishdate", "pubdate", "pub_date",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created",
    "dc.date", "dcterms.date", "date", "citation_publication_date", "citation_date", "originalpublicationdate",
    "release_date", "created", "creation_date", "article:post_date", "bt:pubdate", "og:pubdate", "cxenseparse:recs:publishtime",
)
# Meta tags naming when the page was last changed: used only when nothing names the publication.
MODIFIED_META = (
    "article:modified_time", "og:updated_time", "datemodified", "dc.date.modified", "dcterms.modified",
    "last-modified", "lastmod", "article:modified", "revised",
)
AUTHOR_META = (
    "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "byline",
    "citation_author", "article:author_name", "cxenseparse:author", "twitter:creator:name",
)
TITLE_META = ("og:title", "twitter:title", "dc.title", "dcterms.title", "headline", "parsely-title", "sailthru.title")
SITE_META = ("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site")
# twitter:labelN / twitter:dataN pairs: a label like these says the data is the author.
AUTHOR_LABELS = frozenset({"written by", "verfasst von", "geschrieben von", "autor", "author", "von", "by", "écrit par"})

# One selection over the whole tree collects the structured hints; a second one, made only when those leave the
# author or the date open, collects elements whose class names a date or an author (substring matches on class
# names cost more than the first selection, so most pages never pay for them).
STRUCTURED_SELECTOR = 'meta, script[type="application/ld+json"], h1, time, [itemprop]'
# The microdata properties read from the page (other itemprops are passed over).
ITEMPROPS_READ = frozenset({"author", "creator", "datePublished", "dateCreated"})
VISIBLE_SELECTOR = (
    "abbr[title], a[rel~=author], [class*=author i], [class*=byline i], [class*=date i], [class*=meta i]"
)
# Class/id words that mean "date of this article" (date hints are taken in document order, these first).
_PUBLISH_WORDS = re.compile(r"publish|posted|entry-date|post-date|article-date|dateline|datum|pubdate|created", re.IGNORECASE)
# Class/id words of sections whose dates and names are not the article's (comments, related stories, sidebars).
NOT_ARTICLE_WORDS = ("comment", "related", "sidebar", "widget", "teaser", "recent", "popular", "reply", "review-")
# Searched in the non-ASCII names of the ancestors of hints (ASCII names are lower-cased and tested word by word): as
# a gate (a trie behind a look-ahead at the first letters), it skips most positions instead of trying each word there.
_NOT_ARTICLE_WORDS = fragment_gate(NOT_ARTICLE_WORDS, re.IGNORECASE)
_AUTHOR_CLASS = re.compile(r"author|byline", re.IGNORECASE)
_AUTHOR_CLASS_NOISE = re.compile(r"avatar|image|img|photo|bio|description|info-box|about|box|social|follow", re.IGNORECASE)

_BY_PREFIX = re.compile(
    r"^(?:(?:posted|written|published|veröffentlicht|publiziert|geschrieben|erstellt|verfasst|gepostet)\s+(?:by|von)|"
    r"by|von|par|por|di|door|av|af|przez|autor(?:in)?|auteur|author|text|texte|redakteur(?:in)?)\s*[:\-–]?\s+",
    re.IGNORECASE,
)
# What follows a name in a byline and is not part of it: a date, a separator and a site or role, "am", "on".
_AUTHOR_TAIL = re.compile(
    r"\s*(?:[|·•–—]|\s-\s|\bam\b|\bon\b|\bat\b|\bupdated\b|\baktualisiert\b|\d{1,2}[./]|\d{4}|\(|@).*$", re.IGNORECASE
)
# What separates the names of several authors ("Anna Berg, Jo Rau und Li Wen").
_NAME_LIST = re.compile(r"\s*(?:[,;/&]|\s(?:and|und|et|y)\s)\s*", re.IGNORECASE)
# Job titles that follow a name in a byline ("Jane Doe, Senior Editor"; "Christoph Hein Chefredakteur").
ROLE_WORDS = frozenset(
    {
        "editor", "redakteur", "redakteurin", "chefredakteur", "chefredakteurin", "korrespondent", "korrespondentin",
        "reporter", "reporterin", "correspondent", "writer", "contributor", "staff", "photographer", "fotograf",
        "fotografin", "autor", "autorin", "author", "volontär", "volontärin", "journalist", "journalistin",
    }
)
# A further name in a list has a first name and a surname at least, at most this many words, each capitalised ("de",
# "von" and the like aside): a single word after a comma is a place, an agency or a degree ("PhD").
MIN_LISTED_NAME_WORDS = 2
MAX_LISTED_NAME_WORDS = 4
_NAME_PARTICLES = frozenset({"de", "da", "del", "der", "van", "von", "zu", "la", "le", "di", "du", "bin", "al"})
_QUOTES = " :-–|·•,'\"“”„‘’«»"
# Words that show an "author" element holds navigation or an invitation, not a name.
_AUTHOR_JUNK = re.compile(
    r"[?!:=<>{}\[\]#*]|https?://|www\.|\b(?:more|mehr|all|alle|posts?|articles?|beiträge|artikel|share|teilen|"
    r"follow|folgen|read|lesen|comments?|kommentar\w*|login|anmelden|abonn\w+|subscribe|newsletter|about|über)\b",
    re.IGNORECASE,
)
# Byline labels that are no name on their own ("By" in one span, the name in the next).
BYLINE_LABELS = frozenset(
    {
        "by", "von", "par", "por", "di", "posted", "publiziert", "veröffentlicht", "geschrieben", "written", "auteur",
        "autor", "autorin", "author", "authors", "autoren", "text", "foto", "fotos", "photo", "gepostet", "erstellt",
    }
)
# Every match starts with a space or a separator character: the look-ahead lets the engine pass over the other
# positions without trying each alternative there (twice as fast on titles; the matches are the same).
_TITLE_SEPARATOR = re.compile(r"(?=[\s|–—·•»«›‹:~\-])(?:\s+[|–—·•»«›‹:~\-]\s+|\s*[|»«›‹]\s*|\s*::\s*)")
_WORDLESS = re.compile(r"[\W_]+")
# What _WORDLESS matches in ASCII text (everything but letters and digits), for bytes.translate to delete.
_ASCII_WORDLESS = bytes(c for c in range(128) if not chr(c).isalnum())


@dataclass(slots=True)
class PageMetadata:
    """Everything the head and structured data said, before the body is labelled."""

    title: str | None = None
    headline: str | None = None  # the article's own headline (JSON-LD, og:title, h1) rather than the <title> with site
    author: str | None = None
    published: str | None = None
    site: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    article_body: str | None = None


def iso_date(value: Any) -> str | None:
    """A date string in ISO 8601 as the page gave it (time and zone kept when present, none invented)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = _DATE_PREFIX.match(value)
    if match:
        text = match.group(0).replace(" ", "T")
        try:
            datetime.fromisoformat(text)
        except ValueError:
            return None
        return text
    for pattern, order in ((_COMPACT_DATE, "ymd"), (_SLASH_DATE, "ymd"), (_DMY_DASH_DATE, "dmy")):
        found = pattern.match(value)
        if found:
            first, second, third = (int(g) for g in found.groups())
            y, m, d = (first, second, third) if order == "ymd" else (third, second, first)
            try:
                return datetime(y, m, d).date().isoformat()
            except ValueError:
                return None
    return None


def plausible_date(value: str | None, today: date | None = None) -> str | None:
    """The value when its day could be a web page's publication day (not before the web, not in the future)."""
    if not value:
        return None
    try:
        day = date.fromisoformat(value[:10])
    except ValueError:
        return None
    today = today or date.today()
    if day.year < MIN_YEAR or day > today + FUTURE_SLACK:
        return None
    return value


def date_in_text(text: str | None, short_years: bool = False, month_first: bool = False) -> str | None:
    """A plausible date written in a short text: ISO or numeric forms, or a written one ("19. November 2019").

    With `short_years` (for elements that are known to hold a date), "23.09.22" is read as 2022-09-23 too. A slashed
    date is day-first ("03/05/2022" is 3 May) unless `month_first` (pages in English) or the numbers rule it out."""
    if not text:
        return None
    text = text.strip()
    if not text or len(text) > MAX_HINT_TEXT_CHARS:
        return None
    found = plausible_date(iso_date(text))
    if found:
        return found
    if _MONTH_ABBREVIATION.search(text):
        text = _MONTH_ABBREVIATION.sub(lambda m: _MONTH_ABBREVIATIONS[m.group(1).lower()], text)
    written = find_date(text)
    if written:
        return plausible_date(written[0])
    slashed = _SLASHED_DATE.search(text)
    if slashed:
        first, second, year = (int(g) for g in slashed.groups())
        day, month = (second, first) if (month_first and first <= 12) or second > 12 else (first, second)
        try:
            return plausible_date(date(year, month, day).isoformat())
        except ValueError:
            return None
    if short_years:
        match = _SHORT_YEAR_DATE.search(text)
        if match:
            d, m, y = (int(g) for g in match.groups())
            try:
                return plausible_date(date(SHORT_YEAR_CENTURY + y, m, d).isoformat())
            except ValueError:
                return None
    return None


def _unescape(text: str) -> str:
    # Some CMSs escape twice: the parser undoes one level, "&#8211;" or "&amp;" is left in the value.
    return html_lib.unescape(text) if "&" in text else text


def _clean(value: Any, limit: int = MAX_TITLE_CHARS) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    text = " ".join(_unescape(value).split())
    return text[:limit] if text else None


def _names(value: Any, by_id: dict[str, dict[str, Any]] | None = None) -> list[str]:
    """Person or organisation names from a JSON-LD author/publisher value (string, object, @id reference or list)."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:MAX_TAGS]:
        if isinstance(item, dict) and "name" not in item and by_id and isinstance(item.get("@id"), str):
            item = by_id.get(item["@id"], item)
        if isinstance(item, str):
            name = _clean(item)
        elif isinstance(item, dict):
            name = _clean(item.get("name"))
        else:
            name = None
        if name and name not in out and not name.startswith(("http://", "https://")):
            out.append(name)
    return out


def _json_ld_objects(texts: Iterable[str]) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD (the scripts' texts), flattened out of lists and @graph, without
    recursion."""
    found: list[dict[str, Any]] = []
    for raw in texts:
        if not raw.strip() or len(raw) > MAX_JSON_LD_CHARS:
            continue
        try:
            data = json.loads(raw.strip().rstrip(";"))
        except ValueError:
            continue
        pending = [data]
        while pending and len(found) < MAX_JSON_LD_OBJECTS:
            item = pending.pop()
            if isinstance(item, list):
                pending.extend(reversed(item))
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extend(reversed(graph))
    return found


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _first(meta: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if key in meta:
            return meta[key]
    return None


def language_code(value: str | None) -> str | None:
    """"en-US" -> "en"; anything that is not a plausible language tag -> None."""
    if not value:
        return None
    code = value.strip().replace("_", "-").split("-")[0].lower()
    return code if 2 <= len(code) <= 3 and code.isalpha() else None


@dataclass(slots=True)
class _Hints:
    """The nodes of the one selection, sorted by kind, in document order."""

    meta: dict[str, str] = field(default_factory=dict)
    json_ld: list[LexborNode] = field(default_factory=list)
    h1: list[LexborNode] = field(default_factory=list)
    itemprop: dict[str, list[LexborNode]] = field(default_factory=dict)
    times: list[LexborNode] = field(default_factory=list)
    date_nodes: list[LexborNode] = field(default_factory=list)
    author_nodes: list[LexborNode] = field(default_factory=list)
    rel_author: list[LexborNode] = field(default_factory=list)
    month_first: bool = False  # slashed dates on this page are month-first (the page is in English)
    stray_time: str | None = None  # the first <time> found only in a teaser, a sidebar or a comment
    visible_read: bool = False  # whether the second, class-based selection has been made


# A CSS engine (selector parser and matcher) is bound to no tree: one per thread serves every page. `tree.css`
# would make each page's tree build its own (about 5 us with its first use and its teardown), and text_hints makes
# the page's first search.
_ENGINES = threading.local()


def _engine() -> LexborCSSSelector:
    engine = getattr(_ENGINES, "engine", None)
    if engine is None:
        engine = _ENGINES.engine = LexborCSSSelector()
    return engine


def _find(scope: LexborNode | None, query: str) -> list[LexborNode]:
    """`scope.css(query)`, through the thread's one CSS engine; nothing for no scope."""
    if scope is None:
        return []
    # A node without a parent may be a fragment's root, which stands for its siblings too: only the tree's own
    # search covers them.
    if scope.parent is None:
        return scope.css(query)
    return _engine().find(query, scope)


def _find_first(scope: LexborNode | None, query: str) -> LexborNode | None:
    """`scope.css_first(query)`, through the thread's one CSS engine (see _find); None for no scope."""
    if scope is None:
        return None
    if scope.parent is None:
        return scope.css_first(query)
    found = _engine().find_first(query, scope)
    return found[0] if found else None


def _collect(tree: LexborHTMLParser) -> _Hints:
    hints = _Hints()
    metas = []
    for node in _find(tree.root, STRUCTURED_SELECTOR):
        tag = node.tag
        # One dict of the node's attributes: each lookup through `node.attrs` asks the parser again.
        attrs = node.attributes
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
            metas.append((key, attrs.get("content")))
            continue
        if tag == "script":
            hints.json_ld.append(node)
            continue
        prop = attrs.get("itemprop")
        if prop:
            for name in prop.split():
                if name not in ITEMPROPS_READ:
                    continue
                kept = hints.itemprop.setdefault(name, [])
                if len(kept) < MAX_HINTS_PER_KIND:
                    kept.append(node)
        if tag == "h1" and len(hints.h1) < MAX_HINTS_PER_KIND:
            hints.h1.append(node)
        elif tag == "time" and len(hints.times) < MAX_HINTS_PER_KIND:
            hints.times.append(node)
    hints.meta = _meta_tags(metas)
    return hints


def _meta_tags(metas: Iterable[tuple[str | None, str | None]]) -> dict[str, str]:
    """The meta tags' (key, content) pairs, in document order, as a dict: keys stripped and lower-cased, contents
    stripped; the first non-empty content of a key wins."""
    tags: dict[str, str] = {}
    for key, content in metas:
        content = (content or "").strip()
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    return tags


def _visible_scope(tree: LexborHTMLParser, hints: _Hints) -> LexborNode:
    """Where bylines and datelines are searched: the headline's surroundings (a few ancestors up), else the body.

    Class-name matching costs time in proportion to the elements searched, and what names the article's author and
    date sits next to its headline; elsewhere the names and dates belong to teasers and comments."""
    root = tree.body or tree.root
    if root is None:
        return tree.root
    heading = next((h for h in hints.h1 if not _outside_article(h)), None)
    if heading is None:
        return root
    node = heading
    for _ in range(VISIBLE_SCOPE_LEVELS):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html") or parent.tag.startswith("-"):
            break
        node = parent
    return node


def _collect_visible(tree: LexborHTMLParser, hints: _Hints) -> None:
    if hints.visible_read:
        return
    hints.visible_read = True
    for node in _find(_visible_scope(tree, hints), VISIBLE_SELECTOR):
        attrs = node.attributes
        if node.tag == "a" and "author" in (attrs.get("rel") or "").split():
            if len(hints.rel_author) < MAX_HINTS_PER_KIND:
                hints.rel_author.append(node)
            continue
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _AUTHOR_CLASS.search(names):
            if len(hints.author_nodes) < MAX_HINTS_PER_KIND and not _AUTHOR_CLASS_NOISE.search(names):
                hints.author_nodes.append(node)
        elif len(hints.date_nodes) < MAX_DATE_NODES:
            hints.date_nodes.append(node)
        if len(hints.date_nodes) >= MAX_DATE_NODES and len(hints.author_nodes) >= MAX_HINTS_PER_KIND:
            break


def _outside_article(node: LexborNode) -> bool:
    """Whether the node or one of its near ancestors is a comment thread, a sidebar or a list of other stories."""
    current: LexborNode | None = node
    for _ in range(OUTSIDE_ARTICLE_LEVELS):
        if current is None:
            return False
        tag = current.tag
        if tag in ("body", "html") or tag.startswith("-"):
            return False
        attrs = current.attributes
        if _marks_outside_article(tag, attrs.get("class"), attrs.get("id")):
            return True
        current = current.parent
    return False


def _marks_outside_article(tag: str, class_names: str | None, ident: str | None) -> bool:
    """Whether one element, by its tag, class and id, is a comment thread, a sidebar or a list of other stories."""
    names = f"{class_names or ''} {ident or ''}"
    return (bool(names.strip()) and _names_not_article(names)) or tag == "aside"


def _ancestry_outside_article(ancestry: Iterable[tuple[str, str | None, str | None]]) -> bool:
    """`_outside_article` of an element given as the (tag, class, id) of it and its ancestors, as far as that reads
    them (up to OUTSIDE_ARTICLE_LEVELS, stopping before the body, the html element or a node that is no element)."""
    return any(_marks_outside_article(tag, class_names, ident) for tag, class_names, ident in ancestry)


def _names_not_article(names: str) -> bool:
    """Whether class and id names hold one of NOT_ARTICLE_WORDS, in any case."""
    if names.isascii():
        # Lower-cased ASCII names (nearly all): one substring test per word costs half the case-insensitive search.
        return contains_any(names.lower(), NOT_ARTICLE_WORDS)
    return _NOT_ARTICLE_WORDS.search(names) is not None


@dataclass(slots=True)
class _TitleSources:
    """What the first stage reads of the page, however it was read (the CSS selection, or segment._walk's
    title_hints)."""

    meta: dict[str, str]  # the meta tags (see _meta_tags)
    json_ld: Iterable[str]  # the texts of the JSON-LD scripts, in document order
    headings: Iterable[str]  # the h1s that may be the headline (see _headline_candidates), in document order
    title: str | None  # the first <title>'s text; None without one
    canonical: str | None  # the href of the first rel=canonical link; None without one


@dataclass(slots=True)
class _TitleStage:
    """What the first stage read: enough for the title and the JSON-LD article body, and what the rest builds on."""

    meta: PageMetadata  # title, headline, site, canonical_url and article_body filled
    objects: list[dict[str, Any]]  # every JSON-LD object of the page
    by_id: dict[str, dict[str, Any]]  # the named ones by their @id
    article: dict[str, Any]  # the JSON-LD object of the page's own article ({} without one)
    sites: set[str]  # squashed forms of the site's name (see _site_keys)


def text_hints(tree: LexborHTMLParser, url: str | None = None) -> tuple[str | None, str | None]:
    """`(meta.headline or meta.title, meta.article_body)` exactly as `extract_metadata` gives them, without the work
    only the other fields need (author and date searches, the visible-hint selection): the title hint and JSON-LD
    body the labeller uses, for callers that want the text and not the page's metadata.

    The page is read by segment._walk's title_hints where it can (the same strings, without a CSS selection and a
    Python node per match), else by the CSS selection extract_metadata makes."""
    root = tree.root
    if _TITLE_HINTS is not None and root is not None:
        sources = _compiled_sources(root, _TITLE_HINTS)
    else:
        sources = _css_sources(tree, _collect(tree))
    meta = _read_title(sources, url).meta
    return meta.headline or meta.title, meta.article_body


def extract_metadata(tree: LexborHTMLParser, url: str | None = None) -> PageMetadata:
    """Read the metadata of a parsed page (call before invisible content is stripped)."""
    hints = _collect(tree)
    stage = _read_title(_css_sources(tree, hints), url)
    meta, sites = stage.meta, stage.sites
    tags = hints.meta
    if stage.article:
        _details_from_article(meta, stage.article, stage.by_id)
    meta.description = meta.description or _clean(_first(tags, "og:description", "description", "twitter:description"), 2000)
    meta.section = meta.section or _clean(_first(tags, "article:section", "section", "parsely-section"))
    if not meta.tags:
        raw = _first(tags, "news_keywords", "keywords", "article:tag", "parsely-tags")
        if raw:
            meta.tags = [k.strip() for k in raw.split(",") if k.strip()][:MAX_TAGS]
    html_node = _find_first(tree.root, "html")
    lang = html_node.attributes.get("lang") or html_node.attributes.get("xml:lang") if html_node is not None else None
    meta.language = language_code(lang) or meta.language or language_code(_first(tags, "content-language", "og:locale"))

    hints.month_first = meta.language == "en"
    # An "author" that is the site's own name is what a CMS fills in by default: a person named on the page wins.
    site_as_author = meta.author if meta.author and _squash(meta.author) in sites else None
    if site_as_author:
        meta.author = None
    persons = [o for o in stage.objects if "person" in _types(o)]
    meta.author = meta.author or _author_from_page(tree, hints, persons, sites) or site_as_author
    address = url or meta.canonical_url
    meta.published = meta.published or _date_from_page(tree, hints, stage.article, address)
    if meta.published:
        meta.published = _settle_disagreement(tree, hints, meta.published, address)
    shift = _utc_day_shift(meta.published) if meta.published else 0
    if meta.published and shift:
        meta.published = _local_day(tree, hints, meta.published, shift)
    return meta


def _css_sources(tree: LexborHTMLParser, hints: _Hints) -> _TitleSources:
    """The title stage's reading of the page through the CSS selection (`_collect`) and two more searches."""
    title_node = _find_first(tree.root, "title")
    link = _find_first(tree.root, 'link[rel="canonical"]')
    h1s = ((node.text(deep=True, separator=" "), node) for node in hints.h1)
    return _TitleSources(
        meta=hints.meta,
        json_ld=[node.text(deep=True) for node in hints.json_ld],
        headings=_headline_candidates(h1s, _outside_article),
        title=title_node.text() if title_node is not None else None,
        canonical=link.attributes.get("href") if link is not None else None,
    )


def _compiled_sources(root: LexborNode, title_hints: Callable[..., tuple]) -> _TitleSources:
    """The title stage's reading of the page under `root` (the html element) by segment._walk's `title_hints`: the
    same as `_css_sources`."""
    metas, scripts, headings, title, canonical = title_hints(root.mem_id, MAX_HINTS_PER_KIND, OUTSIDE_ARTICLE_LEVELS)
    return _TitleSources(
        meta=_meta_tags(metas),
        json_ld=scripts,
        headings=_headline_candidates(headings, _ancestry_outside_article),
        title=title,
        canonical=canonical,
    )


def _headline_candidates(h1s: Iterable[tuple[str, Any]], outside: Callable[[Any], bool]) -> Iterator[str]:
    """The cleaned texts of the h1s that may be the headline: not too long, and inside the article. Each h1 comes as
    its text and what `outside` tells from (its node, or its ancestry); lazily, as only the first few count."""
    for raw, where in h1s:
        text = _clean(raw)
        if text and len(text) <= MAX_HEADLINE_CHARS and not outside(where):
            yield text


# A page on which the CSS selection's quirks show: meta keys by precedence, empty and repeated; JSON-LD script types
# matched ignoring case on HTML elements only; an h1 with an itemprop (matched twice), nested markup in an h1, h1s in
# an aside and a comment thread; an SVG <title> before the page's; canonical links by the same case rules.
_PROBE_PAGE = (
    '<html><head><meta name="Description" content=" d "><meta property="og:title" name="x" content="T">'
    '<meta name="" itemprop="Headline" content="h"><meta http-equiv="refresh" content="5"><meta name="e" content="">'
    '<meta name="description" content="second"><script type="Application/LD+JSON">{"@type": "Article"}</script>'
    '<script type="text/javascript">{}</script><link rel="Canonical" href="/a"><link rel="canonical" href="/b">'
    '</head><body><svg><title>Icon</title><script type="Application/LD+JSON">{}</script>'
    '<link rel="Canonical" href="/c"/></svg><title>Page</title>'
    '<div class="story"><h1 itemprop="headline">The <b>story</b> é</h1></div><aside><h1>Aside</h1></aside>'
    '<section id="comments"><div><h1>Reply</h1></div></section><template><h1>Template</h1></template></body></html>'
)


def _sources_read(sources: _TitleSources) -> tuple[Any, ...]:
    """Everything the sources hold, the lazy parts read out: two readings of a page compare equal by this."""
    return sources.meta, list(sources.json_ld), list(sources.headings), sources.title, sources.canonical


def _bind_title_hints() -> Callable[..., tuple] | None:
    """segment._walk's `title_hints`, when the compiled walk reads this selectolax's tree and the collection reads
    the probe page as the CSS selection does; else None (text_hints then makes the CSS selection)."""
    module = compiled_module("thresher.segment._walk") if compiled_walk_available() else None
    title_hints = getattr(module, "title_hints", None)
    if title_hints is None:
        return None
    page = LexborHTMLParser(_PROBE_PAGE)
    module.bind_hints(*(page.css_first(tag).mem_id for tag in ("meta", "script", "h1", "title", "link")))
    compiled = _sources_read(_compiled_sources(page.root, title_hints))
    return title_hints if compiled == _sources_read(_css_sources(page, _collect(page))) else None


_TITLE_HINTS = _bind_title_hints()


def _read_title(sources: _TitleSources, url: str | None) -> _TitleStage:
    """The first stage of both entries: JSON-LD, the site's name, the canonical URL, <title> and the headline."""
    meta = PageMetadata()
    tags = sources.meta
    objects = _json_ld_objects(sources.json_ld)
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str) and "name" in o}
    article = _main_article(objects)
    if article:
        _title_from_article(meta, article, by_id)
    for obj in objects:
        types = _types(obj)
        # A Person that is also an Organization is a personal blog's owner: the author, not the site's name.
        if not meta.site and types & SITE_TYPES and "person" not in types:
            meta.site = _clean(obj.get("name"))

    meta.title = _clean(sources.title)
    meta.site = meta.site or _clean(_first(tags, *SITE_META))
    meta.canonical_url = _canonical_url(sources.canonical, tags, url)
    sites = _site_keys(meta, url)
    meta.headline = _choose_title(meta, tags, sources.headings, sites)
    return _TitleStage(meta, objects, by_id, article, sites)


def _canonical_url(link: str | None, tags: dict[str, str], url: str | None) -> str | None:
    """The rel=canonical link's href (`link`), else og:url, made absolute against the page's URL; None when it has
    no scheme."""
    href = link or _first(tags, "og:url")
    if not (href and href.strip()):
        return None
    try:
        canonical = urljoin(url, href.strip()) if url else href.strip()
        return canonical if urlsplit(canonical).scheme else None
    except ValueError:  # a malformed address ("http://[::1") is no canonical URL
        return None


def _settle_disagreement(tree: LexborHTMLParser, hints: _Hints, chosen: str, url: str | None) -> str:
    """When the publication dates a page declares (JSON-LD, the meta tags, the URL) name different days, the day
    that most of them and the visible date name wins; the chosen date stays on a tie."""
    declared = [chosen]
    for found in _published_in_meta(hints.meta):
        declared.append(found)
        if len(declared) > MAX_DECLARED_DATES:
            break
    if url:
        found = _date_from_url(url)
        if found:
            declared.append(found)
    days = {d[:10] for d in declared}
    if len(days) < 2:
        return chosen
    _collect_visible(tree, hints)
    shown = _date_from_time_elements(hints, visible_only=True) or _date_from_classed_elements(hints, visible_only=True)
    votes: dict[str, int] = {}
    for value in (*declared, *([shown] if shown else [])):
        votes[value[:10]] = votes.get(value[:10], 0) + 1
    best = max(votes, key=lambda day: votes[day])
    if votes[best] > votes[chosen[:10]]:
        return next(v for v in (*declared, shown) if v and v[:10] == best)
    return chosen


def _main_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    article: dict[str, Any] = {}
    for obj in objects:
        types = _types(obj)
        if not types & ARTICLE_TYPES:
            continue
        # A page may describe itself as a WebPage and its story as a NewsArticle: the story wins.
        if not article or (_types(article) <= PAGE_TYPES and not types <= PAGE_TYPES) or (
            "articlebody" in obj and "articlebody" not in article
        ):
            article = obj
    return article


def _title_from_article(meta: PageMetadata, article: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> None:
    """What the title stage takes from the JSON-LD article: its headline, its body and its publisher (the site)."""
    meta.headline = _clean(article.get("headline")) or _clean(article.get("name"))
    body = article.get("articleBody") or article.get("text")
    meta.article_body = body if isinstance(body, str) else None
    publisher = article.get("publisher")
    if isinstance(publisher, dict) and "name" not in publisher and isinstance(publisher.get("@id"), str):
        publisher = by_id.get(publisher["@id"], publisher)
    # A person as publisher (a personal blog) names the author, not the site.
    if not (isinstance(publisher, dict) and "person" in _types(publisher)):
        names = _names(publisher, by_id)
        meta.site = names[0] if names else meta.site


def _details_from_article(meta: PageMetadata, article: dict[str, Any], by_id: dict[str, dict[str, Any]]) -> None:
    """The rest of the JSON-LD article: author, dates, description, section, keywords and language."""
    authors = _names(article.get("author"), by_id) or _names(article.get("creator"), by_id)
    authors = [a for a in (clean_author(a) for a in authors) if a]
    meta.author = "; ".join(authors) if authors else None
    meta.published = plausible_date(iso_date(article.get("datePublished"))) or plausible_date(
        iso_date(article.get("dateCreated"))
    )
    meta.description = _clean(article.get("description"), limit=2000)
    meta.section = _clean(article.get("articleSection"))
    keywords = article.get("keywords")
    if isinstance(keywords, str):
        meta.tags = [k.strip() for k in keywords.split(",") if k.strip()][:MAX_TAGS]
    elif isinstance(keywords, list):
        meta.tags = [k.strip() for k in keywords if isinstance(k, str) and k.strip()][:MAX_TAGS]
    language = article.get("inLanguage")
    meta.language = language_code(language if isinstance(language, str) else None)


# ------------------------------------------------------------------------------------------------------------ date


def _published_in_meta(tags: dict[str, str]) -> Iterator[str]:
    """The plausible publication dates the meta tags declare, in the order of PUBLISHED_META. Tags the page lacks
    are passed over before any parsing (most pages have a few of the thirty)."""
    for key in PUBLISHED_META:
        value = tags.get(key)
        if value is not None:
            found = plausible_date(iso_date(value))
            if found:
                yield found


def _date_from_page(tree: LexborHTMLParser, hints: _Hints, article: dict[str, Any], url: str | None) -> str | None:
    """The publication date from meta tags and the visible page, most explicit source first; a modification date
    only when nothing names the publication."""
    tags = hints.meta
    found = next(_published_in_meta(tags), None)
    if found:
        return found
    for name in ("datePublished", "dateCreated"):
        for node in hints.itemprop.get(name, ()):
            attrs = node.attributes
            found = plausible_date(iso_date(attrs.get("content") or attrs.get("datetime"))) or date_in_text(node.text(), month_first=hints.month_first)
            if found:
                return found
    found = _date_from_time_elements(hints)
    if found:
        return found
    _collect_visible(tree, hints)
    found = (
        _date_from_classed_elements(hints)
        or _dateline_under_headline(hints)
        or (_date_from_url(url) if url else None)
        or _date_around_headline(hints)
        or hints.stray_time
        or _first_dateline_in_body(tree, hints)
    )
    if found:
        return found
    for value in (article.get("dateModified"), *(tags.get(k) for k in MODIFIED_META)):
        found = plausible_date(iso_date(value))
        if found:
            return found
    return None


def _utc_day_shift(value: str) -> int:
    """For a UTC timestamp near midnight, which way the day its readers saw may differ: +1 late in the evening (east
    of Greenwich it is already tomorrow), -1 early in the morning (west of it, still yesterday), 0 otherwise."""
    match = _UTC_CLOCK.match(value)
    if not match:
        return 0
    hour = int(match.group(1))
    if hour >= 24 - LATE_UTC_HOURS:
        return 1
    if hour < EARLY_UTC_HOURS:
        return -1
    return 0


def _local_day(tree: LexborHTMLParser, hints: _Hints, value: str, shift: int) -> str:
    """A UTC timestamp near midnight next to a visible date one day off in the direction of the shift: the page shows
    its readers their local day, so that is the publication day."""
    _collect_visible(tree, hints)
    shown = [date_in_text(n.text(deep=True, separator=" "), month_first=hints.month_first) for n in hints.times]
    shown.append(_date_from_classed_elements(hints, visible_only=True) or _dateline_under_headline(hints))
    stamped = date.fromisoformat(value[:10])
    for day in shown:
        if day and (date.fromisoformat(day[:10]) - stamped).days == shift:
            return day
    return value


def _date_from_time_elements(hints: _Hints, visible_only: bool = False) -> str | None:
    """A `<time>` marked as the publication (pubdate, class) first, else the first one outside comments (its
    datetime attribute, or only its text when `visible_only`)."""
    fallback = None
    for node in hints.times:
        attrs = node.attributes
        found = None if visible_only else plausible_date(iso_date(attrs.get("datetime")))
        found = found or date_in_text(node.text(), month_first=hints.month_first)
        if not found:
            continue
        if _outside_article(node):
            hints.stray_time = hints.stray_time or found
            continue
        names = f"{attrs.get('class') or ''} {attrs.get('itemprop') or ''}"
        if "pubdate" in attrs or _PUBLISH_WORDS.search(names):
            return found
        if "updated" in names.lower() or "modified" in names.lower():
            continue
        fallback = fallback or found
    return fallback


def _date_from_classed_elements(hints: _Hints, visible_only: bool = False) -> str | None:
    """Elements whose class names a date: an abbr/span title attribute or their short text (only the text when
    `visible_only`)."""
    fallback = changed = None
    for node in hints.date_nodes:
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
        found = None
        if not visible_only:
            found = plausible_date(iso_date(attrs.get("title") or attrs.get("content") or attrs.get("datetime")))
        found = found or date_in_text(node.text(deep=True, separator=" "), short_years=True, month_first=hints.month_first)
        if not found or _outside_article(node):
            continue
        if "update" in names or "modified" in names:
            # Blog themes mark the post date "updated" too; a real modification date is only the last resort.
            changed = changed or found
        elif _PUBLISH_WORDS.search(names):
            return found
        else:
            fallback = fallback or found
    return fallback or changed


def _dateline_under_headline(hints: _Hints) -> str | None:
    """A date in the few short elements right after the headline ("Von Anna Berg, 19.11.2019")."""
    if not hints.h1:
        return None
    node = hints.h1[0].next
    seen = 0
    while node is not None and seen < DATELINE_SIBLINGS:
        if node.tag != "-text":
            seen += 1
            found = date_in_text(node.text(deep=True, separator=" "), short_years=True, month_first=hints.month_first)
            if found:
                return found
        node = node.next
    return None


def _date_around_headline(hints: _Hints) -> str | None:
    """The first short line holding a date in the headline's parent, grandparent, ... (a date above the headline,
    or in a meta line a few elements below it)."""
    if not hints.h1:
        return None
    node = hints.h1[0].parent
    for _ in range(HEADLINE_CONTEXT_LEVELS):
        if node is None or node.tag in ("body", "html") or node.tag.startswith("-"):
            return None
        text = node.text(deep=True, separator="\n")
        if len(text) > MAX_HEADLINE_CONTEXT_CHARS:
            return None
        found = _first_dateline(text, hints.month_first)
        if found:
            return found
        node = node.parent
    return None


def _first_dateline(text: str, month_first: bool = False) -> str | None:
    """The date of the first line that is a short date line, or a paragraph opening with a date."""
    last_line = -1
    years = sorted(m.start() for pattern in _YEARS for m in pattern.finditer(text))
    for count, position in enumerate(years):
        if count >= MAX_DATE_CANDIDATES:
            return None
        start = text.rfind("\n", 0, position) + 1
        if start == last_line:
            continue
        last_line = start
        end = text.find("\n", position)
        end = end if end >= 0 else len(text)
        if end - start > MAX_HINT_TEXT_CHARS:
            # A paragraph may open with its date ("01.02.2022 Der Arbeitsmarkt ..."): only its opening counts.
            line = text[start:end].lstrip()[:LEADING_DATE_CHARS]
        else:
            line = text[start:end]
        found = date_in_text(line, month_first=month_first)
        if found:
            return found
    return None


def _first_dateline_in_body(tree: LexborHTMLParser, hints: _Hints) -> str | None:
    """The first short line holding a date in the headline's surroundings, else in the opening of the page's text:
    the last resort before a modification date. (The text includes scripts' text, where pages also state dates.)"""
    scope = _visible_scope(tree, hints)
    body = tree.body
    if scope is not body:
        found = _first_dateline(scope.text(deep=True, separator="\n")[:MAX_BODY_SCAN_CHARS], hints.month_first)
        if found:
            return found
    if body is None:
        return None
    return _first_dateline(body.text(deep=True, separator="\n")[:MAX_BODY_SCAN_CHARS], hints.month_first)


def _date_from_url(url: str) -> str | None:
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _URL_DATE.search(path)
    if match:
        y, m, d = (int(g) for g in match.groups())
    else:
        match = _URL_DAY_FIRST_DATE.search(path)
        if not match:
            return None
        d, m, y = (int(g) for g in match.groups())
    try:
        return plausible_date(date(y, m, d).isoformat())
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------------------------- author


def clean_author(text: str | None) -> str | None:
    """The names out of a byline: "By Jane Doe and Jo Rau | Site, 3. März 2020" -> "Jane Doe; Jo Rau"; None when
    no name is left."""
    if not text:
        return None
    text = " ".join(_unescape(text).split()).strip(_QUOTES)
    if text.startswith(("http://", "https://")):
        return None
    text = _BY_PREFIX.sub("", text)
    text = _BY_PREFIX.sub("", text)  # "Autor: von ..." carries two markers
    text = _AUTHOR_TAIL.sub("", text).strip(_QUOTES)
    if not text or len(text) > MAX_AUTHOR_CHARS or len(text.split()) > MAX_AUTHOR_WORDS:
        return None
    if _AUTHOR_JUNK.search(text) or not any(c.isalpha() for c in text) or text.casefold() in BYLINE_LABELS:
        return None
    parts = [_without_role(p.strip(_QUOTES)) for p in _NAME_LIST.split(text)]
    names = [parts[0]] if parts[0] else []
    for part in parts[1:]:
        if not _looks_like_name(part):
            break  # what follows a non-name ("Jane Doe, Senior Editor, Berlin") is not a list of authors
        names.append(part)
    return "; ".join(names) if names else None


def _without_role(name: str) -> str:
    """"Christoph Hein Chefredakteur" -> "Christoph Hein" (a role alone, "Staff Writer", stays what it is)."""
    words = name.split()
    while len(words) > MIN_LISTED_NAME_WORDS and words[-1].casefold() in ROLE_WORDS:
        words.pop()
    return " ".join(words)


def _looks_like_name(part: str) -> bool:
    words = part.split()
    if not MIN_LISTED_NAME_WORDS <= len(words) <= MAX_LISTED_NAME_WORDS or any(w.casefold() in ROLE_WORDS for w in words):
        return False
    return all(w[0].isupper() or w in _NAME_PARTICLES for w in words) and not any(c.isdigit() for c in part)


def _author_from_page(
    tree: LexborHTMLParser, hints: _Hints, persons: list[dict[str, Any]], sites: set[str]
) -> str | None:
    """The first name the page gives, meta tags before microdata before visible bylines; the site's own name only
    when no person is named."""
    site_as_author = None
    for found in _author_candidates(tree, hints, persons):
        if _squash(found) not in sites:
            return found
        site_as_author = site_as_author or found
    return site_as_author


def _author_candidates(tree: LexborHTMLParser, hints: _Hints, persons: list[dict[str, Any]]) -> Iterator[str]:
    tags = hints.meta
    for key in AUTHOR_META:
        found = clean_author(_clean(tags.get(key)))
        if found:
            yield found
    for index in range(1, 5):
        label = (tags.get(f"twitter:label{index}") or "").strip().lower()
        if label in AUTHOR_LABELS:
            found = clean_author(tags.get(f"twitter:data{index}"))
            if found:
                yield found
    for node in [*hints.itemprop.get("author", ()), *hints.itemprop.get("creator", ())]:
        if _outside_article(node):
            continue
        named = _find_first(node, '[itemprop="name"]')
        source = named if named is not None else node
        found = clean_author(source.attrs.get("content") or source.text(deep=True, separator=" "))
        if found:
            yield found
    _collect_visible(tree, hints)
    for node in hints.rel_author:
        if not _outside_article(node):
            found = clean_author(node.text(deep=True, separator=" "))
            if found:
                yield found
    for node in hints.author_nodes:
        if _outside_article(node):
            continue
        named = _find_first(node, ".fn, [class*=name i]")
        found = clean_author((named if named is not None else node).text(deep=True, separator=" "))
        if found:
            yield found
    # A site that describes exactly one person in its JSON-LD (a personal blog) is written by that person.
    names = {n for n in (_clean(p.get("name")) for p in persons) if n}
    if len(names) == 1:
        found = clean_author(names.pop())
        if found:
            yield found


# ----------------------------------------------------------------------------------------------------------- title


def _squash(text: str) -> str:
    """The text's letters and digits only, case-folded: "The Site | News" -> "thesitenews"."""
    if text.isascii():
        # Most titles and site names are ASCII: deleting bytes is several times faster than the pattern's scan.
        return text.encode("ascii").translate(None, _ASCII_WORDLESS).decode("ascii").lower()
    return _WORDLESS.sub("", text).casefold()


def _site_keys(meta: PageMetadata, url: str | None) -> set[str]:
    """Squashed forms of the site's name: its declared names and the host's main label ("hr-innovation")."""
    keys = {_squash(s) for s in (meta.site,) if s}
    for address in (url, meta.canonical_url):
        try:
            host = urlsplit(address).hostname if address else None
        except ValueError:
            host = None
        if host:
            labels = [p for p in host.split(".") if p not in ("www", "m")]
            if len(labels) >= 2:
                keys.add(_squash(labels[-2]))
                keys.add(_squash(".".join(labels[-2:])))
            keys.add(_squash(host))
    return {k for k in keys if k}


def _is_site(part: str, sites: set[str]) -> bool:
    squashed = _squash(part)
    return bool(squashed) and any(squashed == s or (len(s) >= 4 and (s in squashed or squashed in s)) for s in sites)


def strip_site(title: str, sites: set[str], pieces: list[str] | None = None) -> str:
    """The title without the parts that name the site ("Story | Site" -> "Story"); `pieces`, when given, must be
    `_TITLE_SEPARATOR.split(title)` (a caller that split the title already)."""
    if pieces is None:
        pieces = _TITLE_SEPARATOR.split(title)
    parts = [p.strip() for p in pieces if p and p.strip()]
    if len(parts) < 2:
        return title
    site_part = [_is_site(p, sites) for p in parts]
    kept = [p for p, is_site in zip(parts, site_part) if not is_site]
    if not kept or len(kept) == len(parts):
        return title
    if len(kept) == 1:
        return kept[0]
    # Keep the original separators between the remaining parts: cut the site part off the start or the end only.
    if site_part[-1]:
        return strip_site(title[: title.rfind(parts[-1])].rstrip(" |–—·•»«›‹:~-"), sites)
    if site_part[0]:
        return strip_site(title[title.find(parts[0]) + len(parts[0]):].lstrip(" |–—·•»«›‹:~-"), sites)
    return title


def _title_offers(source: str, sites: set[str]) -> tuple[str, dict[str, str]]:
    """What one title source offers: its text with the site cut off, and each variant (the whole text, the cut
    text, each part) by its squashed form."""
    pieces = _TITLE_SEPARATOR.split(source)
    cut = strip_site(source, sites, pieces)
    variants = {_squash(v): v for v in (source, cut, *pieces) if v and v.strip()}
    return cut, variants


def _choose_title(meta: PageMetadata, tags: dict[str, str], candidates: Iterable[str], sites: set[str]) -> str | None:
    """The article's title, chosen by agreement between the JSON-LD headline, og:title, the h1s (their
    `_headline_candidates`) and <title>."""
    declared = [t for t in (meta.headline, _clean(_first(tags, *TITLE_META))) if t]
    headings = list(islice(candidates, MAX_HEADINGS_COMPARED))
    sources = [*declared, *headings, *([meta.title] if meta.title else [])]
    if not sources:
        return None
    # Every source offers its whole text, its text with the site cut off and its parts; a text offered by two
    # sources is the title. Sources often repeat each other (headline, og:title and h1 alike): each distinct text
    # is cut and split once.
    offered = {source: _title_offers(source, sites) for source in dict.fromkeys(sources)}
    stripped = [offered[source][0] for source in sources]
    offers: dict[str, str] = {}
    support: dict[str, int] = {}
    for source in sources:
        for key, text in offered[source][1].items():
            if key:
                offers.setdefault(key, text.strip())
                support[key] = support.get(key, 0) + 1
    agreed = {k for k, n in support.items() if n >= 2 and not _is_site(offers[k], sites)}
    if agreed:
        # Several agreements ("Story" and "Story | Site" both repeated): the first source's own cut text wins.
        for cut in stripped:
            if _squash(cut) in agreed:
                return cut
        return offers[max(agreed, key=len)]
    # No two sources agree: the declared headline, else the first heading, else the <title>, each without the site.
    return stripped[0]


def date_from_htmldate(html: str) -> str | None:
    """htmldate's guess for a page with no structured date (it re-parses the page, so it is the last resort)."""
    try:
        from htmldate import find_date as htmldate_find_date
    except ImportError:  # pragma: no cover
        return None
    try:
        found = htmldate_find_date(html, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - a date heuristic must never take a page down
        return None
    return iso_date(found) if found else None
