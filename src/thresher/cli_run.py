"""The `thresher run` subcommand: crawl files in, a dataset out. Errors are one line on stderr, never a traceback."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from thresher.errors import InputError

EXIT_OK = 0
EXIT_BAD_INPUT = 2
EXIT_RUN_FAILED = 3
EXIT_INTERRUPTED = 130


def add_run_command(subparsers: Any) -> argparse.ArgumentParser:
    """Register `run` on an argparse subparsers object; the handler is `args.func(args) -> exit code`."""
    p = subparsers.add_parser(
        "run",
        help="turn crawl files (WARC/WET, JSONL, Parquet, folders of pages) into a dataset",
        description="Clean, filter and deduplicate crawl files into kept/ and rejected/ shards plus stats.json. "
        "Re-running the same command in the same OUTDIR resumes an interrupted run.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs or fsspec URLs")
    p.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder")
    p.add_argument("--config", metavar="TOML", help="run config (see docs/corpus.md)")
    p.add_argument("--workers", type=int, metavar="N", help="worker processes (default: all cores)")
    p.add_argument("--format", choices=("parquet", "jsonl"), default="parquet", help="output format")
    p.add_argument("--progress", action="store_true", default=None, help="show a progress bar even off a terminal")
    p.add_argument("--overwrite", action="store_true", help="replace a different earlier run in OUTDIR")
    p.set_defaults(func=run_command)
    return p


def run_command(args: argparse.Namespace) -> int:
    from thresher.run import RunError, load_config, run_corpus

    if args.workers is not None and args.workers < 1:
        return _fail("--workers must be at least 1", EXIT_BAD_INPUT)
    try:
        config = load_config(args.config)
        stats = run_corpus(
            args.inputs,
            args.output,
            config=config,
            workers=args.workers,
            fmt=args.format,
            progress=args.progress,
            overwrite=args.overwrite,
        )
    except InputError as exc:
        return _fail(str(exc), EXIT_BAD_INPUT)
    except RunError as exc:
        return _fail(str(exc), EXIT_RUN_FAILED)
    except KeyboardInterrupt:
        return _fail("interrupted; run the same command again to resume", EXIT_INTERRUPTED)
    except OSError as exc:
        return _fail(f"{exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), EXIT_RUN_FAILED)
    print(
        f"{stats['documents']} documents: {stats['kept']} kept, {stats['rejected']} rejected -> {args.output}",
        file=sys.stderr,
    )
    return EXIT_OK


def _fail(message: str, code: int) -> int:
    print(f"thresher run: error: {message}", file=sys.stderr)
    return code


def main(argv: list[str] | None = None) -> int:
    """Standalone entry (`python -m thresher.cli_run`), for use before the main CLI wires `run` in."""
    parser = argparse.ArgumentParser(prog="thresher")
    add_run_command(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
