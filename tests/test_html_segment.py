"""Segmenting HTML into blocks: visibility, block boundaries, paths, link density, no recursion."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.segment.html import (
    drop_invisible,
    limit_nesting,
    may_be_deeply_nested,
    parse_html,
    segment_html,
    walk_blocks,
    walk_blocks_python,
)


def _blocks(html: str):
    return segment_html(parse_html(html)).blocks


def test_invisible_content_is_dropped():
    html = (
        "<html><head><title>T</title><style>p{}</style></head><body>"
        "<script>var secret = 1;</script><template><p>tpl</p></template>"
        "<svg><text>svg text</text></svg><p hidden>h1</p><p aria-hidden='true'>h2</p>"
        "<div style='display: none'>h3</div><div style='visibility:hidden'>h4</div><p>shown</p></body></html>"
    )
    assert [b.text for b in _blocks(html)] == ["shown"]


def test_noscript_content_is_a_block_of_its_own_container():
    # What a reader without scripts sees is text the labeller accounts for (as furniture, unless it is the article).
    seg = segment_html(parse_html("<body><p>shown</p><noscript><p>enable js</p></noscript></body>"))
    assert [b.text for b in seg.blocks] == ["shown", "enable js"]
    assert seg.containers[seg.owner[1]].tag in ("noscript", "p")
    assert any(c.tag == "noscript" for c in seg.containers)


def test_ruby_readings_are_left_out_of_the_text():
    html = "<body><p>子<ruby>供<rp>(</rp><rt>ども</rt><rp>)</rp></ruby>が<ruby>学校<rt>がっこう</rt></ruby>に来た</p></body>"
    assert [b.text for b in _blocks(html)] == ["子供が学校に来た"]
    python_tree = parse_html(html)
    drop_invisible(python_tree)  # the Python walk's way: invisible elements removed first
    assert [b.text for b in walk_blocks_python(python_tree.body).blocks] == ["子供が学校に来た"]


def test_block_elements_split_and_inline_elements_join():
    html = "<body><div>lead <b>bold</b> tail<p>para <a href='/x'>link</a></p>after<br>line two</div></body>"
    assert [(b.tag, b.text) for b in _blocks(html)] == [
        ("div", "lead bold tail"),
        ("p", "para link"),
        ("div", "after"),
        ("div", "line two"),
    ]


def test_link_density_and_links():
    blocks = _blocks("<body><p>abcd <a href='https://e.com/x'>efgh</a></p><ul><li><a href='/y'>all link</a></li></ul></body>")
    para, item = blocks
    assert 0.4 < para.link_density < 0.6
    assert para.links == (("efgh", "https://e.com/x"),)
    assert item.link_density == 1.0


def test_paths_name_ids_and_classes():
    blocks = _blocks("<body><div id='main' class='x y'><article class='story big'><p>text</p></article></div></body>")
    assert blocks[0].path == "body>div#main>article.story>p"


def test_preformatted_text_keeps_lines():
    blocks = _blocks("<body><pre>a = 1\n    b = 2\n</pre></body>")
    assert blocks[0].text == "a = 1\n    b = 2"


def test_table_cells_share_their_row_group():
    blocks = _blocks("<body><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></body>")
    assert [b.text for b in blocks] == ["a", "b", "c"]
    assert blocks[0].group == blocks[1].group != blocks[2].group


def test_containers_cover_their_blocks():
    seg = segment_html(parse_html("<body><div id='a'><p>one</p><p>two</p></div><p>three</p></body>"))
    div = next(c for c in seg.containers if c.ident == "#a")
    assert [b.text for b in seg.blocks[div.first_block : div.end_block]] == ["one", "two"]


def test_deep_nesting_walk_without_recursion():
    # Deep enough to overflow any recursive walk, shallow enough for the parser to stay quick.
    depth = 5000
    html = "<body>" + "<span>" * depth + "deep" + "</span>" * depth + "</body>"
    assert [b.text for b in _blocks(html)] == ["deep"]


def test_limit_nesting_cuts_only_past_the_limit():
    html = "<body>" + "<div>" * 50 + "x" + "</div>" * 50 + "</body>"
    cut, dropped = limit_nesting(html, max_depth=10)
    assert dropped == 2 * (50 + 1 - 10)  # body and 9 divs are kept, and so are their closing tags
    assert "x" in cut
    assert limit_nesting("<p>a</p><br><img src=x>", max_depth=10) == ("<p>a</p><br><img src=x>", 0)


def test_deep_nesting_is_detected_cheaply():
    assert may_be_deeply_nested("<div>" * 2000)
    assert not may_be_deeply_nested("<p>hello</p>" * 2000)


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/= abpdivlu\"'!-&;#x\n")), max_size=300))
def test_any_markup_segments_without_error(markup):
    blocks = _blocks(markup)
    for block in blocks:
        assert block.text.strip()
        assert 0.0 <= block.link_density <= 1.0


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<li>", "<b>", "</b>", "word ", "<br>", "<a href=x>", "</a>"]), max_size=120))
def test_text_is_never_lost_or_duplicated(pieces):
    html = "<body>" + "".join(pieces) + "</body>"
    words = sum(block.text.split().count("word") for block in _blocks(html))
    assert words == pieces.count("word ")


def test_heading_with_nested_blocks_is_one_heading_block():
    blocks = _blocks("<body><h1><div>Big</div>news <div>to</div>day</h1><p>text</p></body>")
    assert [(b.tag, b.text) for b in blocks] == [("h1", "Big news to day"), ("p", "text")]


def test_link_density_counts_only_non_blank_characters():
    # Line breaks and indentation inside text nodes are layout, not text: "ab" + "cd" links "cd" only.
    blocks = _blocks("<body><div>\n    ab\n    <a href='/x'>\n  cd\n  </a>\n</div></body>")
    assert blocks[0].text == "ab cd"
    assert blocks[0].link_density == 0.5


def test_link_split_by_a_block_counts_in_both_blocks():
    blocks = _blocks("<body><a href='/x'>abcd<div>efgh</div>ijkl</a>mnop</body>")
    assert [b.text for b in blocks] == ["abcd", "efgh", "ijklmnop"]
    assert [b.link_density for b in blocks] == [1.0, 1.0, 0.5]


def test_nesting_scan_reads_bytes_and_text_alike():
    deep = "<div>" * 2000
    assert may_be_deeply_nested(deep.encode()) and may_be_deeply_nested(deep)
    flat = "<p>héllo</p>" * 2000
    assert not may_be_deeply_nested(flat.encode()) and not may_be_deeply_nested(flat)


def test_hidden_content_nested_in_invisible_content_goes_once():
    html = "<body><div hidden><script>x()</script><p hidden>a</p></div><template><div hidden>b</div></template><p>c</p></body>"
    assert [b.text for b in _blocks(html)] == ["c"]


def test_utf8_bytes_parse_like_text():
    html = "<body><p>Grüße aus Köln</p><p>dritte <a href='/x'>Zeile</a></p></body>"
    as_text = segment_html(parse_html(html))
    as_bytes = segment_html(parse_html(html.encode("utf-8")))
    assert [(b.text, b.link_density, b.path) for b in as_text.blocks] == [
        (b.text, b.link_density, b.path) for b in as_bytes.blocks
    ]


def test_elements_without_text_make_no_container_but_still_split_text():
    seg = segment_html(parse_html("<body>one<div class='ad'></div>two<div id='x'><span><img src=a></span></div><p>three</p></body>"))
    assert [b.text for b in seg.blocks] == ["one", "two", "three"]
    assert [c.tag for c in seg.containers] == ["body", "p"]
    for c in seg.containers:
        assert c.end_block > c.first_block


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<section>", "</section>", "<b>", "</b>", "w ", "<br>"]), max_size=80))
def test_container_tree_is_preorder_and_covers_blocks(pieces):
    seg = segment_html(parse_html("<body>" + "".join(pieces) + "</body>"))
    containers = seg.containers
    for index, c in enumerate(containers[1:], start=1):
        parent = containers[c.parent]
        assert c.parent < index and c.depth == parent.depth + 1
        assert parent.first_block <= c.first_block < c.end_block <= parent.end_block
    for block_index, owner in enumerate(seg.owner):
        assert containers[owner].first_block <= block_index < containers[owner].end_block


def test_a_walk_stopped_early_names_the_elements_left_open():
    html = "<body><div id='main' class='story'>" + "<p>para</p>" * 5000 + "</div></body>"
    tree = parse_html(html)
    seg = walk_blocks(tree.body, deadline=0.0)
    assert seg.stopped_early and 0 < len(seg.blocks) < 5000
    main = next(c for c in seg.containers if c.tag == "div")
    assert main.ident == "#main.story"
    assert main.end_block == len(seg.blocks)
