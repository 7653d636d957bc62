"""text_hints' compiled collection (segment/_walk.pyx's title_hints) against its definition, the CSS selection.

text_hints reads the page through title_hints when the compiled walk is there, extract_metadata always through the
CSS selection (`_collect` and two more searches): both must read the same meta tags, JSON-LD texts, headline
candidates, <title> and canonical link, on odd documents too (the selector engine's quirks included).
"""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from thresher.metadata import html as meta_html
from thresher.metadata.html import (
    _ancestry_outside_article,
    _collect,
    _compiled_sources,
    _css_sources,
    _outside_article,
    _sources_read,
    extract_metadata,
    text_hints,
)

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
TITLE_HINTS = meta_html._TITLE_HINTS

needs_compiled = pytest.mark.skipif(TITLE_HINTS is None, reason="the compiled collection is not in this install")

_OPEN = st.sampled_from([
    "<meta name='Description' content=' d '>", "<meta property='og:title' name='x' content='T'>",
    "<meta name='' itemprop='Headline' content='h'>", "<meta itemprop='author' content='Jo'>",
    "<meta http-equiv='refresh' content='5'>", "<meta name='e' content=''>", "<meta name=' OG:Title ' content='u'>",
    "<meta name='description' content='second'>", "<meta content='no key'>", "<meta name='k' content='  '>",
    "<script type='application/ld+json'>", "<script type='Application/LD+JSON'>", "<script type=' application/ld+json'>",
    "<script type='application/ld+json' itemprop='x'>", "<script type='text/javascript'>", "<script>",
    "<h1>", "<h1 itemprop='headline'>", "<h1 itemprop>", "<h1 class='comment-title'>", "<title>", "<svg>", "<math>",
    "<template>", "<aside>", "<div class='related'>", "<div id='Sidebar'>", "<section class='story'>", "<b>",
    "<foreignObject>", "<desc>", "<noscript>", "<table>", "<select>", "<head>", "<body>", "<html>",
    "<link rel='canonical' href='/a'>", "<link rel='Canonical' href='/b'>", "<link rel='canonical'>",
    "<link rel=' canonical' href='/c'>", "<link rel='canonical' href=''>", "<time itemprop='datePublished'>",
])
_CLOSE = st.sampled_from([
    "</h1>", "</title>", "</svg>", "</math>", "</template>", "</aside>", "</div>", "</section>", "</script>",
    "</b>", "</head>", "</body>", "</html>", "</foreignObject>", "</noscript>", "</table>", "</select>",
])
_TEXT = st.sampled_from([
    "Story", "Story | Site", " é ", "", "{\"@type\": \"NewsArticle\", \"headline\": \"H\", \"articleBody\": \"B\"}",
    "[{\"@type\": \"WebSite\", \"name\": \"Site\"}]", "x" * 320, "&amp;", "<!-- c -->", "\xa0",
])


@st.composite
def odd_pages(draw: st.DrawFn) -> str:
    """Meta tags in the body, repeated keys, empty values, SVG and MathML titles and scripts, templates, script
    types in other cases or with spaces, h1s with itemprops, nested h1s, pages without a head."""
    pieces = []
    for _ in range(draw(st.integers(0, 30))):
        pieces.append(draw(st.one_of(_OPEN, _CLOSE, _TEXT)))
    return "".join(pieces)


def _both(page: str):
    tree = LexborHTMLParser(page)
    compiled = _sources_read(_compiled_sources(tree.root, TITLE_HINTS))
    css = _sources_read(_css_sources(tree, _collect(tree)))
    return compiled, css


