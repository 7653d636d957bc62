"""The compiled name evidence (label/_names.pyx) against its definition, dom_vocab's Python: the same answers.

Names are built from the vocabulary itself (words, compounds, stems, style words, embeds), from words next to it,
digits and separators, with capitals and characters beyond ASCII, so every rule of `_name_analysis` and
`name_evidence` is reached; the benchmark pages add the names the web really uses.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import dom_vocab
from thresher.model import Label

BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
SAMPLES = Path(dom_vocab.__file__).resolve().parents[1] / "samples"
EXTENSION_BUILT = importlib.util.find_spec("thresher.label._names") is not None
compiled = dom_vocab._COMPILED_NAMES

needs_compiled = pytest.mark.skipif(compiled is None, reason="the compiled name evidence is not in this install")

VOCABULARY = sorted(
    {
        *dom_vocab.WORD_KIND, *dom_vocab.CONTENT_WORDS, *dom_vocab.CONTENT_COMPOUNDS, *dom_vocab.STYLE_WORDS,
        *dom_vocab.EMBED_WORDS, *dom_vocab.METADATA_WORDS, *dom_vocab.WEAK_WORDS,
        *(stem for stem, _ in dom_vocab.STEM_KIND),
    }
)
# Words beside the vocabulary: plain ones, numbers (no words), glued stems, capitals, and characters beyond ASCII,
# among them ones that lower-case into ASCII letters (the Kelvin sign, dotted capital I).
OTHER_WORDS = [
    "item", "wrap", "x", "a1", "2col", "1234", "0", "elementor", "mycaptionbox", "relatedstorieslist", "sitefooterwrap",
    "NAV", "Article", "BODY", "Sidebar", "\u212aomment", "\u0130nfo", "caf\u00e9", "stra\u00dfe", "\u00e9", "\u4e2d\u6587",
    "nav\u00adbar", "sh\u0430re",
]
SEPARATORS = ["-", "_", "", " ", "--", "\t", "1", "\u00e9", "/", ":"]
TAGS = ["div", "span", "li", "ul", "body", "html", "article", "main", "section", "nav", "menu", "aside", "form",
        "header", "footer", "figcaption", "p"]
HINT_WORDS = ["main", "articlebody", "navigation", "menu", "menubar", "contentinfo", "complementary", "banner",
              "search", "dialog", "alertdialog", "author", "headline", "articlebodyx", "region", "Main"]

# A vocabulary word with some letters capitalised, by a random bit mask.
mixed_case = st.builds(
    lambda word, mask: "".join(c.upper() if mask >> i & 1 else c for i, c in enumerate(word)),
    st.sampled_from(VOCABULARY),
    st.integers(0, 2**16),
)
words = st.one_of(st.sampled_from(VOCABULARY), st.sampled_from(OTHER_WORDS), mixed_case, st.text(max_size=6))
names = st.builds(
    lambda parts, separators: "".join(part + separator for part, separator in zip(parts, separators)),
    st.lists(words, max_size=5),
    st.lists(st.sampled_from(SEPARATORS), min_size=5, max_size=5),
)
idents = st.builds(
    lambda parts: "".join(mark + name for mark, name in parts),
    st.lists(st.tuples(st.sampled_from([".", "#", "", ".."]), names), max_size=4),
)
hints = st.builds(" ".join, st.lists(st.sampled_from(HINT_WORDS), max_size=3)) | st.sampled_from(["", " ", "main\tx"])


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler here")
@pytest.mark.skipif(bool(os.environ.get("THRESHER_PURE_PYTHON")), reason="the Python code is asked for")
def test_the_install_built_the_compiled_name_evidence():
    assert EXTENSION_BUILT
    assert compiled is not None


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(names)
def test_a_name_says_the_same_to_both(name):
    assert compiled.name_analysis(name) == dom_vocab.name_analysis_python(name)


@needs_compiled
@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(TAGS), idents, hints)
def test_an_element_gets_the_same_evidence_from_both(tag, ident, hint):
    assert compiled.name_evidence(tag, ident, hint) == dom_vocab.name_evidence_python(tag, ident, hint)


@needs_compiled
@pytest.mark.parametrize(
    ("tag", "ident", "hint"),
    [
        ("div", ".entry-content", ""),  # a content compound
        ("div", ".embed.share", ""),  # an embedded post beside a share word
        ("div", "#main-nav.share_bar", ""),  # a furniture pair
        ("div", ".post.share", ""),  # a strong word as a modifier of content
        ("div", ".comment-body.post", ""),  # comments stand beside content
        ("article", ".related-post", ""),  # an article that is someone else's
        ("section", ".post-meta", ""),  # a weak word next to a content word
        ("div", ".text-lg.author", ""),  # a styling class is no content word
        ("div", ".relatedstorieslist", ""),  # a stem inside a long word
        ("form", ".x", ""),  # a weak tag
        ("div", ".x", "navigation"),  # a role
        ("div", ".\u212aomment", ""),  # beyond ASCII, lower-cased into ASCII ("comment")
        ("div", ".Sidebar-Widget", ""),  # capitals
        ("nav", "", ""),
        ("main", "", "search"),
        ("nav", None, None),  # no names at all
        # the ends of the ranges of letters, capitals and digits
        ("div", ".anZeige", ""), ("div", ".anzeige", ""), ("div", ".Ad-slot", ""), ("div", ".text-2xl.post9", ""),
        ("div", ".nav9", ""), ("div", "#0nav", ""),
    ],
)
def test_the_rules_examples_agree(tag, ident, hint):
    assert compiled.name_evidence(tag, ident, hint) == dom_vocab.name_evidence_python(tag, ident, hint)


def containers_of(html: bytes):
    from thresher.decode import decode
    from thresher.segment.html import parse_html, segment_html

    segmentation = segment_html(parse_html(decode(html).encode("utf-8", "ignore")))
    return [(c.tag, c.ident, c.hint) for c in segmentation.containers]


@needs_compiled
def test_both_agree_on_the_bundled_sample():
    elements = containers_of((SAMPLES / "harbour-bridge.html").read_bytes())
    assert len(elements) > 10
    assert [compiled.name_evidence(*e) for e in elements] == [dom_vocab.name_evidence_python(*e) for e in elements]


@needs_compiled
@pytest.mark.skipif(not BENCH.is_dir(), reason="../shared/bench is not here")
def test_both_agree_on_every_benchmark_page():
    elements = {e for page in sorted((BENCH / "scrapinghub-aeb").glob("*.html")) for e in containers_of(page.read_bytes())}
    assert len(elements) > 5000
    differing = [e for e in elements if compiled.name_evidence(*e) != dom_vocab.name_evidence_python(*e)]
    assert differing == []


@needs_compiled
def test_the_compiled_twin_reads_the_tables_it_is_given():
    # Words added to dom_vocab's tables are seen: configure() reads the tables, the compiled module holds no copy.
    tables = types.SimpleNamespace(**vars(dom_vocab))
    tables._VOCABULARY = {**dom_vocab._VOCABULARY, "zzqx": (False, False, None, (Label.NAVIGATION, "zzqx"), False, None)}
    assert compiled.name_analysis("zzqx-list") is dom_vocab._PLAIN_ANALYSIS
    try:
        compiled.configure(tables, dom_vocab.name_analysis_python)
        assert compiled.name_analysis("zzqx-list")[3] == (Label.NAVIGATION, "zzqx")
    finally:
        compiled.configure(dom_vocab, dom_vocab.name_analysis_python)
    assert compiled.name_analysis("zzqx-list") is dom_vocab._PLAIN_ANALYSIS


@needs_compiled
def test_name_evidence_is_the_compiled_twin_behind_a_clearable_cache():
    from thresher import caches

    dom_vocab.name_evidence("div", ".sidebar", "")
    assert dom_vocab.name_evidence.__wrapped__ is compiled.name_evidence
    caches.clear_caches()
    assert dom_vocab.name_evidence.cache_info().currsize == 0


def test_the_python_definition_can_be_chosen():
    script = "from thresher.label import dom_vocab as v; print(v._COMPILED_NAMES is None, v.name_evidence('nav', '', ''))"
    env = {**os.environ, "THRESHER_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", script], check=False, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[0] == "True"


@needs_compiled
def test_an_unconfigured_twin_refuses_instead_of_reading_no_tables():
    # The extension imported alone, before dom_vocab configures it: it must raise, not read a missing index.
    script = (
        "from thresher.label import _names\n"
        "try:\n    _names.name_evidence('div', '.sidebar', '')\nexcept RuntimeError:\n    print('refused')"
    )
    done = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "refused"
