"""Page metadata from HTML: JSON-LD first, then OpenGraph and other meta tags, microdata, and the visible page.

Structured sources are cheap (a few CSS selections on the parsed tree) and say what the publisher meant, so they win;
`htmldate` (which re-parses the page) is consulted only when nothing structured gave a date.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser

# JSON-LD types that describe the page's own article (an Organization or BreadcrumbList does not).
ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "blogposting", "reportagenews", "analysisnewsarticle", "opinionnewsarticle",
        "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle", "techarticle", "report", "posting",
        "socialmediaposting", "liveblogposting", "webpage", "itempage", "creativework", "medicalwebpage", "review",
        "howto", "recipe", "videoobject", "discussionforumposting", "qapage", "aboutpage", "collectionpage",
    }
)
# A JSON-LD block larger than this is not parsed (some pages embed whole product catalogues).
MAX_JSON_LD_CHARS = 2_000_000
# How many JSON objects are visited inside one page's JSON-LD at most (a guard against pathological graphs).
MAX_JSON_LD_OBJECTS = 5000
# A title or description longer than this is not metadata but a mis-filled field.
MAX_TITLE_CHARS = 500
# Tags and keywords: at most this many are kept.
MAX_TAGS = 50

_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_SLASH_DATE = re.compile(r"^(\d{4})/(\d{1,2})/(\d{1,2})")


@dataclass(slots=True)
class PageMetadata:
    """Everything the head and structured data said, before the body is labelled."""

    title: str | None = None
    headline: str | None = None  # the article's own headline (JSON-LD, og:title) rather than the <title> with site
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
            datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            return None
        return text
    for pattern in (_COMPACT_DATE, _SLASH_DATE):
        found = pattern.match(value)
        if found:
            y, m, d = (int(g) for g in found.groups())
            try:
                return datetime(y, m, d).date().isoformat()
            except ValueError:
                return None
    return None


def _clean(value: Any, limit: int = MAX_TITLE_CHARS) -> str | None:
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, str) and v.strip()), None)
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    return text[:limit] if text else None


def _names(value: Any) -> list[str]:
    """Person or organisation names from a JSON-LD author/publisher value (string, object or list)."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items[:MAX_TAGS]:
        if isinstance(item, str):
            name = _clean(item)
        elif isinstance(item, dict):
            name = _clean(item.get("name"))
        else:
            name = None
        if name and name not in out and not name.startswith(("http://", "https://")):
            out.append(name)
    return out


