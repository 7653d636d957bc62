"""`extract_text` skips the metadata and language work: its text must still be exactly `clean(...).text`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import thresher
from thresher.decode import decode_with_info
from thresher.model import Role
from thresher.modes.html import clean_html

REPO_ROOT = Path(__file__).resolve().parents[1]
BENCH = REPO_ROOT.parent / "shared" / "bench"
JSON_LD_BODY_PATH = "script[ld+json]>articleBody"  # the path of paragraphs taken from a JSON-LD articleBody
# Benchmark pages compared per set: enough variety of markup, few enough to stay fast.
BENCH_SLICE = 80

ARTICLE = (
    "<p>The harbour authority opened the new ferry terminal on Monday after three years of building work.</p>"
    "<p>Commuters from the northern suburbs will save about twenty minutes each way, the operator said.</p>"
)
LONG_BODY = " ".join(["The council voted to keep the old library open for another decade."] * 12)

# The parts a page's title hint and text can come from; the property below combines them freely.
HEAD_PARTS = {
    "title": "<title>New ferry terminal opens | Harbour News</title>",
    "og_title": '<meta property="og:title" content="New ferry terminal opens">',
    "site_name": '<meta property="og:site_name" content="Harbour News">',
    "json_ld": '<script type="application/ld+json">'
    + json.dumps({"@type": "NewsArticle", "headline": "New ferry terminal opens", "articleBody": LONG_BODY})
    + "</script>",
    "bad_json_ld": '<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>',
}
BODY_PARTS = {
    "nav": '<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>',
    "h1": "<h1>New ferry terminal opens</h1>",
    "other_h1": "<h1>Harbour News</h1>",
    "h2": "<h2>Terminal opens</h2>",
    "byline": '<p class="byline">By Jane Smith</p>',
    "article": f"<article>{ARTICLE}</article>",
    "share": '<div class="share"><a href="#">Share</a> <a href="#">Print</a></div>',
    "footer": "<footer><p>Copyright 2024 Harbour News. All rights reserved.</p></footer>",
}


def _page(head: list[str], body: list[str]) -> str:
    return (
        "<!doctype html><html><head>"
        + "".join(HEAD_PARTS[k] for k in head)
        + "</head><body>"
        + "".join(BODY_PARTS[k] for k in body)
        + "</body></html>"
    )


def _assert_same_text(page: str | bytes, url: str | None = None) -> str:
    text = thresher.extract_text(page, url)
    full = thresher.clean(page, url=url, format="html")
    assert text == full.text
    # The text-only Document labels every block alike; only the element paths are left out.
    decoded = decode_with_info(page)
    fast = clean_html(decoded.text, url=url, utf8=decoded.utf8, text_only=True)
    assert [(b.text, b.role, b.label) for b in fast.blocks] == [(b.text, b.role, b.label) for b in full.blocks]
    assert fast.language is None
    assert all(f.path is None or f.path == b.path == JSON_LD_BODY_PATH for f, b in zip(fast.blocks, full.blocks))
    return text


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (["json_ld", "site_name"], ["nav", "h1", "byline", "article", "share", "footer"]),
        (["og_title"], ["nav", "other_h1", "h2", "article"]),
        (["title", "site_name"], ["h2", "article", "footer"]),
        ([], ["h1", "article"]),
        ([], []),
    ],
)
def test_title_hint_sources_give_the_same_text(head: list[str], body: list[str]) -> None:
    _assert_same_text(_page(head, body), "https://news.example/2024/ferry")


def test_the_headline_is_found_without_the_metadata_pass() -> None:
    # The page title names the second heading as the headline: only the title hint can tell.
    page = _page(["title", "site_name"], ["h2", "article"]).replace(
        "<h2>Terminal opens</h2>", "<h2>New ferry terminal opens</h2>"
    )
    doc = thresher.clean(page, format="html")
    assert [b.text for b in doc.blocks if b.role is Role.TITLE] == ["New ferry terminal opens"]
    assert "New ferry terminal opens" not in _assert_same_text(page)


def test_a_script_rendered_page_gives_its_json_ld_body() -> None:
    text = _assert_same_text(_page(["json_ld"], ["nav"]).encode())
    assert "old library open for another decade" in text


@settings(max_examples=60, deadline=None)
@given(
    head=st.lists(st.sampled_from(sorted(HEAD_PARTS)), max_size=4),
    body=st.lists(st.sampled_from(sorted(BODY_PARTS)), max_size=8),
    url=st.sampled_from([None, "https://news.example/2024/05/06/ferry", "not a url"]),
)
def test_any_composition_gives_the_same_text(head: list[str], body: list[str], url: str | None) -> None:
    _assert_same_text(_page(head, body), url)


@pytest.mark.skipif(not BENCH.is_dir(), reason="shared benchmark data not present")
@pytest.mark.parametrize("loader", ["load_aeb", "load_trafilatura_eval"])
def test_benchmark_pages_give_the_same_text(loader: str) -> None:
    sys.path.insert(0, str(REPO_ROOT))  # `bench` is a top-level folder of the repository, not part of the package
    from bench import scoring

    for page in getattr(scoring, loader)(limit=BENCH_SLICE):
        _assert_same_text(page.html, page.url)


def _page_bytes() -> bytes:
    return ("<html><head><title>Ferry</title></head><body><h1>Ferry</h1>" + ARTICLE + "<p>Grüße — 日本</p></body></html>").encode()


def test_a_decoded_utf8_page_is_cleaned_from_its_bytes_without_decoding_its_text():
    from thresher.decode import DecodeResult
    from thresher.modes.html import clean_html_with_text

    decoded = DecodeResult(None, "utf-8", "utf-8", _page_bytes())  # as decoding leaves strict UTF-8 when compiled

    doc, text = clean_html_with_text(decoded, text_only=True)
    assert decoded._text is None  # the parser read the bytes; nothing asked for the text
    assert text == clean_html(_page_bytes().decode("utf-8")).text
    assert "Commuters from the northern suburbs" in text


def test_a_decoded_page_past_the_size_limit_is_cut_as_its_text_would_be(monkeypatch):
    import thresher.modes.html as html_mode

    monkeypatch.setattr(html_mode, "MAX_HTML_CHARS", 150)
    data = _page_bytes()
    from_bytes, from_text = clean_html(decode_with_info(data)), clean_html(data.decode("utf-8"))
    assert "truncated_input" in from_bytes.flags
    assert [(b.text, b.role, b.label) for b in from_bytes.blocks] == [(b.text, b.role, b.label) for b in from_text.blocks]


def test_a_decoded_deeply_nested_page_is_cut_as_its_text_would_be():
    data = ("<html><body><p>" + ARTICLE + "</p>" + "<div>" * 20_000 + "deep" + "</div>" * 20_000 + "</body></html>").encode()
    from_bytes, from_text = clean_html(decode_with_info(data)), clean_html(data.decode("utf-8"))
    assert "deep_nesting_cut" in from_bytes.flags
    assert from_bytes.text == from_text.text


def test_the_shared_plain_options_are_the_defaults_and_other_options_still_apply():
    from thresher.modes.html import HtmlOptions, _options_of

    assert _options_of({}) == HtmlOptions() and _options_of({"text_only": True}) == HtmlOptions(text_only=True)
    page = "<html><body><nav><a href='/'>Home</a></nav><article><p>" + "Words of the article. " * 10 + "</p></article>"
    plain = clean_html(page)
    assert plain.language is not None
    # An option given with text_only is not lost to the shared records, and a call never changes them.
    assert clean_html(page, text_only=True, detect_language=False).language is None
    assert clean_html(page, detect_language=False).language is None
    assert _options_of({}) == HtmlOptions() and _options_of({"text_only": True}) == HtmlOptions(text_only=True)
