"""Page metadata from JSON-LD, meta tags, microdata and the visible page."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from thresher.metadata.html import extract_metadata, iso_date, language_code
from thresher.modes.html import clean_html
from thresher.segment.html import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def test_metadata_from_structured_sources():
    doc = clean_html((FIXTURES / "article.html").read_text(encoding="utf-8"), url="https://courier.example/x?y=1")
    assert doc.mode == "html"
    assert doc.title == "Harbour bridge reopens after repairs"
    assert doc.author == "Mary Quill"
    assert doc.published == "2021-03-04T09:15:00+00:00"
    assert doc.site == "The Coastal Courier"
    assert doc.canonical_url == "https://courier.example/news/harbour-bridge"
    assert doc.language == "en"
    assert doc.description == "The old harbour bridge carries traffic again."
    assert doc.section == "Local"
    assert doc.tags == ["bridge", "harbour", "roads"]


def test_json_ld_graph_and_author_list():
    html = (
        '<html><head><script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "Site"},'
        '{"@type": ["NewsArticle"], "headline": "Head", "author": [{"name": "A One"}, "B Two"],'
        '"datePublished": "2020-01-02", "keywords": ["x", "y"]}]}</script></head><body></body></html>'
    )
    meta = extract_metadata(parse_html(html))
    assert meta.headline == "Head"
    assert meta.author == "A One; B Two"
    assert meta.published == "2020-01-02"
    assert meta.tags == ["x", "y"]


def test_broken_json_ld_is_ignored():
    html = '<html><head><script type="application/ld+json">{"@type": "Article", </script><title>T</title></head></html>'
    meta = extract_metadata(parse_html(html))
    assert meta.title == "T"
    assert meta.author is None


def test_microdata_and_time_element():
    html = (
        "<html><body><span itemprop='author'><span itemprop='name'>Jo Writer</span></span>"
        "<time datetime='2019-11-20T05:27:00-06:00'>Nov 20</time></body></html>"
    )
    meta = extract_metadata(parse_html(html))
    assert meta.author == "Jo Writer"
    assert meta.published == "2019-11-20T05:27:00-06:00"


def test_language_falls_back_to_detection():
    para = "Die Stadt hat am Montag beschlossen, die alte Brücke über den Fluss im nächsten Jahr zu erneuern. " * 4
    doc = clean_html(f"<html><body><article><p>{para}</p></article></body></html>")
    assert doc.language == "de"
    assert doc.language_score and doc.language_score > 0.5


def test_iso_dates():
    assert iso_date("2021-03-04T09:15:00Z") == "2021-03-04T09:15:00Z"
    assert iso_date("2021-03-04 09:15") == "2021-03-04T09:15"
    assert iso_date("20210304") == "2021-03-04"
    assert iso_date("2021/3/4 noon") == "2021-03-04"
    assert iso_date("2021-13-45") is None
    assert iso_date("yesterday") is None
    assert language_code("en-US") == "en" and language_code("x") is None


@given(st.text(max_size=40))
def test_iso_date_never_raises_and_returns_a_date_prefix(value):
    out = iso_date(value)
    assert out is None or (len(out) >= 10 and out[4] == "-" and out[7] == "-")


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.sampled_from(
        ["@type", "@graph", "name", "author", "headline", "datePublished", "keywords", "articleBody", "publisher",
         "inLanguage", "description", "articleSection"]), children, max_size=5),
    max_leaves=12,
)


@given(_json_values)
def test_any_json_ld_is_read_without_error(value):
    import json

    html = f'<html><head><script type="application/ld+json">{json.dumps(value)}</script></head><body></body></html>'
    meta = extract_metadata(parse_html(html))
    for text in (meta.title, meta.headline, meta.author, meta.site, meta.section, meta.description):
        assert text is None or isinstance(text, str)
    assert all(isinstance(tag, str) for tag in meta.tags)
