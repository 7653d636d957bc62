"""Properties of the one-page API over generated input: text mode accounts for every line; HTML mode never crashes."""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from thresher import clean
from thresher.errors import InputError
from thresher.model import Document, Role

TEXT_EXAMPLES = int(os.environ.get("THRESHER_PROPERTY_EXAMPLES", "250"))  # raise it to hunt for rarer failures
HTML_EXAMPLES = TEXT_EXAMPLES
SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

# -- text mode

# Characters that stress line handling: every line break str.splitlines() knows, blanks, controls, BOM, non-Latin.
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_AWKWARD = " \t\xa0\u3000\ufeff\x00\x07\u200b"
_WORDS = [
    "Home",
    "News",
    "Share",
    "©",
    "2023-10-05",
    "By",
    "Reuters",
    "Advertisement",
    "|",
    "»",
    "Read more",
    "12",
    "北京",
    "Москва",
    "وكالة",
    "http://example.org/a?b=c",
    "<b>",
    "&amp;",
    "…",
    "•",
]

page_text = st.one_of(
    st.text(max_size=400),
    st.lists(
        st.one_of(st.sampled_from(_WORDS), st.text(alphabet=_LINE_BREAKS + _AWKWARD, max_size=3), st.text(max_size=12)),
        max_size=60,
    ).map(" ".join),
    st.lists(st.sampled_from(_WORDS + ["\n", "\n\n", "\r\n", " "]), max_size=80).map("".join),
)


@settings(max_examples=TEXT_EXAMPLES, **SETTINGS)
@given(page_text)
def test_text_mode_accounts_for_every_non_blank_line_once_in_order(text: str) -> None:
    doc = clean(text, format="text")
    expected = [line.strip() for line in text.splitlines() if line.strip()]
    assert [block.text for block in doc.blocks] == expected
    json.dumps(doc.to_dict())  # the record is always serialisable
    assert_blocks_are_accounted(doc)


def assert_blocks_are_accounted(doc: Document) -> None:
    """Each block holds visible text, and each removed one says what it was and why."""
    for block in doc.blocks:
        assert block.text.strip(), block
        if block.role is Role.REMOVED:
            assert block.label is not None and block.reason, block


# -- HTML mode

_TAGS = [
    "div",
    "p",
    "span",
    "a",
    "b",
    "i",
    "em",
    "ul",
    "ol",
    "li",
    "table",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "section",
    "article",
    "nav",
    "header",
    "footer",
    "aside",
    "main",
    "pre",
    "code",
    "blockquote",
    "figure",
    "figcaption",
    "form",
    "button",
    "time",
    "noscript",
    "template",
    "svg",
    "iframe",
    "select",
    "option",
    "font",
]
_VOID = ["br", "img", "hr", "input", "meta", "link", "wbr", "source"]
_ATTR_NAMES = [
    "class",
    "id",
    "href",
    "src",
    "style",
    "hidden",
    "aria-hidden",
    "itemprop",
    "role",
    "datetime",
    "lang",
    "content",
    "property",
    "name",
    "rel",
    "data-x",
    "onclick",
]
_ENTITIES = [
    "&amp;",
    "&lt;",
    "&gt;",
    "&nbsp;",
    "&#169;",
    "&#x1F600;",
    "&bogus;",
    "&",
    "&#xD800;",
    "&#0;",
    "&#99999999;",
    "&quot",
    "&#x;",
]

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
attr_value = st.one_of(
    words,
    st.sampled_from(
        [
            "",
            "'",
            '"',
            "nav menu",
            "article-body",
            "display:none",
            "2021-02-30",
            "javascript:void(0)",
            "//example.org/x",
            '{"@type": "NewsArticle"',
        ]
    ),
)
attribute = st.builds(
    lambda name, value, quote: f" {name}" if value is None else f" {name}={quote}{value}{quote}",
    st.sampled_from(_ATTR_NAMES),
    st.none() | attr_value,
    st.sampled_from(['"', "'", ""]),
)
attributes = st.lists(attribute, max_size=4).map("".join)

leaf = st.one_of(
    words,
    st.sampled_from(_ENTITIES),
    words.map(lambda w: f"<!--{w}-->"),
    words.map(lambda w: f"<!--{w}"),  # unclosed comment
    st.builds(lambda tag, attrs: f"<{tag}{attrs}>", st.sampled_from(_VOID), attributes),
    st.builds(lambda tag: f"</{tag}>", st.sampled_from(_TAGS)),  # stray end tag
    words.map(lambda w: f"<script>var s = '{w}</div>';</script>"),
    words.map(lambda w: f"<style>p {{ content: '{w}' }}</style>"),
    words.map(
        lambda w: (
            f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{w}", '
            f'"datePublished": "{w}", "author": {{"name": "{w}"}}}}</script>'
        )
    ),
    words.map(lambda w: f"<![CDATA[{w}]]>"),
    st.sampled_from(["<", ">", "</", "<>", "<!", "<?php echo 1 ?>", "<!DOCTYPE html>", "<p", '<a href="x']),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, close: f"<{tag}{attrs}>{''.join(inner)}{close(tag)}",
        st.sampled_from(_TAGS),
        attributes,
        st.lists(children, max_size=5),
        st.sampled_from([lambda t: f"</{t}>", lambda t: "", lambda t: "</div>", lambda t: f"</{t.upper()}>"]),
    )


fragment = st.recursive(leaf, _element, max_leaves=40)
head = st.lists(
    st.one_of(
        words.map(lambda w: f"<title>{w}</title>"),
        st.builds(
            lambda name, value: f'<meta name="{name}" content="{value}">',
            st.sampled_from(["author", "description", "date", "keywords", "og:title", "article:published_time"]),
            attr_value,
        ),
        st.builds(
            lambda prop, value: f'<meta property="{prop}" content="{value}">',
            st.sampled_from(["og:title", "og:site_name", "article:published_time", "article:section"]),
            attr_value,
        ),
        attr_value.map(lambda v: f'<link rel="canonical" href="{v}">'),
    ),
    max_size=5,
).map("".join)
html_page = st.one_of(
    st.lists(fragment, max_size=6).map("".join),
    st.builds(
        lambda h, body: f"<!DOCTYPE html><html><head>{h}</head><body>{''.join(body)}</body></html>",
        head,
        st.lists(fragment, max_size=6),
    ),
    st.builds(lambda h, body: f"<html><head>{h}<body>{''.join(body)}", head, st.lists(fragment, max_size=6)),
)


@settings(max_examples=HTML_EXAMPLES, **SETTINGS)
@given(html_page, st.sampled_from([None, "https://example.org/news/2021/05/04/story.html", "not a url", ""]))
def test_html_mode_raises_nothing_but_input_error(page: str, url: str | None) -> None:
    try:
        doc = clean(page, url=url, format="html")
    except InputError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    json.dumps(doc.to_dict())
    assert_blocks_are_accounted(doc)


@settings(max_examples=HTML_EXAMPLES // 2, **SETTINGS)
@given(html_page)
def test_html_bytes_through_auto_format_raise_nothing_but_input_error(page: str) -> None:
    for data in (page.encode("utf-8"), page.encode("utf-16"), page.encode("gb18030", errors="replace")):
        try:
            clean(data)
        except InputError as exc:
            assert str(exc) and "\n" not in str(exc)
