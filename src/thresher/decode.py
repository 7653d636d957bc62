"""Bytes to text: BOM, declared charset, then detection. (Minimal first version; see tests/test_decode.py.)"""

from __future__ import annotations

from typing import Literal

from thresher.errors import InputError


def decode(data: bytes | str) -> str:
    """Decode page bytes to text; a `str` is taken as is. Raises InputError for binary or undecodable input."""
    if isinstance(data, str):
        return data
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("input looks binary (NUL bytes), not a page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def sniff_format(text: str) -> Literal["html", "text"]:
    """Tell HTML from plain text by the markup near the start."""
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<head" in head:
        return "html"
    return "text"
