"""Injected spam is removed and flagged; lists that belong to the page are not."""

import thresher

ARTICLE_EN = "\n\n".join(
    [
        "City council approves new budget for public libraries",
        "The city council voted on Tuesday to raise the budget for public libraries by ten percent next year.",
        "Council members said the extra money would pay for longer opening hours and new children's programmes.",
        "Several residents spoke in favour of the plan, and nobody at the meeting argued against it.",
        "The mayor is expected to sign the budget into law before the end of the month.",
    ]
)
FARM_ZH = "热门城市: " + "| ".join(["北京市", "上海市", "广州市", "深圳市", "成都市", "杭州市", "武汉市", "西安市", "南京市", "天津市", "重庆市"])
FARM_RU = ", ".join(["казино", "ставки", "бонус", "слоты", "покер", "рулетка", "джекпот", "фриспины", "букмекер", "лотерея"])


def roles(doc):
    return {b.text: (b.role.value, b.label.value if b.label else None) for b in doc.blocks}


def test_foreign_script_list_after_content_is_spam():
    doc = thresher.clean(ARTICLE_EN + "\n\n" + FARM_ZH, format="text")
    assert roles(doc)[FARM_ZH] == ("removed", "spam")
    assert "spam_injection" in doc.flags
    assert FARM_ZH not in doc.text


def test_foreign_list_before_content_is_spam():
    doc = thresher.clean(FARM_RU + "\n\n" + ARTICLE_EN, format="text")
    assert roles(doc)[FARM_RU] == ("removed", "spam")
    assert "spam_injection" in doc.flags


def test_foreign_items_one_per_line_are_spam():
    items = ["казино", "ставки", "бонус", "слоты", "покер", "рулетка", "джекпот", "фриспины", "букмекер", "лотерея"]
    doc = thresher.clean(ARTICLE_EN + "\n\n" + "\n".join(items), format="text")
    assert all(roles(doc)[i] == ("removed", "spam") for i in items)
    assert "spam_injection" in doc.flags


def test_article_own_list_in_its_language_is_not_spam():
    own_list = "Ingredients: flour, sugar, eggs, butter, milk, salt, yeast, vanilla, lemon, cinnamon"
    doc = thresher.clean(ARTICLE_EN + "\n\n" + own_list + "\n\nBake the dough for twenty minutes until golden.", format="text")
    assert "spam_injection" not in doc.flags
    assert roles(doc)[own_list][1] != "spam"


def test_chinese_page_with_chinese_list_is_not_spam():
    article = "\n\n".join(
        [
            "市政府宣布扩大公共图书馆开放时间",
            "市政府周二宣布，从下个月起全市公共图书馆的开放时间将延长两个小时，以方便上班族和学生使用。",
            "负责人表示，新增的经费将用于聘请更多工作人员，并为儿童举办更多的阅读活动和讲座。",
            "许多市民对这一决定表示欢迎，认为这将让更多人享受到阅读的乐趣。",
        ]
    )
    doc = thresher.clean(article + "\n\n" + FARM_ZH, format="text")
    assert doc.language == "zh"
    assert "spam_injection" not in doc.flags
    assert roles(doc)[FARM_ZH][1] != "spam"


def test_menu_in_page_language_is_navigation_not_spam():
    menu = ["News", "World", "Business", "Sport", "Culture", "Travel", "Science", "Health", "Weather", "Video"]
    doc = thresher.clean(ARTICLE_EN + "\n\n" + "\n".join(menu), format="text")
    assert "spam_injection" not in doc.flags
    assert all(roles(doc)[m] == ("removed", "navigation") for m in menu)
