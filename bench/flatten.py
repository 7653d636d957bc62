"""Whole-page text as a WET record holds it: every visible block of the page, one block a line.

html-text with `guess_layout=True` puts block-level elements on their own lines, which is the closest open stand-in
for Common Crawl's WET extraction. The flattened texts can be cached under bench/.cache/ (keyed by set, page and
html-text version) so that re-running the text-mode benchmark does not re-parse every page.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path
from typing import Protocol

CACHE_DIR = Path(__file__).resolve().parent / ".cache"


class HasHtml(Protocol):
    id: str
    html: bytes


# Encoding detection on a long page looks at its head and tail only: enough evidence, a fraction of the cost.
DETECTION_SAMPLE_BYTES = 5000
UNICODE_NAMES = {"utf_8", "utf-8", "utf8", "utf_16", "utf_32", "utf-16", "utf-32", "ascii"}


def decode_html(html: bytes) -> str:
    """Bytes to text for packages that only take text: UTF-8 when the bytes are valid UTF-8, else the encoding
    charset-normalizer finds most likely, else lossy UTF-8. This is how trafilatura-eval's harness hands pages to
    such packages; it relies only on charset-normalizer so that the quality pins need no benchmark-only package."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    sample = html
    if len(html) > 2 * DETECTION_SAMPLE_BYTES:
        sample = html[:DETECTION_SAMPLE_BYTES] + html[-DETECTION_SAMPLE_BYTES:]
    guesses = [m.encoding for m in from_bytes(sample)] or [m.encoding for m in from_bytes(html)]
    for encoding in guesses:
        if encoding.replace("-", "_").lower() in UNICODE_NAMES:
            continue  # not valid UTF-8 (checked above): a Unicode guess would only fail or mangle
        try:
            return html.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return html.decode("utf-8", errors="replace")


def flatten_html(html: bytes) -> str:
    import html_text

    return html_text.extract_text(decode_html(html), guess_layout=True)


def _cache_path(set_name: str, cache_dir: Path) -> Path:
    return cache_dir / f"flat-{set_name}-html_text-{version('html-text')}.json"


def flatten_pages(pages: Sequence[HasHtml], set_name: str, cache_dir: Path | None = CACHE_DIR) -> list[str]:
    """Flattened text of every page, in order; with a cache_dir, reuse and extend the cached texts."""
    cached: dict[str, str] = {}
    path = _cache_path(set_name, cache_dir) if cache_dir is not None else None
    if path is not None and path.is_file():
        try:
            cached = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cached = {}  # a damaged cache is rebuilt, never trusted
    texts, missing = [], False
    for page in pages:
        if page.id not in cached:
            cached[page.id] = flatten_html(page.html)
            missing = True
        texts.append(cached[page.id])
    if path is not None and missing:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(cached, ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
    return texts
