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


def test_a_page_whose_article_is_a_results_table_keeps_the_table_over_the_comment_form():
    # The post is a table of short cells and no paragraph; the comment form's one sentence is the only prose on the
    # page. The table's cells are data, worth more than nothing.
    rows = "".join(
        f"<tr><td>{rank}.</td><td>Harbour Rowing Club {rank}</td><td>5{rank},09 sec.</td></tr>" for rank in range(1, 13)
    )
    html = (
        "<html><body><div class='menu-list'><ul>"
        + "".join(f"<li><a href='/{n}'>Season {n} results and reports</a></li>" for n in range(2000, 2020))
        + "</ul></div><div class='post'><h1>Results of the spring regatta</h1>"
        f"<div class='entry-content'><h3>Eights</h3><table>{rows}</table></div></div>"
        "<div class='share'><a href='/f'>Facebook</a> <a href='/t'>Twitter</a></div><div id='comment-wrap'><form id='commentform'><p>Your email address will not be published.</p></form></div>"
        "</body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "Harbour Rowing Club 7" in doc.text
    assert "will not be published" not in doc.text


def test_linked_cells_of_a_data_table_in_the_article_are_kept():
    # An ingredients table whose names link to product pages: inside the article, a linked cell is data, not a menu.
    rows = "".join(
        f"<tr><td>{grams} g</td><td><a href='/p/{n}'>Ingredient number {n}</a></td></tr>"
        for n, grams in enumerate((100, 250, 40, 15))
    )
    html = (
        f"<html><body><div class='recipe'><h1>Plum cake</h1><p>{_POST * 2}</p><table>{rows}</table>"
        "<p>Bake the cake for forty minutes until the plums have softened and the crumble on top is golden.</p>"
        "</div></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "Ingredient number 2" in doc.text


def test_a_short_line_with_a_date_between_the_article_paragraphs_is_text_not_its_dateline():
    html = (
        "<html><body><div class='post'><h1>Poster contest</h1><p>3 March 2020</p>"
        f"<p>{_POST}</p><p>Closing date: 03.11.2019 (postmark)</p>"
        "<p>Send your poster to the club house, where the jury will meet in the week after the closing date.</p>"
        "</div></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "Closing date: 03.11.2019" in doc.text
    # Above the text, the date line is still the article's dateline.
    assert "3 March 2020" not in doc.text


def test_a_byline_after_the_lead_paragraph_is_still_the_byline():
    # Dates between the paragraphs are the text's own; a byline there is the article's (set after its lead).
    html = (
        "<html><body><div class='post'><h1>Crossing</h1>"
        f"<p>{_POST}</p><p>By Jane Doe</p><p>{_POST}</p><p>{_POST}</p>"
        "</div></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "By Jane Doe" not in doc.text
    assert doc.author == "Jane Doe"


def test_an_article_in_sections_each_closed_by_a_gallery_is_kept_whole():
    # Each section holds its text and then a gallery caption. The caption after the text is furniture, so the
    # section is still only the text's wrapper: the sibling sections continue the article.
    def section(n: int, text: str) -> str:
        return (
            f"<section class='element'><div class='textpic'><div class='bodytext'><p>{text}</p></div>"
            f"<div class='gallery'><p>Figure {n}: the lake at dawn</p></div></div></section>"
        )

    texts = [
        f"Part {n} of the report: the ice on the lake held for {n + 3} weeks this winter, longer than in any "
        "of the ten years before, and the skaters came from far away to use it." + (_POST * 3 if n == 2 else "")
        for n in range(4)
    ]
    html = (
        "<html><body><div class='maincontent'>"
        + "".join(section(n, text) for n, text in enumerate(texts))
        + "<div class='more'>"
        + "".join(f"<p><a href='/report/{n}'>Weekly report number {n} of the winter</a></p>" for n in range(30))
        + "</div></div></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    for n in range(4):
        assert f"Part {n} of the report" in doc.text
