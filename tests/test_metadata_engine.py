"""metadata.html's searches through the one shared CSS engine find what the tree's own css() and css_first() find."""

from __future__ import annotations

import threading

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from thresher.metadata.html import STRUCTURED_SELECTOR, VISIBLE_SELECTOR, _engine, _find, _find_first, text_hints

QUERIES = (STRUCTURED_SELECTOR, VISIBLE_SELECTOR, "title", 'link[rel="canonical"]', "html", '[itemprop="name"]')

_tags = st.sampled_from(["div", "p", "h1", "time", "meta", "title", "link", "span", "a", "template", "svg", "script"])
_attributes = st.sampled_from([
    "", ' itemprop="author"', ' itemprop="name"', ' rel="canonical"', ' rel="author"', ' class="byline"',
    ' class="post-date"', ' type="application/ld+json"', ' name="og:title" content="x"', " itemprop",
])


@st.composite
def _pages(draw: st.DrawFn) -> str:
    """Nested and unclosed elements, templates and foreign content included: the parser's odd trees too."""
    parts = []
    for _ in range(draw(st.integers(0, 14))):
        tag, attribute = draw(_tags), draw(_attributes)
        parts.append(f"<{tag}{attribute}>" + draw(st.sampled_from(["", "t", "2021-03-04"])))
        if draw(st.booleans()):
            parts.append(f"</{tag}>")
    head = draw(st.sampled_from(["", "<html>", "<html><head><title>T</title></head><body>"]))
    return head + "".join(parts)


def _same(found: list, expected: list) -> bool:
    return [n.mem_id for n in found] == [n.mem_id for n in expected]


def _scopes(tree: LexborHTMLParser) -> list:
    """The whole tree, and each element a search may be scoped to (template contents included)."""
    root = tree.root
    if root is None:
        return [None]
    nodes = [root, *root.traverse()]
    for template in root.css("template"):
        for content in template.template_fragments():
            nodes.extend([content, *content.traverse()])
    return nodes


@settings(max_examples=300, deadline=None)
@given(_pages(), st.booleans())
def test_shared_engine_finds_what_the_tree_finds(page: str, fragment: bool):
    tree = LexborHTMLParser(page, is_fragment=fragment) if fragment else LexborHTMLParser(page)
    for scope in _scopes(tree):
        for query in QUERIES:
            expected = scope.css(query) if scope is not None else []
            found = _find(scope, query)
            assert _same(found, expected)
            assert all(n.parser is tree for n in found)
            first = _find_first(scope, query)
            expected_first = scope.css_first(query) if scope is not None else None
            assert (first is None) == (expected_first is None)
            assert first is None or first.mem_id == expected_first.mem_id


def test_a_page_without_html_or_head_and_template_content():
    tree = LexborHTMLParser('<title>A</title><template><h1 itemprop="author">B</h1></template><h1>C</h1>')
    assert [n.text() for n in _find(tree.root, "h1")] == ["C"]
    assert _find_first(tree.root, "title").text() == "A"
    (content,) = tree.css_first("template").template_fragments()
    found = _find(content, "h1")
    assert [n.text() for n in found] == [n.text() for n in content.css("h1")] == ["B"]
    assert found[0].parser is tree


def test_each_thread_has_its_own_engine():
    engines = []
    worker = threading.Thread(target=lambda: engines.append(_engine()))
    worker.start()
    worker.join()
    assert engines[0] is not _engine()
    assert _engine() is _engine()


def test_text_hints_through_the_shared_engine():
    page = '<html><head><title>Story | Site</title><link rel="canonical" href="https://site.example/s"></head>' \
        '<body><h1>Story</h1></body></html>'
    tree = LexborHTMLParser(page)
    assert text_hints(tree, "https://site.example/s") == ("Story", None)
    assert tree.css_first("title").text() == "Story | Site"
