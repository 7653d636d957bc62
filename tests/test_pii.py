"""PII masking: what is masked, what must never be (dates, years, prices, versions), and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from thresher.model import Block, Document, Label
from thresher.pii import PIIMasker, PIIOptions

MASKER = PIIMasker()


def mask(text: str) -> str:
    return MASKER.mask(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to jane.doe+news@example.co.uk today.", "Write to <EMAIL> today."),
        ("Call +49 30 1234567 or +44 20 7946 0958.", "Call <PHONE> or <PHONE>."),
        ("Call (555) 123-4567 or 555.123.4567.", "Call <PHONE> or <PHONE>."),
        (
            "Büro: 030 1234567, Handy 0171-1234567, Paris 01 23 45 67 89.",
            "Büro: <PHONE>, Handy <PHONE>, Paris <PHONE>.",
        ),
        ("Tel. +49 (0)30 1234567", "Tel. <PHONE>"),
        ("tel:+1-202-555-0143", "tel:<PHONE>"),
        ("Server 192.168.1.10 answered.", "Server <IP> answered."),
        ("Host 2001:db8::ff00:42:8329 is up.", "Host <IP> is up."),
    ],
)
def test_masks(text: str, expected: str) -> None:
    assert mask(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "On 2021-03-04, 03/04/2021 and 12.05.2020 it rained.",
        "Between 1998 and 2019-2020 prices rose.",
        "It costs $1,234.56, 1.234,56 € or 12 500 000 yen.",
        "Upgrade to 1.2.3, v1.2.3.4 or version 10.0.19041.1237.",
        "Final score 18 22 13 17 - 70, population 1,000,000.",
        "ISBN 978-3-16-148410-0 and 0-306-40615-2.",
        "Meet at 12:30:45 on 01.02.2020 12 Uhr.",
        "Loopback ::1, link-local fe80::1 and std::vector stay.",
        "Mention @handle and user@localhost.",
        "Room 0 5 10 15 20 30.",
    ],
)
def test_leaves_numbers_that_are_not_pii(text: str) -> None:
    assert mask(text) == text


def test_step_masks_body_blocks_only_and_counts() -> None:
    doc = Document(
        blocks=[
            Block(index=0, text="Contact jane@example.org or +33 6 12 34 56 78."),
            Block(index=1, text="Webmaster: web@example.org"),
        ]
    )
    doc.blocks[1].remove(Label.FOOTER, "footer")
    PIIMasker().apply(doc)
    assert doc.blocks[0].text == "Contact <EMAIL> or <PHONE>."
    assert doc.blocks[1].text == "Webmaster: web@example.org"  # removed text is kept as crawled, for the account
    assert (doc.signals["pii_emails"], doc.signals["pii_phones"], doc.signals["pii_ips"]) == (1, 1, 0)
    assert doc.decisions[-1].kept and doc.decisions[-1].reason == "masked 1 email, 1 phone"


def test_tokens_and_kinds_are_configurable() -> None:
    masker = PIIMasker(PIIOptions(email_token="[mail]", mask_phones=False))
    assert masker.mask("a@b.com +49 30 1234567") == ("[mail] +49 30 1234567", {"email": 1, "phone": 0, "ip": 0})


# -- properties

NO_PII_ALPHABET = st.characters(blacklist_categories=("Nd", "Cs"), blacklist_characters="@:")


@given(st.text(alphabet=NO_PII_ALPHABET, max_size=300))
def test_text_without_digits_at_or_colon_is_untouched(text: str) -> None:
    assert mask(text) == text


def _date() -> st.SearchStrategy[str]:
    day, month, year = st.integers(1, 28), st.integers(1, 12), st.integers(1900, 2099)
    return st.one_of(
        st.builds(lambda d, m, y: f"{y}-{m:02d}-{d:02d}", day, month, year),
        st.builds(lambda d, m, y: f"{d:02d}.{m:02d}.{y}", day, month, year),
        st.builds(lambda d, m, y: f"{m}/{d}/{y}", day, month, year),
    )


NOT_PII = st.one_of(
    _date(),
    st.integers(1000, 2099).map(str),  # years
    st.builds(lambda a, b: f"{a}-{b}", st.integers(1900, 2099), st.integers(1900, 2099)),  # year ranges
    st.builds(
        lambda c, a, b: f"{c}{a:,}.{b:02d}",
        st.sampled_from(["$", "€", "£", ""]),
        st.integers(0, 10**7),
        st.integers(0, 99),
    ),
    st.builds(
        lambda *v: ".".join(map(str, v)), st.integers(0, 99), st.integers(0, 99), st.integers(0, 999)
    ),  # versions
    st.builds(lambda a, b: f"{a}:{b:02d}", st.integers(0, 23), st.integers(0, 59)),  # times
)


@given(st.lists(NOT_PII, min_size=1, max_size=8), st.sampled_from([" ", ", ", " and ", "; "]))
@settings(max_examples=300)
def test_dates_years_prices_versions_times_are_untouched(values: list[str], joiner: str) -> None:
    text = "On " + joiner.join(values) + " we met."
    assert mask(text) == text


PII_RICH = st.text(alphabet=st.sampled_from(list("0123456789 +-.()@:abcdefx/,EMAILPHONE<>\n")), max_size=120)


@given(PII_RICH)
@settings(max_examples=500)
def test_masking_is_idempotent(text: str) -> None:
    once = mask(text)
    assert mask(once) == once


EMAILS = st.builds(
    lambda user, host, tld: f"{user}@{host}.{tld}",
    st.from_regex(r"[a-z][a-z0-9._]{0,10}[a-z0-9]", fullmatch=True),
    st.from_regex(r"[a-z][a-z0-9-]{0,10}[a-z0-9]", fullmatch=True),
    st.sampled_from(["com", "org", "de", "co.uk", "info"]),
)
PHONES = st.builds(
    lambda cc, a, b: f"+{cc} {a} {b}", st.integers(1, 99), st.integers(10, 999), st.integers(100000, 9999999)
)


@given(st.lists(st.one_of(EMAILS, PHONES), min_size=1, max_size=5))
def test_generated_emails_and_phones_are_masked(items: list[str]) -> None:
    text = "Contact " + " or ".join(items) + " please."
    masked, counts = MASKER.mask(text)
    assert not any(item in masked for item in items)
    assert counts["email"] + counts["phone"] == len(items)


def test_masking_resets_the_shared_view_so_later_readers_see_the_masked_text():
    from thresher.filter.analysis import TextView
    from thresher.model import Block, Document

    doc = Document(blocks=[Block(0, "Write to jane.doe@example.org for the report.")])
    view = TextView(doc)
    assert "jane.doe@example.org" in view.text
    PIIMasker().judge(doc, view)
    assert "jane.doe@example.org" not in view.text and "<EMAIL>" in view.text
    clean_doc = Document(blocks=[Block(0, "Nothing personal in this line.")])
    clean_view = TextView(clean_doc)
    words = clean_view.words
    PIIMasker().judge(clean_doc, clean_view)
    assert clean_view.words is words  # nothing masked: the measurements are kept
