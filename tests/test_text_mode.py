"""Text-mode labelling on pages written for these tests: each test states one behaviour of the labeller."""

import thresher
from thresher.label.furniture import classify_furniture
from thresher.metadata.text import parse_byline, parse_dateline
from thresher.model import Label, Role

PARAGRAPHS = [
    "The regional museum reopened on Saturday after a two-year renovation that cost more than forty million euros.",
    "Visitors queued for hours to see the restored east wing, which now houses the collection of medieval maps.",
    "The director said the new climate controls would protect the fragile parchments for decades to come.",
    "Entry will be free for residents during the first month, after which the usual ticket prices apply again.",
]


def by_text(doc):
    return {b.text: b for b in doc.blocks}


def test_headline_repeating_the_page_title_anchors_the_article():
    related = [
        "Other news: city budget approved after a long debate in the council chamber last night.",
        "Sports: the local team won its third match in a row, and the coach praised the young players.",
        "Weather: rain is expected for most of the week, with temperatures falling towards the weekend.",
    ]
    # A widget heading costs the content about a paragraph's worth of words to cross (barrier_cost): three teasers
    # below it are not worth crossing for.
    page = "\n\n".join(
        ["Museum reopens after renovation | Daily Example", "Home", "News", "Museum reopens after renovation"]
        + PARAGRAPHS
        + ["Related"]
        + related
    )
    doc = thresher.clean(page, format="text")
    assert doc.title == "Museum reopens after renovation"
    assert doc.text == "\n\n".join(PARAGRAPHS)
    assert by_text(doc)["Related"].label is Label.WIDGET_HEADING


def test_reader_comments_stay_out_even_when_longer_than_the_article():
    comments = []
    for name in ["Anna", "Ben", "Carla"]:
        comments.append(f"{name} on March 3, 2019 at 4:47 pm said:")
        comments.append(
            "I visited the museum last week and I have to say that the new wing is wonderful, the maps are "
            "beautifully lit, the staff were friendly, and the cafe downstairs serves excellent cake as well."
        )
    doc = thresher.clean("\n\n".join(PARAGRAPHS + ["Leave a comment"] + comments), format="text")
    assert doc.text == "\n\n".join(PARAGRAPHS)
    header = by_text(doc)["Anna on March 3, 2019 at 4:47 pm said:"]
    assert header.role is Role.REMOVED and header.label is Label.COMMENTS


def test_dateline_and_byline_become_metadata():
    page = "\n\n".join(["Museum reopens after renovation", "By Jane Doe and John Roe", "March 3, 2019 10:15 am"] + PARAGRAPHS)
    doc = thresher.clean(page, format="text")
    assert doc.title == "Museum reopens after renovation"
    assert doc.author == "Jane Doe, John Roe"
    assert doc.published == "2019-03-03T10:15"
    assert doc.text == "\n\n".join(PARAGRAPHS)


def test_menu_run_and_footer_are_labelled():
    menu = ["Home", "World", "Business", "Sport", "Culture"]
    footer = "About us | Contact | Jobs | Privacy policy | Terms of use"
    doc = thresher.clean("\n".join(menu) + "\n\n" + "\n\n".join(PARAGRAPHS) + "\n\n" + footer, format="text")
    blocks = by_text(doc)
    assert all(blocks[m].role is Role.REMOVED for m in menu)
    assert blocks["World"].label is Label.NAVIGATION
    assert blocks[footer].label is Label.FOOTER
    assert all(b.reason for b in doc.removed())


def test_chinese_article_is_kept_whole():
    paragraphs = [
        "市政府周二宣布，从下个月起全市公共图书馆的开放时间将延长两个小时，以方便上班族和学生使用。",
        "负责人表示，新增的经费将用于聘请更多工作人员，并为儿童举办更多的阅读活动和讲座。",
        "许多市民对这一决定表示欢迎，认为这将让更多人享受到阅读的乐趣。",
    ]
    doc = thresher.clean("\n\n".join(["首页", "新闻"] + paragraphs + ["版权所有 © 2020"]), format="text")
    assert doc.language == "zh"
    assert doc.text == "\n\n".join(paragraphs)


def test_page_without_prose_keeps_nothing_and_says_why():
    doc = thresher.clean("Home\nNews\nSport\nWeather\n", format="text")
    assert doc.text == ""
    assert "no_main_content" in doc.flags
    assert len(doc.blocks) == 4 and all(b.role is Role.REMOVED and b.reason for b in doc.blocks)


def test_subheading_is_kept_but_stray_short_line_is_not():
    page = "\n\n".join(PARAGRAPHS[:2] + ["A new wing", PARAGRAPHS[2], PARAGRAPHS[3], "Photo: Example Agency"])
    doc = thresher.clean(page, format="text")
    assert "A new wing" in doc.text
    assert "Photo: Example Agency" not in doc.text


def test_furniture_vocabulary_examples():
    assert classify_furniture("Share on Facebook")[0] is Label.SHARE_CONTROL
    assert classify_furniture("A A A Print")[0] is Label.PAGE_CONTROL
    assert classify_furniture("Most read")[0] is Label.WIDGET_HEADING
    assert classify_furniture("1,234 views")[0] is Label.COUNTER
    assert classify_furniture("We use cookies to give you the best experience on our website.")[0] is Label.COOKIE_NOTICE
    assert classify_furniture("© 2020 Example Media. All rights reserved.")[0] is Label.LEGAL_NOTICE
    assert classify_furniture("Download the app for the latest news")[0] is Label.PROMOTION
    assert classify_furniture("Advertisement")[0] is Label.ADVERTISEMENT
    # Prose that merely mentions such words is not furniture.
    assert classify_furniture("The court ruled that the photographs were protected by copyright law, the judge said.") is None
    assert classify_furniture("He shared the line with his colleagues on Facebook before the meeting began.") is None


def test_dateline_parser_parts():
    line = parse_dateline("2019-03-03 10:15 Reuters Editor: Jane Doe")
    assert line is not None
    assert (line.published, line.source, line.editor) == ("2019-03-03T10:15", "Reuters", "Jane Doe")
    assert parse_dateline("03.03.2019, 14:05 Uhr").published == "2019-03-03T14:05"
    assert parse_dateline("2019年3月3日 10:15").published == "2019-03-03T10:15"
    assert parse_dateline("The museum reopened in 2019 after the works that began on 3 March 2017 were finished "
                          "by the company that won the tender, the city said in a statement on its website.") is None
    assert parse_byline("By Jane Doe") == "Jane Doe"
    assert parse_byline("Bye bye") is None
