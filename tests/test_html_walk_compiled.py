"""The compiled DOM walk (segment/_walk.pyx) against its definition, the Python walk: the same Segmentation.

The Python side drops invisible content from its tree first (`drop_invisible`); the compiled walk skips it in place,
so each side gets its own parse of the page.
"""

from __future__ import annotations

import gzip
import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.segment import html as seg_html
from thresher.segment.html import (
    assign_paths,
    assign_paths_python,
    compiled_walk_available,
    drop_invisible,
    parse_html,
    walk_blocks_compiled,
    walk_blocks_python,
)

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
SAMPLES = Path(seg_html.__file__).resolve().parents[1] / "samples"
EXTENSION_BUILT = importlib.util.find_spec("thresher.segment._walk") is not None

needs_compiled = pytest.mark.skipif(not compiled_walk_available(), reason="the compiled walk is not in this install")


def both_walks(html: str | bytes, deadline: float | None = None):
    python_tree = parse_html(html)
    drop_invisible(python_tree)
    compiled_tree = parse_html(html)
    python_root = python_tree.body or python_tree.root
    compiled_root = compiled_tree.body or compiled_tree.root
    python = walk_blocks_python(python_root, deadline)
    compiled = walk_blocks_compiled(compiled_root, deadline)
    assign_paths_python(python)
    assign_paths(compiled)  # the compiled one, as in segment_html
    return python, compiled


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler here")
@pytest.mark.skipif(bool(os.environ.get("THRESHER_PURE_PYTHON")), reason="the Python code is asked for")
def test_the_install_built_the_compiled_walk_and_it_reads_this_lexbor():
    # Built: pip install compiled the extension. Bound: its view of lexbor's structs matched selectolax's answers.
    assert EXTENSION_BUILT
    assert compiled_walk_available()


@needs_compiled
def test_the_two_walks_agree_on_the_bundled_sample():
    html = (SAMPLES / "harbour-bridge.html").read_bytes()
    python, compiled = both_walks(html)
    assert len(python.blocks) > 5
    assert all(block.path for block in compiled.blocks)
    assert compiled == python


@needs_compiled
@pytest.mark.skipif(not BENCH.is_dir(), reason="../shared/bench is not here")
def test_the_two_walks_agree_on_every_benchmark_page():
    from thresher.decode import decode

    pages = [p.read_bytes() for p in sorted((BENCH / "scrapinghub-aeb").glob("*.html"))]
    pages += [gzip.decompress(p.read_bytes()) for p in sorted((BENCH / "trafilatura-eval").glob("*.html.gz"))[:300]]
    assert len(pages) > 400
    differing = []
    for index, raw in enumerate(pages):
        python, compiled = both_walks(decode(raw).encode("utf-8", "ignore"))
        if python != compiled:
            differing.append(index)
    assert differing == []


TAGS = ["div", "p", "span", "b", "a", "h2", "pre", "li", "ul", "table", "td", "br", "script", "style", "svg", "input",
        "my-widget", "foo", "button", "nav", "template", "textarea"]
ATTRIBUTES = [
    "", ' id="Main"', ' class="Story Body"', ' role="navigation"', ' itemprop="articleBody"', ' href="/x"', " href",
    " hidden", ' aria-hidden="true"', ' aria-hidden="TRUE"', ' style="display:none"', ' style="color: red; display: none"',
    ' style="DISPLAY:NONE"', ' style="visibility:hidden"', ' type="hidden"', ' type="HIDDEN"', ' class="a" id="b" class="c"',
    # naming attributes the compiled walk names in C (ASCII) or hands to Python (not ASCII), blank ones, odd spaces
    ' id=""', " id", ' class=""', ' class=" \t "', ' class="\tNav\x0cMenu  Top-Bar "', ' class="x\x1fy"', ' class="a\u2003b"',
    ' id="Ünï" class="Straße"', ' role="" itemprop="Author"', ' role="Main"', ' itemprop="İ"', ' role="navigation" class="A"',
    # names in capitals, and names the walk has no use for between those it reads
    ' ID="Up" HIDDEN', ' data-a="1" Class="K" data-b="2" Role="main"', ' Style="display:none"', ' ARIA-HIDDEN="true"',
]
TEXTS = ["word", " ", "two words", "\xa0", "\u2003x\u3000", "\n\t", "é ü", "中文", "\u200b", "a\u2028b", "\x85", "&amp;",
         "<!-- note -->", "\u1680y\u205f", "\u202f",
         # runs of visible ASCII longer than the eight bytes the fold copies at a time, and of exactly eight
         "Honorificabilitudinitatibus", "abcdefgh", "(word-with.punctuation!)", "abcdefgh\xa0ijklmnopq"]