@needs_compiled
@settings(max_examples=600, deadline=None)
@given(odd_pages())
def test_the_compiled_collection_reads_what_the_css_selection_reads(page: str):
    compiled, css = _both(page)
    assert compiled == css


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(odd_pages())
def test_the_collected_h1s_are_the_selected_ones_with_the_same_place(page: str):
    # Below the headline candidates: every h1 entry, its text and whether it is outside the article.
    tree = LexborHTMLParser(page)
    headings = TITLE_HINTS(tree.root.mem_id, meta_html.MAX_HINTS_PER_KIND, meta_html.OUTSIDE_ARTICLE_LEVELS)[2]
    expected = [(n.text(deep=True, separator=" "), _outside_article(n)) for n in _collect(tree).h1]
    assert [(text, _ancestry_outside_article(ancestry)) for text, ancestry in headings] == expected


@settings(max_examples=300, deadline=None)
@given(odd_pages(), st.sampled_from([None, "https://site.example/2020/01/02/story", "not a url"]))
def test_text_hints_are_the_title_hint_and_body_of_extract_metadata_on_odd_pages(page: str, url: str | None):
    tree = LexborHTMLParser(page)
    meta = extract_metadata(tree, url)
    assert text_hints(tree, url) == (meta.headline or meta.title, meta.article_body)


@needs_compiled
@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # The selector list matches an h1 with an itemprop twice: it is two of the headline's sources.
        ('<h1 itemprop="headline">A</h1>', ["A", "A"]),
        # Tag names match in any namespace; attribute values ignore case on HTML elements only.
        ('<svg><title>Icon</title></svg><title>Page</title>', "Icon"),
        ('<svg><link rel="Canonical" href="/s"></svg><link rel="CANONICAL" href="/h">', "/h"),
        ('<svg><script type="Application/LD+JSON">{}</script></svg><script type="APPLICATION/ld+json">1</script>', ["1"]),
        # Template contents are not searched.
        ("<template><h1>T</h1><title>T</title></template>", None),
    ],
)
def test_the_selector_engines_quirks_are_mirrored(page: str, expected):
    compiled, css = _both(page)
    assert compiled == css
    _meta, json_ld, headings, title, canonical = compiled
    assert expected in (json_ld, headings, title, canonical)


@needs_compiled
@pytest.mark.skipif(not BENCH.is_dir(), reason="../shared/bench is not here")
def test_the_compiled_collection_reads_benchmark_pages_as_the_css_selection():
    pages = [p.read_bytes() for p in sorted((BENCH / "scrapinghub-aeb").glob("*.html"))]
    pages += [gzip.decompress(p.read_bytes()) for p in sorted((BENCH / "trafilatura-eval").glob("*.html.gz"))[:200]]
    assert pages
    for page in pages:
        tree = LexborHTMLParser(page)
        assert _sources_read(_compiled_sources(tree.root, TITLE_HINTS)) == _sources_read(_css_sources(tree, _collect(tree)))


def test_without_the_compiled_collection_text_hints_selects(monkeypatch):
    page = '<html><head><title>Story | Site</title></head><body><h1 itemprop="name">Story</h1></body></html>'
    expected = text_hints(LexborHTMLParser(page), "https://site.example/s")
    monkeypatch.setattr(meta_html, "_TITLE_HINTS", None)
    assert text_hints(LexborHTMLParser(page), "https://site.example/s") == expected == ("Story", None)


@pytest.mark.skipif(bool(os.environ.get("THRESHER_PURE_PYTHON")), reason="the Python code is asked for")
def test_pure_python_turns_the_compiled_collection_off():
    import subprocess
    import sys

    script = "from thresher.metadata import html; print(html._TITLE_HINTS is None)"
    env = {**os.environ, "THRESHER_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"


def test_a_probe_page_read_differently_turns_the_compiled_collection_off(monkeypatch):
    # The binding compares the two readings of a probe page: any difference keeps the CSS selection.
    if TITLE_HINTS is None:
        assert meta_html._bind_title_hints() is None
        return
    assert meta_html._bind_title_hints() is TITLE_HINTS
    real = meta_html._compiled_sources

    def astray(root, title_hints):
        sources = real(root, title_hints)
        sources.title = "astray"
        return sources

    monkeypatch.setattr(meta_html, "_compiled_sources", astray)
    assert meta_html._bind_title_hints() is None
