"""Metadata from visible text: datelines and bylines.

A dateline is a short line that holds a publication date (with or without a time) and, around it, who wrote, edited
or supplied the story ("2017-10-05 15:26 Xinhua Editor: Li Yan", "By Jane Doe | March 3, 2019"). Both modes use this
on the short lines near the headline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thresher.label.furniture import PROMOTION_TAIL

# A dateline is short; a paragraph that mentions a date is prose.
MAX_DATELINE_WORDS = 25
# No dateline, byline or headline is longer than this; longer lines are not searched for dates at all, which keeps
# a page made of one enormous line linear and cheap.
MAX_METADATA_LINE_CHARS = 400
# A person's name, as bylines write it: up to this many words.
MAX_NAME_WORDS = 4

# Month names and abbreviations (English, German, French, Spanish) -> month number; label.dom reads them too.
MONTHS = {
    "jan": 1, "january": 1, "januar": 1, "janvier": 1, "enero": 1, "jänner": 1,
    "feb": 2, "february": 2, "februar": 2, "février": 2, "febrero": 2,
    "mar": 3, "march": 3, "märz": 3, "mars": 3, "marzo": 3,
    "apr": 4, "april": 4, "avril": 4, "abril": 4,
    "may": 5, "mai": 5, "mayo": 5,
    "jun": 6, "june": 6, "juni": 6, "juin": 6, "junio": 6,
    "jul": 7, "july": 7, "juli": 7, "juillet": 7, "julio": 7,
    "aug": 8, "august": 8, "août": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9,
    "oct": 10, "october": 10, "oktober": 10, "octobre": 10, "octubre": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11,
    "dec": 12, "december": 12, "dezember": 12, "décembre": 12, "diciembre": 12,
}
# The names as one alternation, longest first (so "june" is not taken for "jun").
MONTH_ALTERNATION = "|".join(sorted(MONTHS, key=len, reverse=True))
_TIME = r"(?:[ T,]*(?:at\s+|um\s+)?(?P<H>\d{1,2})[:：h](?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?\s?m\.?)?)?"

DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)" + _TIME, re.I),
    re.compile(r"(?P<y>(?:19|20)\d\d)\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日" + _TIME),
    re.compile(
        r"\b(?P<mon>" + MONTH_ALTERNATION + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)\b" + _TIME, re.I
    ),
    re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?P<mon>" + MONTH_ALTERNATION + r")\.?,?\s+(?P<y>(?:19|20)\d\d)\b" + _TIME, re.I),
    re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)" + _TIME),
)

_ROLE_MARKER = re.compile(
    r"(?P<role>\b(?:edited\s+by|editors?|author|authors|by|reporter|writer|written\s+by|source|photographer|"
    r"translator|von|quelle|autor|redaktion|par|por)\b|责任编辑|编辑|作者|来源|记者)\s*[:：]?\s*",
    re.I,
)
_ROLE_OF = {
    "edited by": "editor", "editor": "editor", "editors": "editor", "redaktion": "editor", "责任编辑": "editor",
    "编辑": "editor", "author": "author", "authors": "author", "by": "author", "written by": "author",
    "reporter": "author", "writer": "author", "von": "author", "autor": "author", "par": "author", "por": "author",
    "作者": "author", "记者": "author", "source": "source", "quelle": "source", "来源": "source",
    "photographer": "photographer", "translator": "translator",
}
_NAME = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*\s*){1,%d}" % MAX_NAME_WORDS)
_CJK_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}")
_BYLINE = re.compile(r"^(?:by|von|par|por|text:|author:|written\s+by)\s+(?P<rest>.+)$", re.I)
_NOISE_LEAD = re.compile(r"^[\s|,;:·•–—-]+")


@dataclass
class Dateline:
    published: str
    source: str | None = None
    editor: str | None = None
    author: str | None = None
    promotion: str | None = None
    notes: list[str] = field(default_factory=list)

    def reason(self) -> str:
        parts = [f"published {self.published}"]
        for name in ("source", "editor", "author"):
            value = getattr(self, name)
            if value:
                parts.append(f"{name} {value}")
        text = "dateline: " + ", ".join(parts)
        if self.promotion:
            text += f'; "{self.promotion}" inside it is a promotion'
        return text


def find_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date in the text as ISO 8601 (with the time if given, no time zone invented), and its match.

    Only short lines can be datelines: longer text gives None without being scanned."""
    if len(text) > MAX_METADATA_LINE_CHARS:
        return None
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            iso = _iso(m)
            if iso:
                return iso, m
    return None


def _iso(m: re.Match[str]) -> str | None:
    groups = m.groupdict()
    year = int(groups["y"])
    month = MONTHS.get(groups["mon"].lower().rstrip(".")) if groups.get("mon") else int(groups["m"])
    day = int(groups["d"])
    if not month or not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    iso = f"{year:04d}-{month:02d}-{day:02d}"
    if groups.get("H") is not None and groups.get("M") is not None:
        hour, minute = int(groups["H"]), int(groups["M"])
        ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        if ampm == "pm" and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            iso += f"T{hour:02d}:{minute:02d}"
            if groups.get("S"):
                iso += f":{int(groups['S']):02d}"
    return iso


def _name_at(text: str) -> str | None:
    text = _NOISE_LEAD.sub("", text)
    m = _NAME.match(text) or _CJK_NAME.match(text)
    if not m:
        return None
    name = m.group(0).strip(" .,;")
    return name or None


def parse_dateline(text: str) -> Dateline | None:
    """Parse a short line holding a date into its parts, or None if it is no dateline."""
    if len(text) > MAX_METADATA_LINE_CHARS or len(text.split()) > MAX_DATELINE_WORDS:
        return None
    found = find_date(text)
    if not found:
        return None
    published, m = found
    line = Dateline(published=published)
    rest = (text[: m.start()] + " " + text[m.end():]).strip()
    promo = PROMOTION_TAIL.search(rest)
    if promo:
        line.promotion = promo.group(0).strip()
        rest = rest[: promo.start()]
    markers = list(_ROLE_MARKER.finditer(rest))
    head = rest[: markers[0].start()] if markers else rest
    # A name right after the date, before any role marker, is the credited source ("15:26 Xinhua Editor: ...").
    if head.strip():
        line.source = _name_at(head)
    for i, mk in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(rest)
        role = _ROLE_OF.get(mk.group("role").lower())
        name = _name_at(rest[mk.end(): end])
        if role in ("source", "editor", "author") and name:
            setattr(line, role, name)
    return line


def parse_byline(text: str) -> str | None:
    """The author named by a byline ("By Jane Doe and John Roe"), or None."""
    if len(text) > MAX_METADATA_LINE_CHARS or len(text.split()) > MAX_DATELINE_WORDS:
        return None
    m = _BYLINE.match(text.strip())
    if not m:
        return None
    names = re.split(r"\s*(?:,|\band\b|&|\bund\b|\bet\b|\by\b)\s*", m.group("rest"))
    found = [n for n in (_name_at(p) for p in names) if n]
    return ", ".join(found) if found else None
