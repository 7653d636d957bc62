"""The compiled fragment test and word count (label/_scan.pyx) against their definitions in label.gates.

Texts are drawn from the fragments' own letters, white space of every kind str.split knows, other scripts and
characters whose low byte equals a fragment letter's (the compiled search files pairs of characters by their low
bytes), in each of the three widths a str stores its characters in; the phrase classifiers' own trigger sets and the
benchmark's block texts add the texts the web really holds.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.label import dom_phrases, furniture, gates

compiled = gates._SCAN
needs_compiled = pytest.mark.skipif(compiled is None, reason="the compiled scan is not in this install")
EXTENSION_BUILT = importlib.util.find_spec("thresher.label._scan") is not None
BENCH = Path(__file__).resolve().parents[2] / "shared" / "bench"
SAMPLES = Path(gates.__file__).resolve().parents[1] / "samples"

TRIGGER_SETS = {
    "notice": furniture.NOTICE_TRIGGERS,
    "promotion": furniture.PROMOTION_TRIGGERS,
    "notice or promotion": furniture.NOTICE_TRIGGERS + furniture.PROMOTION_TRIGGERS,
    "call to action": dom_phrases._SCANNED_TRIGGERS,
}
ALL_TRIGGERS = sorted({trigger for triggers in TRIGGER_SETS.values() for trigger in triggers})
TRIGGER_LETTERS = sorted(set("".join(ALL_TRIGGERS)))
# U+0161 and U+0170 share their low bytes with "a" and "p" (0x61, 0x70); U+1F600 is beyond two bytes; U+0100 has a
# low byte of 0, as the pair past a text's last character is filed.
WIDE = "\u00e9\u00a9\u0161\u0170\u0100\u7248\u6743\U0001f600"
SPACES = " \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
NOT_SPACES = "a\u200b\ufeff\x00-\u00e9\U0001f600"  # zero-width space and the BOM are no white space to str.split


def texts_from(alphabet: str, max_size: int = 40) -> st.SearchStrategy[str]:
    return st.text(alphabet=alphabet, max_size=max_size)


fragment_lists = st.lists(st.text(alphabet="apc(©)" + WIDE[:4], min_size=1, max_size=4), max_size=8)


@needs_compiled
@settings(max_examples=3000, deadline=None)
@given(fragments=fragment_lists, text=texts_from("apc(©) x" + WIDE))
def test_the_compiled_test_finds_exactly_what_the_pattern_finds(fragments: list[str], text: str) -> None:
    assert compiled.FragmentSet(fragments).occurs_in(text) == gates.fragment_test_python(fragments)(text)
    assert compiled.FragmentSet(fragments).occurs_in(text) == any(fragment in text for fragment in fragments)


@needs_compiled
@settings(max_examples=3000, deadline=None)
@given(
    name=st.sampled_from(sorted(TRIGGER_SETS)),
    parts=st.lists(st.sampled_from([*TRIGGER_LETTERS, " ", *WIDE]) | st.sampled_from(ALL_TRIGGERS), max_size=12),
)
def test_the_trigger_sets_answer_alike(name: str, parts: list[str]) -> None:
    # texts of the triggers' own letters, whole triggers and wide characters: near misses and hits in every width
    text = "".join(parts)
    fragments = TRIGGER_SETS[name]
    assert compiled.FragmentSet(fragments).occurs_in(text) == gates.fragment_test_python(fragments)(text)


@needs_compiled
def test_a_fragment_is_found_at_either_end_and_in_every_width() -> None:
    test = compiled.FragmentSet(("app", "©", "版权", "\U0001f600x"))
    for fragment in ("app", "©", "版权", "\U0001f600x"):
        for pad in ("", "z", "\u0161", "\u7248", "\U0001f601"):
            assert test.occurs_in(fragment + pad) and test.occurs_in(pad + fragment), (fragment, pad)
    for near_miss in ("ap", "a pp", "版", "权版", "\U0001f600", "x\U0001f600", "\u0161pp", "(c)", ""):
        assert not test.occurs_in(near_miss), near_miss


@needs_compiled
def test_no_fragments_and_empty_fragments() -> None:
    assert not compiled.FragmentSet(()).occurs_in("anything")
    with pytest.raises(ValueError):
        compiled.FragmentSet(("ok", ""))
    with pytest.raises(TypeError):
        compiled.FragmentSet(("ok",)).occurs_in(None)


@needs_compiled
def test_a_changed_fragment_is_noticed() -> None:
    # mutation check: the tests above could fail; a set missing one trigger answers otherwise on a text holding it
    fragments = furniture.NOTICE_TRIGGERS
    for dropped in fragments:
        kept = [f for f in fragments if f != dropped]
        text = "x " + dropped + " y"
        assert compiled.FragmentSet(fragments).occurs_in(text)
        assert compiled.FragmentSet(kept).occurs_in(text) == gates.fragment_test_python(kept)(text)


@needs_compiled
@settings(max_examples=3000, deadline=None)
@given(text=texts_from(SPACES + NOT_SPACES, 30), limit=st.integers(-3, 35))
def test_the_compiled_word_count_is_str_split(text: str, limit: int) -> None:
    assert compiled.count_words(text, limit) == gates.count_words_python(text, limit)
    assert compiled.more_words_than(text, limit) == gates.more_words_than_python(text, limit)


@needs_compiled
def test_every_white_space_character_separates_words() -> None:
    # str.split's white space is Py_UNICODE_ISSPACE: every code point where the two could differ
    for code in range(sys.maxunicode + 1):
        text = "a" + chr(code) + "b"
        assert compiled.count_words(text, -1) == len(text.split()), hex(code)


@needs_compiled
def test_word_count_limits() -> None:
    text = " one two  three\tfour "
    assert [compiled.count_words(text, limit) for limit in (-1, 0, 1, 2, 3, 4, 99)] == [4, 1, 2, 3, 4, 4, 4]
    assert compiled.count_words("", 0) == 0 and compiled.count_words("   ", 5) == 0
    assert compiled.more_words_than("", -1) and not compiled.more_words_than("", 0)
    with pytest.raises(OverflowError):
        compiled.count_words("a", 2**70)  # as str.split refuses it


def block_texts(html: bytes) -> list[str]:
    from thresher.decode import decode
    from thresher.segment.html import parse_html, segment_html

    return [block.text for block in segment_html(parse_html(decode(html).encode("utf-8", "ignore"))).blocks]


def assert_both_agree_on(texts: set[str]) -> None:
    for fragments in TRIGGER_SETS.values():
        test, definition = compiled.FragmentSet(fragments).occurs_in, gates.fragment_test_python(fragments)
        assert [t for t in texts if test(t.lower()) != definition(t.lower())] == []
    assert [t for t in texts if compiled.count_words(t, 25) != len(t.split(None, 25))] == []


@needs_compiled
def test_both_agree_on_the_bundled_samples() -> None:
    texts = set(block_texts((SAMPLES / "harbour-bridge.html").read_bytes()))
    texts.update((SAMPLES / "ecns-2017-10-05.txt").read_text(encoding="utf-8").splitlines())
    assert len(texts) > 50
    assert_both_agree_on(texts)


@needs_compiled
@pytest.mark.skipif(not BENCH.is_dir(), reason="../shared/bench is not here")
def test_both_agree_on_every_benchmark_page() -> None:
    pages = sorted((BENCH / "scrapinghub-aeb").glob("*.html"))
    texts = {text for page in pages for text in block_texts(page.read_bytes())}
    assert len(texts) > 10000
    assert_both_agree_on(texts)


@pytest.mark.skipif(shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler here")
@pytest.mark.skipif(bool(os.environ.get("THRESHER_PURE_PYTHON")), reason="the Python code is asked for")
def test_the_install_built_the_compiled_scan() -> None:
    assert EXTENSION_BUILT
    assert compiled is not None
    assert gates.count_words is compiled.count_words


def test_the_python_definition_can_be_chosen() -> None:
    script = (
        "from thresher.label import gates as g; t = g.fragment_test(['ab']);"
        "print(g._SCAN is None, t('xaby'), t('xy'), g.count_words(' a b c ', 1))"
    )
    env = {**os.environ, "THRESHER_PURE_PYTHON": "1"}
    done = subprocess.run([sys.executable, "-c", script], check=False, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True", "False", "2"]
