"""Quality rules of DOM labelling: each test is a hand-built page that the labeller got wrong without the rule."""

from __future__ import annotations

from thresher.modes.html import clean_html

_POST = (
    "We sailed out early and the wind stayed fair all morning, so the crossing took less than three hours in the end. "
)


def test_a_content_name_inside_a_cookie_dialog_does_not_make_the_dialog_the_main_content():
    # The consent dialog's tab is called "tab-main-content": a content name, but the dialog's own, so its long
    # policy text must not win over the (shorter) post.
    policy = (
        "This website uses cookies so that we can give you the best possible experience; the information is kept in "
        "your browser and helps us recognise you when you return and understand which parts you find most useful. "
    )
    html = (
        f"<html><body><div class='post'><h1>Crossing</h1><p>{_POST}</p></div>"
        f"<div id='gdpr-modal'><div class='gdpr-tab'><div class='tab-main-content'><p>{policy * 2}</p></div></div>"
        "</div></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "crossing took" in doc.text
    assert "uses cookies" not in doc.text
