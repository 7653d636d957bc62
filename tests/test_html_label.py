"""Labelling HTML blocks: main content, furniture with reasons, headline and byline."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.model import Label, Role
from thresher.modes.html import clean_html

# The HTML sample page `make demo` cleans, written for the project.
ARTICLE = Path(__file__).resolve().parents[1] / "src" / "thresher" / "samples" / "harbour-bridge.html"


def _article():
    return clean_html(ARTICLE.read_text(encoding="utf-8"), url="https://courier.example/a")


def _block(doc, start):
    return next(b for b in doc.blocks if b.text.startswith(start))


def _each(texts, tag: str = "p", cls: str = "") -> str:
    """Each text in an element of its own: `<p>one</p><p>two</p>`, or `<div class='step'>...</div>` with `cls`."""
    opening = f"<{tag} class='{cls}'>" if cls else f"<{tag}>"
    return "".join(f"{opening}{text}</{tag}>" for text in texts)


def test_body_holds_the_article_paragraphs_only():
    doc = _article()
    text = doc.text
    assert text.startswith("The old harbour bridge reopened")
    assert text.rstrip().endswith("pass each other easily.")
    for furniture in ("Home", "Facebook", "Related articles", "About time too", "Most read", "Copyright", "Advertisement"):
        assert furniture not in text
    assert "Secret hidden text" not in text


def test_headline_is_title_not_body():
    doc = _article()
    headline = _block(doc, "Harbour bridge reopens")
    assert headline.role is Role.TITLE
    assert not doc.text.startswith("Harbour bridge")


def test_byline_is_metadata():
    byline = _block(_article(), "By Mary Quill")
    assert byline.role is Role.METADATA
    assert byline.label is Label.BYLINE


def test_datelines_in_french_and_spanish_are_metadata_not_body():
    paragraph = "<p>" + "Le conseil municipal a voté le budget de la ville pour la prochaine année scolaire. " * 3 + "</p>"
    for dateline in ("lundi 9 décembre 2019 à 09h08", "Viernes 22 abril, 2022", "March 3, 2019"):
        page = f"<html><body><article><h1>Budget</h1><p>{dateline}</p>{paragraph}{paragraph}</article></body></html>"
        doc = clean_html(page)
        line = _block(doc, dateline)
        assert (line.role, line.label) == (Role.METADATA, Label.DATELINE), dateline
        assert dateline not in doc.text


def test_a_visible_byline_gives_the_author_without_its_opening_word():
    paragraph = "<p>" + "The council voted to keep the old library open for another decade, members said. " * 3 + "</p>"
    for byline, author in (("By: Jane Doe", "Jane Doe"), ("от Иван Петров", "Иван Петров"), ("作者 王小明", "王小明")):
        doc = clean_html(f"<html><body><article><h1>Library</h1><p>{byline}</p>{paragraph}</article></body></html>")
        assert _block(doc, byline).label is Label.BYLINE
        assert doc.author == author


def test_a_scrap_of_prose_does_not_win_over_an_article_split_into_panels_with_a_furniture_name():
    steps = [
        "Warm the oat drink with the oats, vanilla and cinnamon in a pot and let it simmer gently for five minutes.",
        "Meanwhile toast the chopped nuts in a dry pan until they smell nutty, then set them aside to cool down.",
        "Wash the apples, halve them, remove the cores and cut the halves into thin slices for the topping.",
        "Serve the porridge in two bowls, scatter the apple slices and the toasted nuts over it and enjoy it warm.",
    ]
    paragraphs = ["<p>" + " ".join([step] * 3) + "</p>" for step in steps]
    page = (
        "<html><body><nav><ul>" + "".join(f"<li><a href='/{i}'>Section {i}</a></li>" for i in range(8)) + "</ul></nav>"
        "<div class='recipe'><h1>Apple porridge</h1><div class='stars-summary'>Average rating: 4.6 out of 5 (7 ratings)"
        f"</div><div class='tabs-panel'>{''.join(paragraphs[:2])}</div><div class='tabs-panel'>{''.join(paragraphs[2:])}"
        "</div></div><footer><p>Copyright 2024 Example Recipes. All rights reserved.</p></footer></body></html>"
    )
    text = clean_html(page).text
    assert all(step in text for step in steps)
    assert "Section 3" not in text and "Copyright" not in text


def test_a_second_copy_of_the_article_does_not_pull_the_main_content_up_to_hold_both():
    paragraphs = [
        "Für einen Roman über die alte Bundesrepublik hat die Autorin den wichtigsten Buchpreis des Jahres erhalten.",
        "Der Preis gilt als wichtigste Auszeichnung der Branche und wird seit zwanzig Jahren zur Messe vergeben.",
    ]
    body = _each(paragraphs)
    page = (
        f"<html><body><div class='main'><div class='story'>{body}</div></div>"
        f"<div class='offer'><p>Jetzt abonnieren</p>{body}</div></body></html>"
    )
    text = clean_html(page).text
    assert [text.count(p) for p in paragraphs] == [1, 1]


def test_a_page_whose_prose_all_sits_under_weak_names_still_has_its_main_content():
    description = [
        "The hutch is built from sturdy pine wood and has a pull-out floor tray with a plastic coating.",
        "It opens from the top and from the front, so cleaning it and feeding the rabbits takes a minute.",
        "A ramp leads down to the run below, where the animals can stretch their legs every single day.",
    ]
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/pets'>Pets</a></nav>"
        "<div class='tabs'><div class='tab-content'>" + _each(description) + "</div></div>"
        "<div class='info-box'><p>Free delivery from 29 euros.</p></div><div class='comments'>"
        + "<p>Our two rabbits love it, and it was easy to put together on a rainy afternoon.</p>" * 3
        + "</div></body></html>"
    )
    doc = clean_html(page)
    assert all(line in doc.text for line in description) and "no_main_content" not in doc.flags
    assert "rabbits love it" not in doc.text
    # A strong name stays furniture: a page whose only prose is a sign-in dialog has no main content.
    wall = "<html><body><div class='login'><p>Please sign in to read this article and many more like it.</p></div>"
    assert clean_html(wall + "</body></html>").text == ""


def test_removed_blocks_carry_labels_and_dom_reasons():
    doc = _article()
    cases = {
        "Home": (Label.NAVIGATION, "nav#menu"),
        "Facebook": (Label.SHARE_CONTROL, "share-bar"),
        "Council approves": (Label.RELATED_LINKS, "related-posts"),
        "About time too": (Label.COMMENTS, "comments"),
        "Lifeboat crew": (Label.BOILERPLATE, "aside.sidebar"),
        "Advertisement": (Label.ADVERTISEMENT, "ad-slot"),
    }
    for start, (label, evidence) in cases.items():
        block = _block(doc, start)
        assert block.role is Role.REMOVED, start
        assert block.label is label, (start, block.label)
        assert evidence in block.reason, (start, block.reason)


def test_tables_headings_and_code_are_kept():
    doc = _article()
    for start in ("What changes for drivers", "Vehicle", "Lorry", "No", "bridge_limit = 7"):
        assert _block(doc, start).role is Role.BODY, start


def test_every_block_is_accounted_for():
    doc = _article()
    for block in doc.blocks:
        assert block.role in (Role.BODY, Role.TITLE, Role.METADATA, Role.REMOVED)
        if block.role is Role.REMOVED:
            assert block.label is not None and block.reason


def test_article_split_by_a_figure_is_kept_whole():
    para = "This sentence is part of a long article paragraph, and it carries on for a while to look like prose. "
    html = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='wrap'>"
        f"<div class='part'><p>{para}One.</p><p>{para}Two.</p></div>"
        "<figure><img src='x.jpg'><figcaption>A photo caption</figcaption></figure>"
        f"<div class='part'><p>{para}Three.</p><p>{para}Four.</p></div>"
        "</div><div class='sidebar'><a href='/x'>Other story</a></div></body></html>"
    )
    doc = clean_html(html)
    for end in ("One.", "Two.", "Three.", "Four."):
        assert end in doc.text
    assert "A photo caption" not in doc.text
    assert "Other story" not in doc.text


def test_json_ld_article_body_corroborates_the_main_content():
    story = "Quiet words of the real story, which are short. " * 3
    teaser = "A louder teaser paragraph that goes on and on with many words to look like the main text. " * 6
    html = (
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "articleBody": "' + story + story + '"}</script></head><body>'
        f"<div class='a'><p>{story}</p><p>{story}</p></div><div class='b'><p>{teaser}</p></div></body></html>"
    )
    doc = clean_html(html)
    assert story.strip() in doc.text
    assert "louder teaser" not in doc.text


def test_page_without_prose_has_no_main_content():
    doc = clean_html("<html><body><ul><li><a href='/a'>A</a></li><li><a href='/b'>B</a></li></ul></body></html>")
    assert "no_main_content" in doc.flags
    assert doc.text == ""
    assert all(b.role is Role.REMOVED and b.reason for b in doc.blocks)


def test_script_rendered_page_takes_its_text_from_json_ld():
    body = "First paragraph of a story that the page renders with scripts only. " * 5
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "'
        + body + "\\n" + body + '"}</script></head><body><div id="root"></div><nav><a href="/">Home</a></nav></body></html>'
    )
    doc = clean_html(html)
    assert "text_from_json_ld" in doc.flags
    assert doc.text == body.strip() + "\n\n" + body.strip()
    assert next(b for b in doc.blocks if b.text == "Home").role is Role.REMOVED


_PARA = "This paragraph is plain prose about the harbour, long enough to read as a sentence of an article. "


def test_page_builder_widget_names_are_layout_not_furniture():
    # Every paragraph in its own "widget" wrapper: the word names the page's layout, so the text is still found.
    sections = "".join(
        f'<div class="builder-widget-container"><div class="text-editor"><p>{_PARA * 2}{n}</p></div></div>'
        for n in range(4)
    )
    html = f'<html><body><nav><a href="/">Home</a></nav><div class="page">{sections}</div></body></html>'
    doc = clean_html(html, detect_language=False)
    assert doc.text.count("plain prose") == 8
    assert "Home" not in doc.text


def test_long_cookie_notice_is_not_the_main_content_of_a_short_post():
    notice = (
        "We use cookies and similar technologies to measure the use of this site, to remember your settings and to "
        "show you content that suits you; by continuing to browse you agree to their use as described in our policy."
    )
    html = (
        f"<html><body><div class='widget'><div id='cookie-law'><form><p>{notice}</p><p>{notice}</p></form></div>"
        "</div><div class='post'><h1>Winter walk</h1><p>We walked along the frozen lake until dusk.</p></div>"
        "</body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "frozen lake" in doc.text
    assert "cookies" not in doc.text
    # The post is the main content: its h1 is the headline, and the notice lies outside it.
    assert _block(doc, "Winter walk").role is Role.TITLE
    assert _block(doc, "We use cookies").reason.startswith("outside main content")


def test_byline_word_of_an_ancestor_marks_metadata_at_any_depth():
    # A byline container wrapping its text many levels down: found through the precomputed per-container kinds.
    deep = "<div>" * 60 + "Anna Smith" + "</div>" * 60
    html = (
        f"<html><body><article><div class='byline'>{deep}</div><p>{_PARA * 3}</p><p>{_PARA * 2}</p>"
        "</article></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    byline = next(b for b in doc.blocks if b.text == "Anna Smith")
    assert byline.role is Role.METADATA and byline.label is Label.BYLINE
    assert "Anna Smith" not in doc.text


def test_appendix_labels_and_closing_lines_are_removed_with_their_kind():
    from thresher.label.dom_phrases import classify_appendix

    cases = {
        "Weitere Informationen:": Label.WIDGET_HEADING,
        "About the author": Label.WIDGET_HEADING,
        "Quellenangaben:": Label.WIDGET_HEADING,
        "Tagged: bridges, harbour": Label.NAVIGATION,
        "Themen: Verkehr, Hafen": Label.NAVIGATION,
        "This entry was posted in News on Monday.": Label.TIMESTAMP,
        "Bei den Links handelt es sich um Affiliate-Links.": Label.ADVERTISEMENT,
        "The new deck at dusk. (Photo: City archive)": Label.MEDIA_CAPTION,
    }
    for text, label in cases.items():
        found = classify_appendix(text)
        assert found is not None and found[0] is label, text
    # The same words inside prose are prose.
    for text in (
        "Weitere Informationen gab die Stadt am Montag nicht bekannt, die Brücke bleibt aber bis Mai gesperrt.",
        "Contact with the contractor was lost for two days while the deck was lifted into place by the cranes.",
        "The council said the sources of the delay were a late steel delivery and a wet spring.",
    ):
        assert classify_appendix(text) is None, text


def test_calls_to_action_in_german_and_english_but_not_prose_asking_for_support():
    from thresher.label.dom_phrases import classify_call_to_action

    for text in ("Lust auf mehr?", "Unterstütze uns mit einer Spende!", "If you enjoyed reading this, share it."):
        found = classify_call_to_action(text)
        assert found is not None and found[0] is Label.PROMOTION, text
    assert classify_call_to_action("Die Stadt bat die Anwohner: unterstützen Sie uns bei der Zählung der Autos.") is None


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_phrase_classifiers_never_fail_and_only_judge_short_blocks(text):
    from thresher.label.dom_phrases import MAX_APPENDIX_LINE_WORDS, classify_appendix, classify_call_to_action

    found = classify_appendix(text)
    assert found is None or len(text.split()) <= MAX_APPENDIX_LINE_WORDS
    cta = classify_call_to_action(text)
    assert cta is None or isinstance(cta[1], str)


def test_box_title_set_as_paragraph_is_a_widget_heading_not_body():
    html = (
        f"<html><body><article><h1>Harbour bridge</h1><p>{_PARA * 3}</p><p>{_PARA * 2}</p>"
        "<p>Das könnte Sie auch interessieren:</p><p>Weitere Informationen:</p>"
        f"<p>{_PARA * 2}</p></article></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert _block(doc, "Das könnte").label is Label.WIDGET_HEADING
    assert _block(doc, "Weitere Informationen").label is Label.WIDGET_HEADING
    assert "interessieren" not in doc.text
    assert doc.text.count("plain prose") == 7


def test_styling_utility_class_does_not_make_an_author_box_content():
    # "text-lg" says how the box looks; "author-bio" says what it is.
    html = (
        f"<html><body><article><h1>Harbour bridge</h1><p>{_PARA * 3}</p><p>{_PARA * 2}</p>"
        "<div class='author-bio mt-2 lg:text-lg'>Mary Quill covers city transport and has written about bridges "
        "for twenty years, before that she was a ferry captain.</div></article></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "ferry captain" not in doc.text
    assert _block(doc, "Mary Quill").role is Role.REMOVED
    assert doc.text.count("plain prose") == 5


def test_short_lines_right_before_the_article_text_join_it():
    # An ingredients list in its own box above the method: short lines, no links, no furniture names.
    items = _each((f"{n} g flour" for n in range(100, 600, 100)), "li")
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/r'>Recipes</a></nav><div class='recipe'>"
        f"<div class='list'><ul>{items}</ul></div><div class='method'><p>{_PARA * 3}</p><p>{_PARA * 2}</p></div>"
        "</div></body></html>"
    )
    doc = clean_html(html, detect_language=False)
    assert "300 g flour" in doc.text
    assert "Home" not in doc.text


_CTA_WORDS = (
    "follow us on twitter subscribe to now sign up for our newsletter download the app join channel for latest news "
    "folgen sie uns newsletter abonnieren jetzt anmelden síguenos en suscríbete suivez-nous abonnez-vous teilen den "
    "artikel war dieser hilfreich was this article helpful share story click here unterstütze uns jede kleine spende "
    "lust auf mehr gefällt dir unser kennt ihr schon nichts verpassen auf dem laufenden if you enjoyed reading never "
    "miss a support independent journalism become member submit your letter hazte miembro nos siga no canal de "
    "telegram zapraszamy do subskrypcji verraten in kommentaren sie sind nicht eingeloggt bitte registrieren sich"
).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_CTA_WORDS), min_size=1, max_size=12))
def test_call_to_action_triggers_cover_every_phrase(words):
    # The cheap substring prefilter must never hide a phrase the full pattern would find.
    from thresher.label import dom_phrases

    text = " ".join(words)
    if dom_phrases._PROMOTION.search(text):
        assert dom_phrases._HOLDS_PROMOTION_TRIGGER(text.lower()), text


def _recipe_page(after_method: str = "") -> str:
    method = "".join(
        f"<h3>Step {n}</h3><div class='copy'><p>{text}</p></div>"
        for n, text in enumerate(
            (
                "Warm the milk in a small pan and melt the butter in it slowly, without letting it boil over.",
                "Mix the flour with the yeast in a large bowl, then work in the milk and the eggs until smooth.",
                "Leave the dough covered in a warm place for about forty minutes until it has doubled in size.",
                "Fill the tins two thirds full and bake them for twenty minutes until they are golden brown.",
            ),
            start=1,
        )
    )
    return f"""<html><head><title>Honey muffins</title></head><body>
    <nav><a href="/">Home</a> <a href="/recipes">Recipes</a> <a href="/baking">Baking</a></nav>
    <h1>Honey muffins</h1>
    <div class="panels">
      <div class="panel"><div class="panel-head"><h2>Ingredients</h2></div>
        <div class="panel-body"><p>for twelve honey muffins</p>
          <table><tr><td>250 g</td><td>flour</td></tr><tr><td>2</td><td>eggs</td></tr></table></div></div>
      <div class="panel"><div class="panel-head"><h2>Method</h2></div>
        <div class="panel-body"><div class="steps">{method}</div></div></div>
      {after_method}
    </div>
    <footer><p>Copyright Example Kitchen</p></footer>
    </body></html>"""


def test_ingredients_in_the_panel_before_the_method_panel_join_the_recipe():
    doc = clean_html(_recipe_page(), url="https://kitchen.example/honey-muffins")
    text = doc.text
    assert "Warm the milk" in text and "until they are golden brown." in text
    # the method sits deeper (its own panel, under its own heading) than the ingredients beside it
    assert "for twelve honey muffins" in text
    assert "250 g" in text and "eggs" in text
    assert "Copyright" not in text and "Recipes" not in text


def test_short_lines_after_a_wrapped_article_stay_out():
    contact = "<div class='contact'><h2>Press contact</h2><p>Jane Doe</p><p>Tel.: 0123 456</p></div>"
    doc = clean_html(_recipe_page(after_method=contact), url="https://kitchen.example/honey-muffins")
    assert "for twelve honey muffins" in doc.text
    assert "Jane Doe" not in doc.text and "Tel.: 0123 456" not in doc.text


def test_a_short_control_in_the_ingredients_does_not_cut_them_from_the_recipe():
    steps = _each(
        (
            "Whisk the pudding powder with the sugar and a little of the milk until no lumps are left in it.",
            "Bring the rest of the milk to the boil, stir in the mixture and let it cool down completely.",
            "Beat the soft butter until fluffy and fold the cooled cream into it one spoonful at a time.",
        )
    )
    page = f"""<html><head><title>Snow cake</title></head><body>
    <nav><a href="/">Home</a> <a href="/cakes">Cakes</a></nav>
    <article><h1>Snow cake</h1>
      <h2>Ingredients</h2>
      <section class="ingredients"><form class="servings"><label>Pieces</label></form>
        <ul><li>1 packet pudding powder</li><li>350 g sugar</li><li>500 ml milk</li><li>450 g butter</li></ul>
      </section>
      <h2>Method</h2><div class="preparation">{steps}</div>
    </article></body></html>"""
    doc = clean_html(page, url="https://kitchen.example/snow-cake")
    assert "Whisk the pudding powder" in doc.text
    assert "1 packet pudding powder" in doc.text and "450 g butter" in doc.text
    assert "Pieces" not in doc.text and "Cakes" not in doc.text


def test_ingredients_in_the_box_before_the_method_box_join_the_recipe():
    steps = _each(
        (
            "Cook the pudding with the milk and the sugar, then cover it and leave it to cool completely.",
            "Knead the flour, the butter and the egg into a smooth dough and line the greased tin with it.",
            "Stir the sour cream into the cooled pudding and spread the filling evenly over the base.",
        ),
        "div",
        "step",
    )
    page = f"""<html><head><title>Cream cake</title></head><body>
    <nav><a href="/">Home</a> <a href="/cakes">Cakes</a> <a href="/tarts">Tarts</a></nav>
    <main>
      <div class="box"><h1>Cream cake</h1></div>
      <section class="box"><h2>Ingredients</h2>
        <table><tr><td>125 g</td><td>flour</td></tr><tr><td>500 ml</td><td>milk</td></tr></table></section>
      <section class="box"><h2>Method</h2><p>Working time 30 minutes</p><div class="steps">{steps}</div>
        <div class="more"><p><a href="/u/anna">Recipe by Anna from the baking club in town</a></p>
          <p><a href="/similar">Show twenty similar cream cakes and tarts</a></p>
          <p><a href="/reviews">Read all 953 reviews of this recipe here</a></p></div>
      </section>
    </main>
    <footer><p>Copyright Example Kitchen</p></footer></body></html>"""
    doc = clean_html(page, url="https://kitchen.example/cream-cake")
    assert "Cook the pudding" in doc.text
    assert "125 g" in doc.text and "500 ml" in doc.text
    assert "Copyright" not in doc.text and "Tarts" not in doc.text


def test_sentence_long_heading_without_text_under_it_stays_but_a_box_title_goes():
    paragraphs = _each(
        (
            "The council met on Monday evening to discuss the new plans for the old market hall in the centre.",
            "Most members welcomed the idea of a covered market, but several asked who would pay for the roof.",
        )
    )
    page = f"""<html><head><title>Market hall plans</title></head><body>
    <article><h1>Market hall plans</h1>{paragraphs}
      <h2>The mayor expects a decision on the money before the summer break begins</h2>
      <h2>Newsletter</h2>
    </article></body></html>"""
    doc = clean_html(page, url="https://news.example/market")
    assert "The council met on Monday" in doc.text
    assert "The mayor expects a decision on the money" in doc.text
    box_title = _block(doc, "Newsletter")
    assert box_title.role is Role.REMOVED and box_title.label is Label.WIDGET_HEADING


def test_short_closing_paragraph_inside_the_article_stays() -> None:
    html = (
        "<html><head><title>Harbour</title></head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<article><h1>Harbour</h1><p>The harbour reopened after the storm, and the boats went out again at dawn, "
        "watched by a crowd on the quay.</p><p>One more closing line.</p></article>"
        "<footer>Copyright 2024 Example Media. All rights reserved.</footer></body></html>"
    )
    doc = clean_html(html)
    assert doc.text.endswith("One more closing line.")
    assert "Copyright" not in doc.text and "Home" not in doc.text


_PROSE = (
    "The council met on Tuesday evening to decide the future of the old market hall, which has stood empty since "
    "the spring. Residents filled the public gallery and many of them spoke."
)


def test_a_notice_for_readers_without_scripts_is_removed_as_furniture():
    html = (
        "<body><div id='story'><h1>Market hall</h1>" + _each([_PROSE] * 4)
        + "<noscript><p>Please enable JavaScript to view the comments.</p></noscript></div></body>"
    )
    doc = clean_html(html)
    notice = _block(doc, "Please enable JavaScript")
    assert notice.role is Role.REMOVED
    assert "noscript" in (notice.reason or "")
    assert doc.text.count("The council met") == 4


def test_an_element_left_open_inside_noscript_does_not_hide_the_page():
    # Read as a reader without scripts sees it, `<noscript><div></noscript>` never closes: the rest of the page
    # ends up inside the noscript, and its article is still the main content.
    html = (
        "<body><noscript><div class='nojs'></noscript><div id='page'><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/news'>News</a></li></ul><div id='story'><h1>Market hall</h1>" + _each([_PROSE] * 4)
        + "</div></div></body>"
    )
    doc = clean_html(html)
    assert doc.text.count("The council met") == 4
    assert "Home" not in doc.text


def test_an_article_kept_only_in_noscript_is_the_main_content():
    html = (
        "<body><nav><a href='/'>Home</a> <a href='/about'>About</a></nav><div class='post'><h1>Market hall</h1>"
        "<div class='post-body'><noscript>" + _each([_PROSE] * 4) + "</noscript></div></div></body>"
    )
    doc = clean_html(html)
    assert doc.text.count("The council met") == 4