def _json_ld_objects(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD, flattened out of lists and @graph, without recursion."""
    found: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        raw = node.text(deep=True) or ""
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


def _meta_tags(tree: LexborHTMLParser) -> dict[str, str]:
    """name/property/itemprop -> content of the page's meta tags (first one wins), keys lower-cased."""
    out: dict[str, str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or attrs.get("http-equiv")
        content = attrs.get("content")
        if key and content and content.strip():
            out.setdefault(key.strip().lower(), content.strip())
    return out


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


def extract_metadata(tree: LexborHTMLParser, url: str | None = None) -> PageMetadata:
    """Read the structured metadata of a parsed page (call before invisible content is stripped)."""
    meta = PageMetadata()
    tags = _meta_tags(tree)
    article: dict[str, Any] = {}
    for obj in _json_ld_objects(tree):
        types = _types(obj)
        if types & ARTICLE_TYPES:
            # A page may describe itself as a WebPage and its story as a NewsArticle: the article wins.
            if not article or ("webpage" in _types(article) and "webpage" not in types) or (
                "articlebody" in obj and "articlebody" not in article
            ):
                article = obj
        elif not meta.site and types & {"organization", "newsmediaorganization", "website"}:
            meta.site = _clean(obj.get("name"))
    if article:
        meta.headline = _clean(article.get("headline")) or _clean(article.get("name"))
        authors = _names(article.get("author")) or _names(article.get("creator"))
        meta.author = "; ".join(authors) if authors else None
        meta.published = iso_date(article.get("datePublished")) or iso_date(article.get("dateCreated"))
        meta.description = _clean(article.get("description"), limit=2000)
        meta.section = _clean(article.get("articleSection"))
        body = article.get("articleBody") or article.get("text")
        meta.article_body = body if isinstance(body, str) else None
        publisher = _names(article.get("publisher"))
        if publisher:
            meta.site = publisher[0]
        keywords = article.get("keywords")
        if isinstance(keywords, str):
            meta.tags = [k.strip() for k in keywords.split(",") if k.strip()][:MAX_TAGS]
        elif isinstance(keywords, list):
            meta.tags = [k.strip() for k in keywords if isinstance(k, str) and k.strip()][:MAX_TAGS]
        meta.language = language_code(article.get("inLanguage") if isinstance(article.get("inLanguage"), str) else None)

    title_node = tree.css_first("title")
    meta.title = _clean(title_node.text()) if title_node is not None else None
    meta.headline = meta.headline or _clean(_first(tags, "og:title", "twitter:title", "dc.title", "headline"))
    meta.author = meta.author or _clean(
        _first(tags, "author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "byl", "byline")
    )
    if meta.author and meta.author.startswith(("http://", "https://")):
        meta.author = None
    meta.published = meta.published or iso_date(
        _first(
            tags, "article:published_time", "datepublished", "og:published_time", "pubdate", "publishdate",
            "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
            "article.published", "published_time", "citation_publication_date", "release_date",
        )
    )
    meta.site = meta.site or _clean(_first(tags, "og:site_name", "application-name", "twitter:site"))
    meta.description = meta.description or _clean(_first(tags, "og:description", "description", "twitter:description"), 2000)
    meta.section = meta.section or _clean(_first(tags, "article:section", "section", "parsely-section"))
    if not meta.tags:
        raw = _first(tags, "news_keywords", "keywords", "article:tag", "parsely-tags")
        if raw:
            meta.tags = [k.strip() for k in raw.split(",") if k.strip()][:MAX_TAGS]

    if not meta.author or not meta.published:
        _microdata(tree, meta)

    link = tree.css_first('link[rel="canonical"]')
    href = link.attributes.get("href") if link is not None else None
    href = href or _first(tags, "og:url")
    if href and href.strip():
        meta.canonical_url = urljoin(url, href.strip()) if url else href.strip()
        if not urlsplit(meta.canonical_url).scheme:
            meta.canonical_url = None
    html_node = tree.css_first("html")
    lang = html_node.attributes.get("lang") or html_node.attributes.get("xml:lang") if html_node is not None else None
    meta.language = language_code(lang) or meta.language or language_code(_first(tags, "content-language", "og:locale"))
    return meta


def _microdata(tree: LexborHTMLParser, meta: PageMetadata) -> None:
    """Visible structured hints: itemprop author/datePublished, then the first <time datetime>."""
    if not meta.author:
        node = tree.css_first('[itemprop="author"]')
        if node is not None:
            named = node.css_first('[itemprop="name"]')
            meta.author = _clean((named or node).text(deep=True), limit=200)
    if not meta.published:
        node = tree.css_first('[itemprop="datePublished"]')
        if node is not None:
            meta.published = iso_date(node.attributes.get("content") or node.attributes.get("datetime") or node.text())
    if not meta.published:
        node = tree.css_first("time[datetime]")
        if node is not None:
            meta.published = iso_date(node.attributes.get("datetime"))


def date_from_htmldate(html: str) -> str | None:
    """htmldate's guess for a page with no structured date (it re-parses the page, so it is the last resort)."""
    try:
        from htmldate import find_date
    except ImportError:  # pragma: no cover
        return None
    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # noqa: BLE001 - a date heuristic must never take a page down
        return None
    return iso_date(found) if found else None
