"""Markdown rendering of the kept text."""

from __future__ import annotations

from pathlib import Path

from thresher.modes.html import clean_html
from thresher.render import to_markdown

# The HTML sample page `make demo` cleans, written for the project.
ARTICLE = Path(__file__).resolve().parents[1] / "src" / "thresher" / "samples" / "harbour-bridge.html"


def _doc():
    return clean_html(ARTICLE.read_text(encoding="utf-8"))


def test_headings_tables_and_code():
    md = to_markdown(_doc())
    assert md.startswith("# Harbour bridge reopens after repairs\n\n")
    assert "\n## What changes for drivers\n" in md
    assert "| Vehicle | Allowed |\n|---|---|\n| Car | Yes |\n| Lorry | No |" in md
    assert "```\nbridge_limit = 7  # tonnes\n```" in md
    assert "Facebook" not in md


def test_lists_and_links():
    para = "A paragraph of the article that is long enough to be read as prose by the labeller, it seems."
    html = (
        f"<html><body><article><p>{para} See <a href='https://e.com/doc'>the report</a>.</p>"
        f"<ol><li>first step</li><li>second step</li></ol><ul><li>apple</li></ul><p>{para}</p></article></body></html>"
    )
    doc = clean_html(html)
    plain = to_markdown(doc)
    assert "See the report." in plain and "](" not in plain
    linked = to_markdown(doc, links=True)
    assert "See [the report](https://e.com/doc)." in linked
    assert "1. first step\n2. second step" in linked
    assert "- apple" in linked


def test_text_that_looks_like_syntax_is_escaped():
    para = "# not a heading but a paragraph that starts with a hash sign and goes on for long enough here."
    doc = clean_html(f"<html><body><article><p>{para}</p><p>{para}</p></article></body></html>")
    assert "\\# not a heading" in to_markdown(doc)


def test_empty_document_renders_empty():
    assert to_markdown(clean_html("<html><body></body></html>")) == ""


def test_plain_text_keeps_table_rows_together() -> None:
    doc = clean_html(ARTICLE.read_text(encoding="utf-8"))
    assert "Vehicle\tAllowed\nCar\tYes\nLorry\tNo" in doc.text
    # Paragraphs around the table stay one blank line apart.
    assert "delivery.\n\nVehicle" in doc.text
