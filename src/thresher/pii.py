"""Masking of personal data in body text: e-mail addresses, phone numbers and IP addresses.

Precision matters as much as recall here: a masker that turns dates, years, prices, scores or version numbers into
`<PHONE>` damages the text it is meant to protect. So each kind is found by a loose pattern and then confirmed:

- e-mail: local part, "@", a dotted domain ending in a 2-24 letter top-level domain.
- IPv4: four dot-separated numbers 0-255, not glued to more dotted numbers, not after "v"/"version"/"build".
- IPv6: confirmed by the standard library's parser, with at least `IPV6_MIN_GROUPS` written groups (so "::1",
  "fe80::1" and C++-ish "a::b" stay: loopback and link-local addresses identify no one).
- phone: a run of digit groups separated by one kind of space, dot or dash (brackets allowed around an area code),
  accepted only as an international number ("+" and 8-15 digits, as E.164 allows), a North American number
  (3-3-4 digits), or a national number with a trunk "0" and 9-12 digits whose first group has 2+ digits. Dates,
  years, prices, scores and versions fail all three shapes.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thresher.model import Document, Role
from thresher.pipeline.step import DocumentStep

if TYPE_CHECKING:
    from thresher.filter.analysis import TextView

# Digits an international number may have (E.164 allows 15; fewer than 8 is a short code or a quantity).
INTERNATIONAL_MIN_DIGITS = 8
INTERNATIONAL_MAX_DIGITS = 15
# Digits of a national number written with its trunk "0" (Europe, Asia: 9-12 with the area code).
NATIONAL_MIN_DIGITS = 9
NATIONAL_MAX_DIGITS = 12
# Digits the first group of a national number needs: "0 5 10 15" is a list, "030 1234567" a number.
NATIONAL_MIN_FIRST_GROUP = 2
# Written groups an IPv6 address needs before it is masked (see module docstring).
IPV6_MIN_GROUPS = 3
# Characters before a dotted quad that are inspected for a version word ("v1.2.3.4", "build 10.0.1.7").
VERSION_CONTEXT_CHARS = 12
# Masking repeats until nothing changes (a replacement can expose a neighbour); this bounds the repeats.
MAX_MASK_PASSES = 3

_EMAIL = re.compile(r"(?<![\w.%+-])[\w.%+-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])")
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?<![\w.]){_OCTET}(?:\.{_OCTET}){{3}}(?![\w]|\.\d)")
_VERSION_WORD = re.compile(r"(?i)(?:\bv|\bver|\bversion|\brelease|\bbuild|\bupdate)\.?\s*$")
_IPV6 = re.compile(r"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])")
# Not after "12:" (the minutes of a time). The lookahead skips, cheaply, every digit run too short to be a phone number ("2019", "12:30", "3.5").
_PHONE = re.compile(
    r"(?<![\w@.,/+\-])(?<!\d:)(?=[\d ().+\-]{8})\+?(?:\(\d{1,5}\) ?)?\d+(?:(?:[ .\-]|[ .\-]?\(\d{1,5}\)[ .\-]?)\d+)*(?![\w@]|[.,/:\-]\d)"
)
# Cheap gates before the full address patterns: an IPv6 address has a colon before a hex digit, an IPv4 address a
# digit-dot-digit. Each starts with its one literal character, which the regex engine scans for far faster than
# for a class (a leading class or optional part makes it try the pattern at every position).
_MAY_HOLD_IPV6 = re.compile(r":[0-9A-Fa-f]")
_MAY_HOLD_IPV4 = re.compile(r"\.(?<=\d\.)\d")
# The gate before the phone pattern, whose look-behinds are tried at every position of the text. Every number
# is_phone accepts has at least _PHONE_MIN_DIGITS digits (the fewest of its three shapes), with at most two of the
# characters a number is written with ("(", ")", space, dot, dash) between two of them. Text without such a run
# holds no phone number; the gate starts with a digit, which the regex engine scans for quickly.
_PHONE_MIN_DIGITS = min(INTERNATIONAL_MIN_DIGITS, NATIONAL_MIN_DIGITS, 10)  # 10: a North American number
_MAY_HOLD_PHONE = re.compile(rf"\d(?:[ ().+\-]{{0,2}}\d){{{_PHONE_MIN_DIGITS - 1}}}")
_NORTH_AMERICAN = re.compile(r"(?:1[ .\-])?(?:\([2-9]\d\d\) ?|[2-9]\d\d[ .\-])\d{3}[ .\-]\d{4}")
_DATE_START = re.compile(r"\(?\d{1,4}[./\-]\d{1,2}[./\-]\d{1,4}")
_SEPARATOR = re.compile(r"[ .\-]")
_BRACKETED = re.compile(r"[ .\-]?\(\d{1,5}\)[ .\-]?")


def is_phone(candidate: str) -> bool:
    """Confirm a phone-shaped candidate by the rules in the module docstring."""
    digits = sum(ch.isdigit() for ch in candidate)
    if candidate.startswith("+"):
        return INTERNATIONAL_MIN_DIGITS <= digits <= INTERNATIONAL_MAX_DIGITS
    if _NORTH_AMERICAN.fullmatch(candidate):
        return True
    if not candidate.lstrip("(").startswith("0") or not NATIONAL_MIN_DIGITS <= digits <= NATIONAL_MAX_DIGITS:
        return False
    if _DATE_START.match(candidate):
        return False
    groups = re.findall(r"\d+", candidate)
    if len(groups[0]) < NATIONAL_MIN_FIRST_GROUP:
        return False
    # One kind of separator between groups: "01.02.2020 12" mixes two and is a date and a number, not a phone.
    return len(set(_SEPARATOR.findall(_BRACKETED.sub("", candidate)))) <= 1


def _is_ipv6(candidate: str) -> bool:
    if sum(1 for group in candidate.split(":") if group) < IPV6_MIN_GROUPS:
        return False
    try:
        ipaddress.IPv6Address(candidate)
    except ValueError:
        return False
    return True


def holds_pii(text: str) -> bool:
    """True when `text` holds anything the masker would mask (all kinds on)."""
    return (
        _EMAIL.search(text) is not None
        or any(_is_ipv6(m.group()) for m in _IPV6.finditer(text))
        or _IPV4.search(text) is not None
        or any(is_phone(m.group()) for m in _PHONE.finditer(text))
    )


@dataclass(frozen=True, slots=True)
class PIIOptions:
    email_token: str = "<EMAIL>"  # replaces an e-mail address
    phone_token: str = "<PHONE>"  # replaces a phone number
    ip_token: str = "<IP>"  # replaces an IPv4 or IPv6 address
    mask_emails: bool = True
    mask_phones: bool = True
    mask_ips: bool = True


class PIIMasker(DocumentStep):
    """Masks personal data in body blocks; counts what it masked into `pii_emails`, `pii_phones`, `pii_ips`."""

    name = "pii"

    def __init__(self, options: PIIOptions | None = None) -> None:
        self.options = options or PIIOptions()
        for token in (self.options.email_token, self.options.phone_token, self.options.ip_token):
            # A token that looks like personal data would be masked again on the next pass (never idempotent).
            if holds_pii(f" {token} "):
                raise ValueError(f"pii: replacement token {token!r} would itself be masked")

    def mask(self, text: str) -> tuple[str, dict[str, int]]:
        """Masked text and how many of each kind were masked."""
        counts = {"email": 0, "phone": 0, "ip": 0}
        for _ in range(MAX_MASK_PASSES):
            masked = self._mask_once(text, counts)
            if masked == text:
                break
            text = masked
        return text, counts

    def _may_mask(self, text: str) -> bool:
        """False when `_mask_once` would change nothing in `text`: no kind being masked passes its gate."""
        o = self.options
        return bool(
            (o.mask_emails and "@" in text)
            or (o.mask_ips and (_MAY_HOLD_IPV6.search(text) or _MAY_HOLD_IPV4.search(text)))
            or (o.mask_phones and _MAY_HOLD_PHONE.search(text))
        )

    def _mask_once(self, text: str, counts: dict[str, int]) -> str:
        o = self.options
        if o.mask_emails and "@" in text:
            text = _EMAIL.sub(lambda m: self._count(counts, "email", o.email_token), text)
        if o.mask_ips:
            if _MAY_HOLD_IPV6.search(text):
                text = _IPV6.sub(lambda m: self._ipv6(m, counts), text)
            if _MAY_HOLD_IPV4.search(text):
                text = _IPV4.sub(lambda m: self._ipv4(m, counts), text)
        if o.mask_phones and _MAY_HOLD_PHONE.search(text):
            text = _PHONE.sub(lambda m: self._phone(m, counts), text)
        return text

    @staticmethod
    def _count(counts: dict[str, int], kind: str, token: str) -> str:
        counts[kind] += 1
        return token

    def _ipv4(self, m: re.Match[str], counts: dict[str, int]) -> str:
        before = m.string[max(0, m.start() - VERSION_CONTEXT_CHARS) : m.start()]
        if _VERSION_WORD.search(before):
            return m.group()
        return self._count(counts, "ip", self.options.ip_token)

    def _ipv6(self, m: re.Match[str], counts: dict[str, int]) -> str:
        return self._count(counts, "ip", self.options.ip_token) if _is_ipv6(m.group()) else m.group()

    def _phone(self, m: re.Match[str], counts: dict[str, int]) -> str:
        return self._count(counts, "phone", self.options.phone_token) if is_phone(m.group()) else m.group()

    def apply(self, doc: Document) -> Document:
        # Imported here: thresher.filter imports this module to list the steps.
        from thresher.filter.analysis import TextView

        return self.judge(doc, TextView(doc))

    def judge(self, doc: Document, view: TextView) -> Document:
        """`apply`, sharing the engine's view of the body (reset when something was masked)."""
        totals = {"email": 0, "phone": 0, "ip": 0}
        # The body text holds every body block's text whole, and no gate matches across the line breaks or tabs
        # that join them: when no gate matches the body, none matches any block (about half the pages).
        body = doc.blocks if self._may_mask(view.text) else ()
        for block in body:
            if block.role is not Role.BODY or not _may_hold_pii(block.text) or not self._may_mask(block.text):
                continue
            block.text, counts = self.mask(block.text)
            for kind, n in counts.items():
                totals[kind] += n
        if any(totals.values()):
            view.reset()  # the body changed: later readers (the dedup signature) measure the masked text
        doc.signals.update(pii_emails=totals["email"], pii_phones=totals["phone"], pii_ips=totals["ip"])
        masked = ", ".join(f"{n} {kind}" for kind, n in totals.items() if n)
        return self.accept(doc, f"masked {masked}" if masked else "")


_DIGIT_OR_AT = re.compile(r"[\d@:]")


def _may_hold_pii(text: str) -> bool:
    # Every kind needs a digit, an "@" or a ":" (IPv6): most blocks have none and skip the patterns.
    return _DIGIT_OR_AT.search(text) is not None