@st.composite
def html_pieces(draw):
    pieces = []
    for _ in range(draw(st.integers(0, 40))):
        kind = draw(st.integers(0, 3))
        if kind == 0:
            pieces.append(f"<{draw(st.sampled_from(TAGS))}{draw(st.sampled_from(ATTRIBUTES))}>")
        elif kind == 1:
            pieces.append(f"</{draw(st.sampled_from(TAGS))}>")
        else:
            pieces.append(draw(st.sampled_from(TEXTS)))
    return "".join(pieces)


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(html_pieces(), st.sampled_from(["<body>", "<body hidden>", "", "<html><head><title>t</title></head><body class=x>"]))
def test_the_two_walks_agree_on_any_markup(body, opening):
    python, compiled = both_walks(opening + body)
    assert compiled == python


@needs_compiled
@pytest.mark.parametrize("names", [10, 300, 2000])
def test_the_two_walks_agree_on_pages_with_many_attribute_names(names):
    # The compiled walk memoises what each attribute name is: more names than it keeps must read the same, and the
    # names it reads come only in the second half, when its memo may be full.
    rows = []
    for i in range(names):
        extra = ["", " hidden", ' id="Item"', ' class="Row Odd"', ' style="display:none"', ' role="note"'][i % 6]
        extra = extra if i >= names // 2 else ""
        rows.append(f'<div data-n{i}="v" title="t{i}"{extra}><p x-{i}="1">text {i}</p><a href="/{i}" z{i}>link {i}</a></div>')
    python, compiled = both_walks("<body>" + "".join(rows) + "</body>")
    assert len(python.blocks) > names // 2
    assert compiled == python


@needs_compiled
def test_the_compiled_walk_stops_at_its_deadline_like_the_python_walk():
    html = "<body><div id='main' class='story'>" + "<p>para</p>" * 5000 + "</div></body>"
    python, compiled = both_walks(html, deadline=0.0)
    assert compiled.stopped_early and 0 < len(compiled.blocks) < 5000
    assert compiled == python


@needs_compiled
def test_the_compiled_walk_leaves_the_tree_as_it_was():
    # The Python walk's drop_invisible edits the tree; the compiled walk only reads it (metadata may read it after).
    tree = parse_html("<body><script>var x</script><p hidden>secret</p><p>shown</p></body>")
    before = tree.html
    seg = walk_blocks_compiled(tree.body)
    assert [b.text for b in seg.blocks] == ["shown"]
    assert tree.html == before


