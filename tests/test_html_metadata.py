"""Page metadata from JSON-LD, meta tags, microdata and the visible page."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from thresher.metadata.html import (
    clean_author,
    date_in_text,
    extract_metadata,
    iso_date,
    language_code,
    plausible_date,
    strip_site,
    text_hints,
)
from thresher.modes.html import clean_html
from thresher.segment.html import parse_html

# The HTML sample page `make demo` cleans, written for the project.
ARTICLE = Path(__file__).resolve().parents[1] / "src" / "thresher" / "samples" / "harbour-bridge.html"


def test_metadata_from_structured_sources():
    doc = clean_html(ARTICLE.read_text(encoding="utf-8"), url="https://courier.example/x?y=1")
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


# ------------------------------------------------------------------------------------------------ titles, authors, dates


_HINT_PAGES = {
    "json-ld article": (
        (
            '<html><head><title>Old title | Site</title><script type="application/ld+json">{"@type": "NewsArticle",'
            '"headline": "Ferry fares frozen", "articleBody": "The council froze fares.", "author": "Jo Rau",'
            '"datePublished": "2021-04-05"}</script></head><body><h1>Ferry fares frozen</h1></body></html>'
        ),
        ("Ferry fares frozen", "The council froze fares."),
    ),
    "og:title only": (
        '<html><head><meta property="og:title" content="Gulls return"></head><body><p>x</p></body></html>',
        ("Gulls return", None),
    ),
    "title with a site suffix": (
        (
            "<html><head><title>Gulls return to the pier | The Harbour Gazette</title>"
            '<meta property="og:site_name" content="The Harbour Gazette"></head><body></body></html>'
        ),
        ("Gulls return to the pier", None),
    ),
    "h1 only": (
        "<html><body><article><h1>Night trains are back</h1><p>By Anna Berg, 19.11.2019</p></article></body></html>",
        ("Night trains are back", None),
    ),
    "nothing": ("<html><body><p>Just text.</p></body></html>", (None, None)),
}


def test_text_hints_are_the_title_hint_and_body_of_extract_metadata():
    for name, (html, expected) in _HINT_PAGES.items():
        tree = parse_html(html)
        meta = extract_metadata(tree, "https://harbour.example/2021/04/05/story")
        hints = text_hints(tree, "https://harbour.example/2021/04/05/story")
        assert hints == (meta.headline or meta.title, meta.article_body), name
        assert hints == expected, name




def _meta(body: str, head: str = "", url: str | None = None):
    return extract_metadata(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"), url)


def test_title_loses_the_site_name_named_by_og_site_name():
    meta = _meta(
        "<p>text</p>",
        '<title>Gulls return to the old pier | The Harbour Gazette</title>'
        '<meta property="og:site_name" content="The Harbour Gazette">',
    )
    assert meta.headline == "Gulls return to the old pier"


def test_title_chosen_by_agreement_of_h1_and_title_tag():
    meta = _meta(
        "<header><a>Menu</a></header><article><h1>Night trains are back</h1><p>Body.</p></article>",
        "<title>Rail Notes » Blog Archive » Night trains are back</title>",
        url="https://railnotes.example/2020/05/04/night-trains/",
    )
    assert meta.headline == "Night trains are back"


def test_title_keeps_a_dash_that_belongs_to_it():
    assert strip_site("Part 2 - The long climb", {"mountainlog"}) == "Part 2 - The long climb"
    assert strip_site("Part 2 - The long climb - Mountain Log", {"mountainlog"}) == "Part 2 - The long climb"


def test_twice_escaped_entities_are_unescaped():
    meta = _meta("", '<meta property="og:title" content="Salt &amp;#8211; and pepper">')
    assert meta.headline == "Salt – and pepper"


def test_json_ld_author_given_by_reference_is_resolved():
    graph = (
        '{"@graph": [{"@type": "BlogPosting", "headline": "H", "author": {"@id": "https://blog.example/#p1"},'
        '"datePublished": "2019-03-02T10:00:00+01:00"},'
        '{"@type": "Person", "@id": "https://blog.example/#p1", "name": "Ilse Korn"}]}'
    )
    meta = _meta("", f'<script type="application/ld+json">{graph}</script>')
    assert meta.author == "Ilse Korn"
    assert meta.published == "2019-03-02T10:00:00+01:00"


def test_visible_german_byline_is_cleaned():
    meta = _meta('<article><h1>Neue Brücke</h1><div class="byline">Von Anna Berg | 19.11.2019</div></article>')
    assert meta.author == "Anna Berg"
    assert meta.published == "2019-11-19"


def test_byline_labels_and_links_are_no_names():
    assert clean_author("By") is None
    assert clean_author("Alle Artikel von Anna") is None
    assert clean_author("https://example.org/people/anna") is None
    assert clean_author("Posted by Jo Marsh on March 3, 2020") == "Jo Marsh"
    assert clean_author("Autor: Jan Ruf") == "Jan Ruf"


def test_site_name_as_author_yields_to_a_person():
    head = '<meta name="author" content="Harbour Gazette"><meta property="og:site_name" content="Harbour Gazette">'
    with_person = _meta('<article><h1>T</h1><span class="author">Mia Holm</span></article>', head)
    assert with_person.author == "Mia Holm"
    without = _meta("<article><h1>T</h1></article>", head)
    assert without.author == "Harbour Gazette"


def test_twitter_label_names_the_author():
    head = '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Ola Brenn">'
    assert _meta("", head).author == "Ola Brenn"


def test_written_german_date_in_a_date_element():
    meta = _meta('<main><h1>Titel</h1><p class="post-date">Veröffentlicht am 19. November 2019</p></main>')
    assert meta.published == "2019-11-19"


def test_dateline_right_under_the_headline():
    meta = _meta("<div><h1>Hochwasser am Fluss</h1><p>Stadt, 04.02.2021 – Der Pegel steigt.</p></div>")
    assert meta.published == "2021-02-04"


def test_date_from_the_url_path():
    meta = _meta("<h1>T</h1><p>No date shown.</p>", url="https://news.example/2019/11/19/story/")
    assert meta.published == "2019-11-19"


def test_publication_wins_over_modification():
    meta = _meta(
        '<article><h1>T</h1><span class="date">3. März 2020</span></article>',
        '<meta property="article:modified_time" content="2020-05-05T10:00:00+00:00">',
    )
    assert meta.published == "2020-03-03"


def test_modification_date_is_the_last_resort():
    meta = _meta("<p>nothing</p>", '<meta property="article:modified_time" content="2020-05-05T10:00:00+00:00">')
    assert meta.published == "2020-05-05T10:00:00+00:00"


def test_utc_stamp_near_midnight_takes_the_visible_day():
    ld = '{"@type": "NewsArticle", "headline": "H", "datePublished": "2021-06-02T23:30:00Z"}'
    head = f'<script type="application/ld+json">{ld}</script>'
    shifted = _meta("<article><h1>H</h1><time>3. Juni 2021</time></article>", head)
    assert shifted.published == "2021-06-03"
    same_day = _meta("<article><h1>H</h1><time>2. Juni 2021</time></article>", head)
    assert same_day.published == "2021-06-02T23:30:00Z"
    # An early-morning UTC stamp is never moved forward (west of Greenwich it is still the day before).
    ld_early = ld.replace("2021-06-02T23:30:00Z", "2021-06-03T02:00:00Z")
    early = _meta("<article><h1>H</h1><time>4. Juni 2021</time></article>", f'<script type="application/ld+json">{ld_early}</script>')
    assert early.published == "2021-06-03T02:00:00Z"


def test_disagreeing_declared_dates_are_settled_by_the_visible_one():
    ld = '{"@type": "NewsArticle", "headline": "H", "datePublished": "2022-01-04T07:29:00+01:00"}'
    head = (
        f'<script type="application/ld+json">{ld}</script>'
        '<meta property="article:published_time" content="2022-01-06T08:29:34">'
    )
    meta = _meta('<article><h1>H</h1><div class="info-date">06.01.2022</div></article>', head)
    assert meta.published == "2022-01-06T08:29:34"


def test_slashed_and_short_year_dates():
    assert date_in_text("03/05/2022") == "2022-05-03"
    assert date_in_text("03/05/2022", month_first=True) == "2022-03-05"
    assert date_in_text("13/05/2022", month_first=True) == "2022-05-13"
    assert date_in_text("23.09.22") is None
    assert date_in_text("23.09.22", short_years=True) == "2022-09-23"
    assert date_in_text("Okt 26, 2018") == "2018-10-26"


def test_implausible_dates_are_refused():
    assert plausible_date("2999-01-01") is None
    assert plausible_date("1970-01-01") is None
    assert plausible_date("2019-11-19T10:00") == "2019-11-19T10:00"
    assert _meta('<h1>T</h1><span class="date">Event on 1. Januar 2999</span>').published is None


@given(st.text(max_size=60), st.booleans(), st.booleans())
def test_date_in_text_gives_a_plausible_iso_day_or_nothing(text, short_years, month_first):
    found = date_in_text(text, short_years=short_years, month_first=month_first)
    assert found is None or plausible_date(found) == found


@given(st.text(max_size=80))
def test_clean_author_gives_a_short_name_or_nothing(text):
    name = clean_author(text)
    assert name is None or (name and len(name) <= 120 and not name.lower().startswith(("by ", "von ")))


_separators = st.sampled_from([" | ", " - ", " – ", " » ", " :: ", " · "])


@given(st.lists(st.text(alphabet="abcdef XYZ", min_size=1, max_size=12), min_size=1, max_size=4), _separators)
def test_strip_site_returns_part_of_the_title(parts, separator):
    title = separator.join(parts)
    out = strip_site(title, {"xyz", "abc"})
    assert out and out in title


_tags = st.sampled_from(
    ["<h1>", "</h1>", "<time datetime='2020-02-30'>", "</time>", "<span class='byline date'>", "</span>",
     "<meta name='author' content='By'>", "<meta property='article:published_time' content='2019-11-19'>",
     "<p>", "Von Jo Rau", "19.11.2019", "31/02/2020", "<title>", "</title>", " | ", "<article>", "<aside>"]
)


@given(st.lists(_tags, max_size=25), st.sampled_from([None, "https://x.example/2019/11/19/a", "not a url"]))
def test_any_markup_is_read_without_error(pieces, url):
    meta = extract_metadata(parse_html("".join(pieces)), url)
    assert meta.published is None or plausible_date(meta.published) == meta.published
    assert meta.author is None or isinstance(meta.author, str)
    assert meta.headline is None or isinstance(meta.headline, str)


def test_several_authors_are_kept_and_roles_places_degrees_dropped():
    assert clean_author("Von Anna Berg und Jo Rau") == "Anna Berg; Jo Rau"
    assert clean_author("By Lena Maas, Piet de Boer & Ute Lind") == "Lena Maas; Piet de Boer; Ute Lind"
    assert clean_author("Grant Mole, PhD") == "Grant Mole"
    assert clean_author("Rob Kern, Senior Editor") == "Rob Kern"
    assert clean_author("Christoph Marl Chefredakteur") == "Christoph Marl"
    assert clean_author("Staff Writer") == "Staff Writer"


def test_a_person_publishing_a_blog_is_its_author_not_its_site_name():
    graph = (
        '{"@graph": [{"@type": "Article", "headline": "H", "author": {"@id": "#me"}, "publisher": {"@id": "#me"}},'
        '{"@type": ["Person", "Organization"], "@id": "#me", "name": "Ada Brook"}]}'
    )
    meta = _meta('<article><h1>H</h1><span class="byline">ca. 8 Min.</span></article>', f'<script type="application/ld+json">{graph}</script>')
    assert meta.author == "Ada Brook"


def test_malformed_addresses_do_not_break_the_page():
    html = "<html><head><link rel=canonical href='http://[::1'></head><body><h1>Quiet harbour</h1></body></html>"
    meta = extract_metadata(parse_html(html), "http://[::1")
    assert meta.headline == "Quiet harbour"
    assert meta.canonical_url is None


_TITLE_TEXT = st.text(alphabet=st.sampled_from(list("ab Z9_|–—·•»«›‹:~-é\t.,")), max_size=30)


@given(_TITLE_TEXT)
def test_squash_ascii_shortcut_agrees_with_the_pattern(text):
    import re

    from thresher.metadata.html import _squash

    assert _squash(text) == re.sub(r"[\W_]+", "", text).casefold()


@given(_TITLE_TEXT)
def test_title_separator_look_ahead_changes_no_split(text):
    import re

    from thresher.metadata.html import _TITLE_SEPARATOR

    plain = re.compile(r"\s+[|–—·•»«›‹:~\-]\s+|\s*[|»«›‹]\s*|\s*::\s*")
    assert _TITLE_SEPARATOR.split(text) == plain.split(text)


@given(st.text(alphabet=st.sampled_from(list("commentREPLYsidebar-wİſ Kk_")), max_size=30))
def test_not_article_names_are_found_in_any_case(names):
    import re

    from thresher.metadata.html import NOT_ARTICLE_WORDS, _names_not_article

    pattern = re.compile("|".join(re.escape(w) for w in NOT_ARTICLE_WORDS), re.IGNORECASE)
    assert _names_not_article(names) == (pattern.search(names) is not None)
    assert _names_not_article("post Comment-list") and not _names_not_article("post-body")
