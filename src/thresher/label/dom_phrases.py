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


# Headings of boxes that list other pages ("You may also like"), in the languages the furniture classifier does
# not cover; whatever follows such a heading inside the article container is that box.
_RELATED_HEADING = re.compile(
    r"^(?:você\s+(?:pode|também\s+pode)\s+gostar|veja\s+também|leia\s+(?:também|mais)|not[íi]cias\s+relacionadas"
    r"|(?:artigos|posts|mat[ée]rias)\s+relacionad[oa]s|relacionad[oa]s|tamb[ée]m\s+pode\s+interessar|lee\s+también"
    r"|te\s+puede\s+interesar|m[áa]s\s+noticias|art[íi]culos\s+relacionados|temas\s+relacionados"
    r"|das\s+könnte\s+(?:dich|sie)\s+(?:auch\s+)?interessieren|weitere\s+artikel|mehr\s+zum\s+thema"
    r"|ähnliche\s+(?:artikel|beiträge)|meist\s*gelesen|lesen\s+sie\s+auch|auch\s+interessant|passend\s+dazu"
    r"|vous\s+aimerez\s+aussi|à\s+lire\s+aussi|sur\s+le\s+même\s+sujet|dans\s+la\s+même\s+rubrique"
    r"|potrebbe\s+interessarti|leggi\s+anche|articoli\s+correlati|zobacz\s+(?:też|także|również)|czytaj\s+także"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)|related(?:\s+\w+)?|more\s+(?:stories|news|from|on)\b.*"
    r"|recommended(?:\s+for\s+you)?|(?:most|more)\s+(?:popular|read|viewed)|read\s+(?:more|next|also)|see\s+also"
    r"|trending(?:\s+now)?|popular\s+(?:now|posts|stories)|latest\s+(?:news|stories|posts))[\s.:!…]*$",
    re.IGNORECASE,
)
# Such a heading is a few words at most.
MAX_RELATED_HEADING_CHARS = 60


def is_related_heading(text: str) -> bool:
    """Does this heading title a box of links to other pages?"""
    return len(text) <= MAX_RELATED_HEADING_CHARS and _RELATED_HEADING.match(text) is not None
