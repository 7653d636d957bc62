"""The `thresher` command line.

Every failure a user can cause (a missing file, a binary file, an empty page, a bad option) ends in one line on
stderr and a non-zero exit, never a traceback. Set THRESHER_DEBUG=1 to see the traceback of an internal error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

from thresher.errors import BudgetExceeded, InputError
from thresher.model import Document

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


# A gzipped page (as crawlers and benchmark sets store them) is opened transparently, up to this many bytes
# decompressed: past it the file is more likely a decompression bomb than a page.
MAX_GUNZIPPED_BYTES = 256 * 1024 * 1024
_GZIP_MAGIC = b"\x1f\x8b"


def _gunzip(data: bytes, name: str) -> bytes:
    import zlib

    inflater = zlib.decompressobj(wbits=31)
    try:
        out = inflater.decompress(data, MAX_GUNZIPPED_BYTES + 1)
    except zlib.error as exc:
        raise InputError(f"{name}: damaged gzip data ({exc})") from None
    if len(out) > MAX_GUNZIPPED_BYTES:
        raise InputError(f"{name}: decompresses to more than {MAX_GUNZIPPED_BYTES // 2**20} MiB; not a page")
    if not inflater.eof:
        raise InputError(f"{name}: truncated gzip data")
    return out


def _read_input(path: str) -> bytes:
    data = _read_raw(path)
    if data.startswith(_GZIP_MAGIC):
        return _gunzip(data, "standard input" if path == "-" else path)
    return data


def _read_raw(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    if os.path.isdir(path):
        raise InputError(f"{path} is a directory; `thresher clean` takes one page (use `thresher run` for many)")
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def format_for_person(doc: Document) -> str:
    """Title, a metadata line or two, then the body."""
    out: list[str] = []
    if doc.title:
        out.append(doc.title)
        out.append("=" * min(len(doc.title), 80))
    first = [
        f"{name}: {value}"
        for name, value in (
            ("published", doc.published),
            ("author", doc.author),
            ("source", doc.source),
            ("editor", doc.editor),
        )
        if value
    ]
    second = [
        f"{name}: {value}"
        for name, value in (("section", doc.section), ("site", doc.site), ("language", doc.language))
        if value
    ]
    removed = len(doc.removed())
    second.append(f"removed: {removed} of {len(doc.blocks)} {'lines' if doc.mode == 'text' else 'blocks'}")
    if doc.flags:
        second.append("flags: " + ", ".join(doc.flags))
    for line in (first, second):
        if line:
            out.append(" | ".join(line))
    out.append("")
    out.append(doc.text)
    return "\n".join(out)


def _cmd_clean(args: argparse.Namespace) -> int:
    from thresher.clean import clean

    data = _read_input(args.path)
    doc = clean(data, url=args.url, format=args.format)
    if args.json:
        text = json.dumps(doc.to_dict(), ensure_ascii=False, indent=1)
    elif args.markdown:
        from thresher.render.markdown import to_markdown

        text = to_markdown(doc, links=args.links)
    else:
        text = format_for_person(doc)
    sys.stdout.write(text + "\n")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="thresher", description="Clean crawled web pages into text and metadata, accounting for every part removed."
    )
    parser.add_argument("--version", action="version", version=f"thresher {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    clean = sub.add_parser("clean", help="clean one page (HTML or plain text) and print the article")
    clean.add_argument("path", metavar="PATH", help="the page file, or - for standard input")
    clean.add_argument("--format", choices=("auto", "html", "text"), default="auto", help="input format (default: detect)")
    clean.add_argument("--url", default=None, help="the page's URL, used for metadata")
    out = clean.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print the full record with the account of every line/block")
    out.add_argument("--markdown", action="store_true", help="print Markdown (headings, lists, tables, code)")
    clean.add_argument("--links", action="store_true", help="with --markdown, keep links")
    clean.set_defaults(func=_cmd_clean)
    try:
        from thresher.cli_run import add_run_command
    except ImportError:  # the corpus engine is optional at import time
        pass
    else:
        add_run_command(sub)
    return parser


def _version() -> str:
    from thresher import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except InputError as exc:
        print(f"thresher: error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BudgetExceeded as exc:
        print(f"thresher: error: page over its budget: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("thresher: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except MemoryError:
        print("thresher: error: out of memory on this input", file=sys.stderr)
        return EXIT_INTERNAL
    except Exception as exc:  # noqa: BLE001 - last line of defence: one line, not a traceback
        if os.environ.get("THRESHER_DEBUG"):
            raise
        message = str(exc).splitlines()[0] if str(exc) else ""
        print(f"thresher: internal error: {type(exc).__name__}: {message}", file=sys.stderr)
        return EXIT_INTERNAL


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