@pytest.mark.skipif(bool(os.environ.get("THRESHER_PURE_PYTHON")), reason="the Python code is asked for")
def test_the_python_walk_can_be_chosen_and_cleans_the_same(tmp_path):
    import json
    import os
    import subprocess
    import sys

    page = SAMPLES / "harbour-bridge.html"
    script = (
        "import json, sys, thresher; from thresher.segment.html import compiled_walk_available; "
        "print(json.dumps([compiled_walk_available(), thresher.clean(open(sys.argv[1], 'rb').read()).to_dict()]))"
    )
    outputs = {}
    for pure in ("1", ""):
        env = {**os.environ, "THRESHER_PURE_PYTHON": pure}
        done = subprocess.run([sys.executable, "-c", script, str(page)], env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        outputs[pure] = json.loads(done.stdout)
    assert outputs["1"][0] is False
    assert outputs[""][0] is compiled_walk_available()
    assert outputs["1"][1] == outputs[""][1]



needs_scan = pytest.mark.skipif(seg_html._COMPILED_SCAN is None, reason="the compiled nesting scan is not built")


@needs_scan
@settings(max_examples=300, deadline=None)
@given(
    data=st.lists(st.sampled_from([b"<", b"</", b"<div>", b"</div>", b"x", b"/", b" ", b"\xc3\xa9"]), max_size=80).map(
        b"".join
    ),
    window=st.integers(min_value=1, max_value=24),
    min_tags=st.integers(min_value=0, max_value=6),
)
def test_compiled_nesting_scan_matches_the_python_scan(data: bytes, window: int, min_tags: int) -> None:
    compiled = seg_html.may_be_deeply_nested(data, window, min_tags)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(seg_html, "_COMPILED_SCAN", None)
        assert seg_html.may_be_deeply_nested(data, window, min_tags) == compiled


@needs_scan
def test_compiled_nesting_scan_finds_a_deep_stretch_after_ordinary_markup() -> None:
    ordinary = b"<p>text</p>" * 2000
    assert not seg_html.may_be_deeply_nested(ordinary)
    assert seg_html.may_be_deeply_nested(ordinary + b"<div>" * 2000 + b"</div>" * 2000)
    # "</" split across two windows closes neither: the opening tags before it still count
    assert seg_html.may_be_deeply_nested(b"<" * 8 + b"/", window=8, min_tags=8)
    assert not seg_html.may_be_deeply_nested(b"<" * 7 + b"/", window=8, min_tags=7)


@needs_compiled
def test_the_walk_builds_blocks_and_containers_in_place():
    # Writing the slots directly is the walk's fast path for both records; the class's own constructor is the rule.
    assert seg_html._COMPILED_WALK.records_built_in_place() == (True, True)


@needs_compiled
def test_a_record_built_in_place_equals_the_constructed_one_and_owns_its_references():
    from thresher.model import Block, Role

    maker = seg_html._COMPILED_WALK.RecordMaker(Block, tuple(Block.__slots__))
    text = "".join(["a paragraph of its own ", "1"])  # a fresh object: its count moves only with what holds it
    values = (3, text, Role.BODY, None, None, None, None, None, "p", 0.25, 1, [("a", "/x")])
    held_before = sys.getrefcount(text)
    record = maker.make_from(values)
    assert record == Block(*values)
    assert sys.getrefcount(text) == held_before + 1
    assert sys.getrefcount(record) == 2  # the name and getrefcount's argument
    del record
    assert sys.getrefcount(text) == held_before


@needs_compiled
def test_records_built_in_place_are_left_to_reference_counting():
    # They can be in no reference cycle, so the garbage collector does not follow them (the class's own records are
    # followed); they are still freed as soon as nothing holds them.
    import gc

    from thresher.model import Block

    seg = walk_blocks_compiled(parse_html("<div id=a><p>one <a href='/x'>link</a></p><p>two</p></div>").body)
    assert seg.blocks and seg.containers
    assert not any(gc.is_tracked(record) for record in (*seg.blocks, *seg.containers))
    assert gc.is_tracked(Block(index=0, text="made by the class"))
    text = "".join(["freed ", "with its block"])
    maker = seg_html._COMPILED_WALK.RecordMaker(Block, tuple(Block.__slots__))
    record = maker.make_from((0, text, None, None, None, None, None, None, "p", 0.0, 0, None))
    held = sys.getrefcount(text)
    del record
    assert sys.getrefcount(text) == held - 1


@needs_compiled
def test_a_class_that_is_not_a_plain_slots_record_is_called_instead():
    class Plain:
        def __init__(self, a, b):
            self.a, self.b = a, b

        def __eq__(self, other):
            return (self.a, self.b) == (other.a, other.b)

    maker = seg_html._COMPILED_WALK.RecordMaker(Plain, ("a", "b"))
    assert not maker.usable
    assert maker.make_from((1, 2)) == Plain(1, 2)


@needs_compiled
def test_a_record_class_whose_constructor_does_more_is_called_with_every_field():
    # Slots alone would pass the layout checks; the probe record shows the constructor does more, so the maker calls
    # the class, with all the values.
    from dataclasses import dataclass

    @dataclass(slots=True)
    class Normalised:
        tag: str
        depth: int

        def __post_init__(self):
            self.tag = self.tag.upper()

    maker = seg_html._COMPILED_WALK._maker_for(Normalised, ("tag", "depth"), ("div", 1))
    assert not maker.usable
    assert maker.make_from(("p", 2)) == Normalised("p", 2)
