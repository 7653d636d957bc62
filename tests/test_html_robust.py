"""Bad pages give a short result with a reason, never a crash."""

from __future__ import annotations

import pytest

from thresher.errors import InputError
from thresher.model import Role
from thresher.modes.html import clean_html

PARA = "<p>This is a normal paragraph of an article, with enough words in it to be read as prose.</p>"


def test_100000_deep_nesting():
    depth = 100_000
    doc = clean_html("<html><body>" + "<div>" * depth + PARA + "</div>" * depth + "</body></html>")
    assert "deep_nesting_cut" in doc.flags
    assert "normal paragraph" in doc.text


def test_20_mb_page():
    unit = "<div class='item'>" + PARA + "<a href='/x'>more</a></div>"
    html = "<html><body>" + unit * (20_000_000 // len(unit)) + "</body></html>"
    doc = clean_html(html, detect_language=False)
    assert len(html) >= 19_000_000
    assert doc.blocks  # it finished (within or past its budget, flagged either way)


def test_time_budget_stops_a_runaway_walk():
    html = "<html><body>" + PARA * 50_000 + "</body></html>"
    doc = clean_html(html, time_budget_s=0.0, detect_language=False)
    assert "time_budget_exceeded" in doc.flags
    assert len(doc.blocks) < 50_000


@pytest.mark.parametrize(
    "html",
    [
        "<html><body></body></html>",
        "<html><frameset><frame src='a.html'><frame src='b.html'></frameset></html>",
        "<html><head><script>var a = 1;</script><style>p {}</style></head><body><script>x()</script></body></html>",
        "<html><body><form><label>User</label><input name=u><label>Password</label><input type=password>"
        "<button>Sign in</button></form></body></html>",
        "",
    ],
    ids=["empty-body", "frameset", "script-only", "login-wall", "empty-string"],
)
def test_no_main_content(html):
    doc = clean_html(html)
    assert doc.text == ""
    assert "no_main_content" in doc.flags
    assert all(b.role is Role.REMOVED and b.reason for b in doc.blocks)


def test_malformed_markup_keeps_its_text():
    html = "<html><body><article><p>Unclosed <b>bold <i>text" + PARA + "</span></div></td></body><p>after"
    doc = clean_html(html)
    assert "normal paragraph" in doc.text


def test_unknown_option_is_an_input_error():
    with pytest.raises(InputError, match="no_such_option"):
        clean_html("<p>x</p>", no_such_option=1)


def test_language_is_guessed_from_the_start_of_the_body():
    german = "<p>Die Bundesregierung hat am Mittwoch neue Regeln für den Wohnungsbau beschlossen, die ab dem kommenden Jahr gelten sollen.</p>"
    english = "<p>The government adopted new rules for housing construction on Wednesday, which are to apply from next year onwards.</p>"
    html = "<html><body><article>" + german + english * 20 + "</article></body></html>"
    assert clean_html(html, language_sample_chars=100).language == "de"
    assert clean_html(html, language_sample_chars=5000).language == "en"
