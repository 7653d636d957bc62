"""Calls to action that publishers put inside the article container: follow us, subscribe, get our app.

These read as sentences, so DOM evidence alone keeps them; their wording gives them away. The vocabulary is the web's
at large in a few major languages; nothing names a site. Only short blocks are judged (a paragraph that merely
mentions a newsletter is prose).
"""

from __future__ import annotations

import re

from thresher.model import Label

# Past this many characters a block is prose that happens to contain a call to action.
MAX_CALL_TO_ACTION_CHARS = 300

_PROMOTION = re.compile(
    r"(?:\b(?:follow|like)\s+(?:us|\w+)\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|telegram|whatsapp)"
    r"|\bsubscribe\s+(?:to|now|today|for)\b|\bsign\s+up\s+(?:for|to)\b.*\bnewsletter|\bnewsletter\b.*\bsign\s+up"
    r"|\bdownload\s+(?:our|the)\s+(?:\w+\s+)?app\b|\bjoin\s+(?:our|us\s+on)\s+(?:\w+\s+)?(?:channel|group|newsletter)"
    r"|\bfor\s+the\s+latest\s+(?:\w+\s+){0,4}(?:news|stories|updates)\b"
    r"|\bfolgen\s+sie\s+uns\b|\bnewsletter\s+(?:abonnieren|bestellen)|\bjetzt\s+(?:abonnieren|anmelden|registrieren)"
    r"|\bsíguenos\s+en\b|\bsuscr[íi]bete\b|\bsuivez[-\s]nous\b|\babonnez[-\s]vous\b"
    r"|\bteilen\s+sie\s+(?:diesen|den)\s+artikel|\bwar\s+(?:der|dieser)\s+artikel\s+(?:nützlich|hilfreich)"
    r"|\bwas\s+this\s+(?:article|page|post)\s+(?:helpful|useful)"
    r"|\bshare\s+this\s+(?:article|story|post)\b|\b(?:click|tap)\s+here\s+to\s+(?:subscribe|sign\s+up|download))",
    re.IGNORECASE,
)
_ADVERTISEMENT = re.compile(
    r"^(?:\*?\s*)?(?:anzeige|werbung|advertisement|sponsored(?:\s+content)?|publicidad|publicité)\b", re.IGNORECASE
)


def classify_call_to_action(text: str) -> tuple[Label, str] | None:
    """(PROMOTION or ADVERTISEMENT, reason) for a short promotional block; None for anything else."""
    if len(text) > MAX_CALL_TO_ACTION_CHARS:
        return None
    if _ADVERTISEMENT.match(text):
        return Label.ADVERTISEMENT, "marked as advertising"
    found = _PROMOTION.search(text)
    if found:
        return Label.PROMOTION, f"call to action ({found.group(0).strip()[:40]!r})"
    return None
