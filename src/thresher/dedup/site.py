"""Site boilerplate (the CCNet idea): body lines that recur across many pages of one site are its furniture.

Page-level labelling cannot see a menu or a footer that looks like prose; across a site it stands out by recurring
on page after page. The corpus run calls `observe` once per kept page (its `line_hashes`, computed in workers), then
`apply` on each kept page: lines that recur on at least `min_pages` pages and at least `min_share` of the site's
observed pages are relabelled SITE_BOILERPLATE. A line repeated on the same page counts once; a sentence quoted
on two or three pages stays below `min_pages`.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from thresher.model import Decision, Document, Label, Role

# Bytes of the per-line hash: 64 bits, so two different lines of one site practically never share a count.
LINE_HASH_BYTES = 8

# Byte-level folding (fast: no per-character Python or Unicode regex): ASCII digits become 0, ASCII punctuation goes,
# and the other ASCII spaces bytes.split() splits on (tab, line breaks) become plain spaces.
_DIGITS_TO_ZERO = bytes.maketrans(b"123456789\t\n\r\x0b\x0c", b"000000000     ")
_ASCII_PUNCTUATION = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"


@dataclass(frozen=True, slots=True)
class SiteBoilerplateOptions:
    min_pages: int = 5  # a line must recur on at least this many pages of the site...
    min_share: float = 0.05  # ...and on at least this share of the site's observed pages
    # A page whose every body line is site boilerplate has nothing of its own: reject it (else it is kept empty).
    reject_emptied: bool = True


def normalise_line(text: str) -> bytes:
    """Lower-case, digits as 0, ASCII punctuation dropped, spacing collapsed (UTF-8): "© 2019 Foo." and
    "© 2020 foo" are one line."""
    folded = text.lower().encode("utf-8", "surrogatepass").translate(_DIGITS_TO_ZERO, _ASCII_PUNCTUATION)
    if b"  " in folded or folded.startswith(b" ") or folded.endswith(b" "):
        return b" ".join(folded.split())
    # Single spaces between words only (19 lines in 20): already what splitting and joining would give.
    return folded


def line_hash(text: str) -> int | None:
    normalised = normalise_line(text)
    if not normalised:
        return None
    return int.from_bytes(hashlib.blake2b(normalised, digest_size=LINE_HASH_BYTES).digest(), "big")


def domain_of(url: str | None) -> str | None:
    """The host a site is counted under: lower-cased, without port and a leading "www."."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


@dataclass
class SiteBoilerplate:
    options: SiteBoilerplateOptions = field(default_factory=SiteBoilerplateOptions)

    def __post_init__(self) -> None:
        self._pages: Counter[str] = Counter()
        self._lines: dict[str, Counter[int]] = {}

    @staticmethod
    def line_hashes(doc: Document, block_hashes: list[int | None] | None = None) -> list[int]:
        """Distinct hashes of the body blocks' normalised text, in order (pure: computed in workers).

        `block_hashes`: the page's `block_hashes`, when already computed.
        """
        if block_hashes is None:
            block_hashes = SiteBoilerplate.block_hashes(doc)
        seen = dict.fromkeys(block_hashes)
        seen.pop(None, None)
        return list(seen)  # type: ignore[arg-type]

    @staticmethod
    def block_hashes(doc: Document) -> list[int | None]:
        """`line_hash` of each body block, in order: workers compute them once for `line_hashes` and `apply`."""
        return [line_hash(block.text) for block in doc.blocks if block.role is Role.BODY]

    def observe(self, domain: str, line_hashes: Iterable[int]) -> None:
        """Count one page of `domain` (each line once, however often the page repeats it)."""
        self._pages[domain] += 1
        self._lines.setdefault(domain, Counter()).update(set(line_hashes))

    def pages(self, domain: str) -> int:
        return self._pages[domain]

    def threshold(self, domain: str) -> int:
        """Pages a line of `domain` must recur on to be boilerplate."""
        return max(self.options.min_pages, math.ceil(self.options.min_share * self._pages[domain]))

    def apply(self, doc: Document, domain: str, block_hashes: list[int | None] | None = None) -> Document:
        """Relabel the body blocks of `doc` that recur across `domain` (call after every `observe`).

        `block_hashes`: the page's `block_hashes` as the worker computed them for `line_hashes` (the body is the
        same), so the lines are not hashed a second time.
        """
        counts = self._lines.get(domain)
        if not counts:
            return doc
        needed = self.threshold(domain)
        removed = 0
        body = [block for block in doc.blocks if block.role is Role.BODY]
        if block_hashes is None or len(block_hashes) != len(body):
            block_hashes = [line_hash(block.text) for block in body]
        for block, h in zip(body, block_hashes):
            pages = counts.get(h, 0) if h is not None else 0
            if pages >= needed:
                block.remove(Label.SITE_BOILERPLATE, f"recurs on {pages} pages of {domain}")
                removed += 1
        doc.signals["site_boilerplate_blocks"] = removed
        if removed and self.options.reject_emptied and not any(b.role is Role.BODY for b in doc.blocks):
            doc.decisions.append(
                Decision("site_boilerplate", False, f"every body line recurs on other pages of {domain}")
            )
        return doc
