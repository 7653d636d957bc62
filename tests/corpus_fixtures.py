"""Builders for the small crawl files the reader, engine and run tests use (all synthetic, made on the fly)."""

from __future__ import annotations

import gzip
import uuid
from dataclasses import dataclass


@dataclass
class Page:
    url: str
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    record_type: str = "response"
    extra_http: str = ""
    length_error: int = 0  # added to the WARC Content-Length to fake a damaged record
    record_id: str = ""

    def __post_init__(self) -> None:
        self.record_id = self.record_id or f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, self.url + str(len(self.body)))}"


def article(title: str, *paragraphs: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article>"
        f"<footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>"
    ).encode()


def warc_record(page: Page) -> bytes:
    if page.record_type == "response":
        reason = {200: "OK", 301: "Moved Permanently", 404: "Not Found", 500: "Internal Server Error"}.get(page.status, "X")
        block = (
            f"HTTP/1.1 {page.status} {reason}\r\nContent-Type: {page.content_type}\r\n{page.extra_http}\r\n"
        ).encode() + page.body
        content_type = "application/http; msgtype=response"
    else:
        block = page.body
        content_type = page.content_type
    header = (
        f"WARC/1.0\r\nWARC-Type: {page.record_type}\r\nWARC-Record-ID: <{page.record_id}>\r\n"
        f"WARC-Target-URI: {page.url}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block) + page.length_error}\r\n\r\n"
    ).encode()
    return header + block + b"\r\n\r\n"


def warcinfo() -> bytes:
    body = b"software: corpus_fixtures\r\n"
    return (
        b"WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
        b"Content-Type: application/warc-fields\r\nContent-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body
        + b"\r\n\r\n"
    )


def warc_bytes(pages: list[Page], gz: bool = True, info: bool = False) -> bytes:
    """One gzip member per record when `gz` (the usual, seekable layout)."""
    records = ([warcinfo()] if info else []) + [warc_record(p) for p in pages]
    if gz:
        return b"".join(gzip.compress(r, mtime=0) for r in records)
    return b"".join(records)


def record_offsets(pages: list[Page], gz: bool = True) -> list[int]:
    """Raw start offset of each page's record in `warc_bytes(pages, gz)` (no warcinfo), plus the file length."""
    out, pos = [], 0
    for p in pages:
        out.append(pos)
        r = warc_record(p)
        pos += len(gzip.compress(r, mtime=0)) if gz else len(r)
    return out + [pos]


def sample_pages(n: int, prefix: str = "https://news.example.org/story") -> list[Page]:
    return [
        Page(
            f"{prefix}/{i}",
            article(
                f"Story number {i} about river towns",
                f"The council of town {i} met on Tuesday to discuss the bridge over the river and its repairs.",
                f"Residents said the crossing had been closed for {i + 2} weeks, which forced long detours to work.",
                "Engineers expect the work to finish before the winter floods arrive in the valley this year.",
            ),
        )
        for i in range(n)
    ]
