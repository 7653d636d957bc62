"""The compiled main-content loops (label/_choose.pyx) against their definition, label.dom's Python: the same answers.

Pages are drawn as random container trees over random blocks: tags from every set the loops test (prose, controls,
table cells, headings, none), texts that repeat and end in every way, link densities on and around the thresholds,
and name evidence of every kind (weak words and tags, cookie and login boxes, content names, roles). The weights are
compared as floats, exactly: the twin must add the same numbers in the same order.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import dom
from thresher.model import Block, Label
from thresher.segment.html import Container, Segmentation

compiled = dom._COMPILED_CHOICE
needs_compiled = pytest.mark.skipif(compiled is None, reason="the compiled main-content loops are not in this install")
SAMPLES = Path(dom.__file__).resolve().parents[1] / "samples"

TAGS = ["p", "div", "li", "td", "th", "h1", "h2", "span", "input", "button", "select", "pre", "figcaption", None]
TEXTS = [
    "", " ", "Short.", "A sentence that ends like one.", "a line with no mark at the end of it at all, long enough",
    "Quoted words end here” ", "Ends with a colon:  ", "x" * 75, "y" * 31 + ".", "z" * 29 + "!", "Menu",
    "A long paragraph of prose " * 8, "重复的段落。", "Wörter mit Umlaut enden hier…\n",
]
DENSITIES = [0.0, 0.1, 0.35, 0.3500001, 0.5, 0.6, 0.7, 0.70001, 1.0]
WORDS = sorted({*dom.WEAK_WORDS, "sidebar", "nav", "comments", "related", "cookie", "article", "share"})
EVIDENCE = st.one_of(
    st.just((None, "", False, None)),
    st.just((None, "", True, None)),
    st.tuples(
        st.sampled_from([Label.NAVIGATION, Label.COMMENTS, Label.COOKIE_NOTICE, Label.LOGIN, Label.RELATED_LINKS]),
        st.one_of(
            st.sampled_from(WORDS),
            st.sampled_from(["<form>", "<nav>", "<aside>", "<fieldset>", "role=navigation", "<", "<>"]),
            st.sampled_from([f"<{tag}>" for tag in sorted(dom.WEAK_TAGS)] or ["<form>"]),
        ),
        st.booleans(),
        st.sampled_from([None, Label.BYLINE]),
    ),
)

blocks_strategy = st.lists(
    st.builds(
        lambda index, text, tag, density: Block(index=index, text=text, tag=tag, link_density=density),
        st.just(0),
        st.sampled_from(TEXTS),
        st.sampled_from(TAGS),
        st.sampled_from(DENSITIES),
    ),
    max_size=30,
)


@st.composite
def pages(draw: st.DrawFn) -> tuple[Segmentation, list[tuple]]:
    """A page: blocks, a preorder container tree whose block ranges nest (empty ones too), owners, and evidence."""
    blocks = draw(blocks_strategy)
    containers: list[Container] = []

    def grow(parent: int, first: int, end: int, depth: int) -> None:
        index = len(containers)
        containers.append(Container("div", "", parent, depth, first, end))
        at = first
        while depth < 6 and at <= end and draw(st.booleans()):
            child_end = draw(st.integers(at, end))
            grow(index, at, child_end, depth + 1)
            at = child_end
        if index and draw(st.booleans()):
            containers[index].tag = draw(st.sampled_from(["div", "section", "aside", "nav", "form"]))

    grow(-1, 0, len(blocks), 0)
    owner = []
    for i in range(len(blocks)):  # the deepest container holding the block
        owner.append(max(c for c, box in enumerate(containers) if box.first_block <= i < box.end_block))
    evidence = [draw(EVIDENCE) for _ in containers]
    return Segmentation(blocks=blocks, containers=containers, owner=owner), evidence


def prose_before_of(blocks: list[Block], flags: list[bool]) -> list[int]:
    before = [0]
    for block, flag in zip(blocks, flags):
        before.append(before[-1] + (len(block.text) if flag else 0))
    return before


options = st.builds(
    dom.DomLabelOptions,
    min_prose_chars=st.sampled_from([70, 40, 30.5]),
    min_sentence_chars=st.sampled_from([30, 12]),
    max_prose_link_density=st.sampled_from([0.35, 0.5]),
    max_long_prose_link_density=st.sampled_from([0.7, 0.9]),
    short_block_cost=st.sampled_from([3.0, 0.0, 1.5]),
    table_cell_char_weight=st.sampled_from([0.5, 1.0]),
)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(pages(), options, st.data())
def test_compiled_loops_give_the_python_answers(page, opts, data):
    seg, evidence = page
    blocks, containers = seg.blocks, seg.containers
    flags = dom.prose_flags_of(blocks, opts)
    assert compiled.prose_flags_of(blocks, opts) == flags
    before = prose_before_of(blocks, flags)
    min_overruled = before[-1] * data.draw(st.sampled_from([0.6, 0.0, 0.3]))
    max_weak = data.draw(st.integers(1, max(1, len(blocks))))
    layout = frozenset(data.draw(st.lists(st.sampled_from(WORDS), max_size=3)))
    weak_names = data.draw(st.booleans())
    args = (containers, evidence, before, min_overruled, max_weak, layout, weak_names)
    sources = dom.furniture_sources(*args)
    assert compiled.furniture_sources(*args) == sources
    in_body = [data.draw(st.booleans()) for _ in blocks]
    sign = data.draw(st.sampled_from([1.0, -0.5]))
    prefix = dom.block_weights(blocks, seg.owner, sources, flags, in_body, sign, opts)
    got = compiled.block_weights(blocks, seg.owner, sources, flags, in_body, sign, opts)
    assert [repr(x) for x in got] == [repr(x) for x in prefix]  # the same floats, to the last bit
    assert compiled.best_container(containers, prefix) == dom.best_container(containers, prefix)
    assert compiled.evidence_of(containers, lambda *names: names) == dom.evidence_of(containers, lambda *names: names)


@needs_compiled
def test_records_of_a_subclass_are_read_through_their_attributes():
    # The compiled loops read a Block's or Container's fields from their slots only for the classes themselves; a
    # subclass may define a field otherwise, and is asked like any object. This one keeps a heading's tag in the
    # slot but shows "p": read from the slot, the block would not be prose.
    class Shouting(Block):
        @property
        def tag(self) -> str:  # type: ignore[override]
            return "p"

        @tag.setter
        def tag(self, value: str | None) -> None:
            Block.tag.__set__(self, "h2")  # type: ignore[attr-defined]

    blocks = [Shouting(index=0, text="A sentence long enough to read as prose, and ending like one.")]
    opts = dom.DomLabelOptions()
    assert compiled.prose_flags_of(blocks, opts) == dom.prose_flags_of(blocks, opts) == [True]


@needs_compiled
@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.name)
def test_main_content_on_the_sample_pages_is_the_same_either_way(sample, monkeypatch):
    from thresher.segment.html import parse_html, segment_html

    def choose() -> tuple:
        seg = segment_html(parse_html(sample.read_bytes()))
        main, sources, evidence = dom.choose_main_content(seg)
        return main.container, main.score, main.ranges, sources, evidence

    fast = choose()
    monkeypatch.setattr(dom, "_CHOICE", dom)
    assert choose() == fast


@needs_compiled
@settings(max_examples=500, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=st.sampled_from(list("ab_ 1,.-\t\n\u00e9\u00bd\u0301\u4e2d\u3002\u0660\u2163\U0001F600\u00a0"))),
    )
)
def test_compiled_words_apart_gives_the_python_answer(text):
    # Word characters are the re module's \w: letters, digits and numbers of every script, and the underscore.
    assert compiled.words_apart(text) == dom.words_apart(text)


@needs_compiled
def test_compiled_evidence_keeps_its_own_cache_off_the_collectors_lists():
    import gc

    import thresher
    from thresher.label.dom_vocab import name_evidence

    thresher.clear_caches()
    assert compiled.evidence_size() == 0
    containers = [Container("nav", "#menu.main-nav", -1, 0), Container("div", ".article-body", 0, 1)]
    found = compiled.evidence_of(containers, name_evidence)
    assert found == [name_evidence(c.tag, c.ident, c.hint) for c in containers]
    assert compiled.evidence_size() == 2
    assert compiled.evidence_of(containers, name_evidence) == found  # the same answers from the cache
    assert not any(gc.is_tracked(answer) for answer in found)
    thresher.clear_caches()
    assert compiled.evidence_size() == 0


@needs_compiled
def test_compiled_evidence_cache_is_bounded(monkeypatch):
    import thresher
    from thresher.label.dom_vocab import name_evidence

    thresher.clear_caches()
    monkeypatch.setattr(compiled, "EVIDENCE_CACHE_SIZE", 2)
    containers = [Container("div", f".box-{n}", -1, 0) for n in range(5)]
    assert compiled.evidence_of(containers, name_evidence) == [name_evidence("div", f".box-{n}", "") for n in range(5)]
    assert compiled.evidence_size() <= 2
    thresher.clear_caches()


@needs_compiled
def test_compiled_evidence_cache_holds_one_functions_answers():
    containers = [Container("div", "#x", -1, 0)]
    assert compiled.evidence_of(containers, lambda *names: ("first", *names)) == [("first", "div", "#x", "")]
    assert compiled.evidence_of(containers, lambda *names: ("second", *names)) == [("second", "div", "#x", "")]
