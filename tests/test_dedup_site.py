"""Site boilerplate: a synthetic site of 20 pages sharing a menu and a footer."""

from __future__ import annotations

import random

from thresher.dedup import SiteBoilerplate, SiteBoilerplateOptions, domain_of
from thresher.model import Block, Document, Label, Role

MENU = ["Home | News | Sport | Weather | Contact", "Subscribe to our newsletter"]
FOOTER = ["© 2024 Riverside Gazette. All rights reserved.", "Privacy | Terms | Advertise with us"]
QUOTE = "“We will rebuild the bridge before winter,” the mayor said."


def _page(n: int, year: int = 2024) -> Document:
    rng = random.Random(n)
    story = [f"Story {n}: " + " ".join(rng.choice(["river", "bridge", "school", "vote"]) for _ in range(15)) + "."]
    story.append(f"Paragraph two of story {n} talks about the {rng.choice(['rain', 'budget', 'festival'])}.")
    if n in (3, 7):
        story.append(QUOTE)  # a body line that two pages happen to share
    if n == 5:
        story += [story[0]] * 6  # a line this page repeats itself, more often than min_pages
    footer = [FOOTER[0].replace("2024", str(year)), FOOTER[1]]
    texts = MENU + story + footer
    return Document(
        mode="html",
        id=f"p{n}",
        url=f"https://www.gazette.example/{n}",
        blocks=[Block(index=i, text=t) for i, t in enumerate(texts)],
    )


def _learn(pages: list[Document], options: SiteBoilerplateOptions | None = None) -> SiteBoilerplate:
    site = SiteBoilerplate(options or SiteBoilerplateOptions())
    for page in pages:
        site.observe(domain_of(page.url), SiteBoilerplate.line_hashes(page))
    return site


def test_menu_and_footer_recurring_on_every_page_are_removed_with_reason() -> None:
    pages = [_page(n, year=2020 + n % 3) for n in range(20)]  # footer years differ: digits are normalised
    site = _learn(pages)
    page = site.apply(pages[3], "gazette.example")
    removed = {b.text: b for b in page.blocks if b.role is Role.REMOVED}
    assert set(removed) == set(MENU) | {pages[3].blocks[-2].text, FOOTER[1]}
    assert all(b.label is Label.SITE_BOILERPLATE for b in removed.values())
    assert removed[MENU[0]].reason == "recurs on 20 pages of gazette.example"
    body = [b.text for b in page.blocks if b.role is Role.BODY]
    assert QUOTE in body and len(body) == 3  # shared by two pages only: still the page's own text
    assert page.signals["site_boilerplate_blocks"] == 4
    assert page.kept


def test_a_line_repeated_on_one_page_counts_once() -> None:
    pages = [_page(n) for n in range(20)]
    site = _learn(pages)
    page = site.apply(pages[5], "gazette.example")
    story = [b for b in page.blocks if b.text.startswith("Story 5:")]
    assert len(story) == 7 and all(b.role is Role.BODY for b in story)


def test_small_sites_and_rare_lines_stay() -> None:
    pages = [_page(n) for n in range(4)]  # fewer pages than min_pages: nothing can be learnt
    site = _learn(pages)
    assert all(b.role is Role.BODY for b in site.apply(pages[0], "gazette.example").blocks)


def test_min_share_scales_with_the_site() -> None:
    site = SiteBoilerplate(SiteBoilerplateOptions(min_pages=5, min_share=0.5))
    for _ in range(100):
        site.observe("big.example", [1])
    assert site.threshold("big.example") == 50
    assert site.threshold("unknown.example") == 5


def test_page_made_only_of_site_boilerplate_is_rejected() -> None:
    pages = [_page(n) for n in range(20)]
    only_furniture = Document(mode="html", id="x", blocks=[Block(index=i, text=t) for i, t in enumerate(MENU + FOOTER)])
    site = _learn(pages)
    site.apply(only_furniture, "gazette.example")
    assert only_furniture.rejection.step == "site_boilerplate"
    assert only_furniture.rejection.reason == "every body line recurs on other pages of gazette.example"


def test_other_domains_are_not_affected() -> None:
    site = _learn([_page(n) for n in range(20)])
    other = _page(1)
    site.apply(other, "elsewhere.example")
    assert all(b.role is Role.BODY for b in other.blocks)


def test_domain_of() -> None:
    assert domain_of("https://WWW.Example.com:8080/a?b") == "example.com"
    assert domain_of("not a url") is None
    assert domain_of("http://[bad") is None
    assert domain_of(None) is None
