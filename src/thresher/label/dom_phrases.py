"""Calls to action that publishers put inside the article container: follow us, subscribe, get our app.

These read as sentences, so DOM evidence alone keeps them; their wording gives them away. The vocabulary is the web's
at large in a few major languages; nothing names a site. Only short blocks are judged (a paragraph that merely
mentions a newsletter is prose).
"""

from __future__ import annotations

import re

from thresher.label.gates import CaselessSearch, contains_any, count_words, fragment_test
from thresher.model import Label

# Past this many characters a block is prose that happens to contain a call to action.
MAX_CALL_TO_ACTION_CHARS = 300

# Every alternative but one opens at a word boundary: the boundary is tested once for all of them (an alternation
# tries each alternative at each position, so a boundary test in each cost 40 tests per character), and the
# anchored one keeps its place between them, so the same alternative wins where two match.
_PROMOTION = re.compile(
    r"\b(?:(?:follow|like)\s+(?:us|\w+)\s+on\s+(?:twitter|facebook|instagram|linkedin|youtube|telegram|whatsapp)"
    r"|subscribe\s+(?:to|now|today|for)\b|sign\s+up\s+(?:for|to)\b.*\bnewsletter|newsletter\b.*\bsign\s+up"
    r"|download\s+(?:our|the)\s+(?:\w+\s+)?app\b|join\s+(?:our|us\s+on)\s+(?:\w+\s+)?(?:channel|group|newsletter)"
    r"|for\s+the\s+latest\s+(?:\w+\s+){0,4}(?:news|stories|updates)\b"
    r"|folgen\s+sie\s+uns\b|newsletter\s+(?:abonnieren|bestellen)|jetzt\s+(?:abonnieren|anmelden|registrieren)"
    r"|síguenos\s+en\b|suscr[íi]bete\b|suivez[-\s]nous\b|abonnez[-\s]vous\b"
    r"|teilen\s+sie\s+(?:diesen|den)\s+artikel|war\s+(?:der|dieser)\s+artikel\s+(?:nützlich|hilfreich)"
    r"|was\s+this\s+(?:article|page|post)\s+(?:helpful|useful)"
    r"|share\s+this\s+(?:article|story|post)\b|(?:click|tap)\s+here\s+to\s+(?:subscribe|sign\s+up|download)"
    # asking for support, membership or a visit to the publisher's channels
    r"|unterstütz(?:e|t)\s+(?:uns|unsere\s+arbeit)\b|unterstützen\s+sie\s+(?:unsere\s+arbeit|unabhängigen|unseren\s+journalismus)"
    r")|^unterstütze\s+\S+(?:\s+\S+)?\s*!?$|\b(?:jede\s+(?:kleine\s+)?spende\b"
    r"|lust\s+auf\s+mehr\b|gefällt\s+(?:dir|ihnen|euch)\s+(?:unser|unsere|dieser|der)\b"
    r"|kennt\s+ihr\s+schon\s+unser|nichts\s+(?:mehr\s+)?(?:verpassen|versäumen)\b"
    r"|auf\s+dem\s+laufenden\b.{0,40}\b(?:newsletter|abonn)|(?:newsletter|abonn).{0,60}\bauf\s+dem\s+laufenden"
    r"|if\s+you\s+(?:enjoyed|liked)\s+(?:reading\s+)?this\b|never\s+miss\s+(?:a|the|an)\b"
    r"|support\s+(?:our|independent)\s+journalism\b|become\s+a\s+(?:member|subscriber|patron)\b"
    r"|submit\s+(?:your|a)\s+letter\b|hazte\s+(?:miembro|socio)\b|nos\s+siga\s+no\b"
    r"|s[íi]guenos\b|(?:tenemos|únete\s+a\s+nuestro)\s+canal\s+de\s+(?:telegram|whatsapp|youtube)"
    r"|nuestro\s+canal\s+de\s+(?:youtube|telegram|whatsapp)\b|zapraszamy\s+(?:też\s+)?do\s+subskrypcji"
    r"|verraten\s+sie\s+(?:uns\s+)?(?:gerne\s+)?in\s+den\s+kommentaren|sie\s+sind\s+(?:aktuell\s+)?nicht\s+"
    r"eingeloggt|bitte\s+(?:registrieren|loggen)\s+sie\s+sich\b)",
    re.IGNORECASE,
)
# Beyond upper case, the characters the re module takes for these letters when ignoring case.
_OTHER_CASES = {"i": "İı", "k": "\u212a", "s": "ſ"}


def _openers(letters: str, others: str = "") -> frozenset[str]:
    """The characters a case-ignoring pattern takes for one of `letters`, and `others` as they are: what a text must
    open with for an anchored pattern whose phrases all open with one of them to match it (a test costing a tenth
    of the pattern's)."""
    return frozenset(letters + letters.upper() + "".join(_OTHER_CASES.get(c, "") for c in letters) + others)


# Every alternative of _PROMOTION contains one of these lower-cased fragments; a block with none of them is no call
# to action. Keep the two in step when adding a phrase.
PROMOTION_TRIGGERS = (
    "twitter", "facebook", "instagram", "linkedin", "youtube", "telegram", "whatsapp", "subscribe", "newsletter",
    "download", "join", "latest", "folgen", "abonn", "anmelden", "registrieren", "síguenos", "siguenos", "suscr",
    "suivez", "teilen", "nützlich", "hilfreich", "helpful", "useful", "share", "click", "tap", "unterstütz", "spende",
    "lust", "gefällt", "kennt", "verpassen", "versäumen", "laufenden", "enjoyed", "liked", "never", "journalism",
    "become", "submit", "hazte", "siga", "canal", "zapraszamy", "kommentaren", "eingeloggt", "loggen",
)
# The fragment test's Python definition, a pattern's scan, stops at every character that is the rarest of some
# fragment; for two triggers that is a common letter ("m" of "anmelden"), and the scan looks for a part of them
# instead. It lets through a few more blocks, which the partners' test (of the triggers themselves) turns away.
_SCANNED_PARTS = {"anmelden": "elden", "canal": "anal"}
_SCANNED_TRIGGERS = tuple(_SCANNED_PARTS.get(trigger, trigger) for trigger in PROMOTION_TRIGGERS)
_HOLDS_PROMOTION_TRIGGER = fragment_test(_SCANNED_TRIGGERS)
# Most blocks holding a trigger use the word otherwise ("shares", "never", "the latest"), and the pattern's search
# costs ten times the trigger's scan. The pattern's phrases with these triggers hold one of the partners beside them
# ("share this"); every phrase holds a trigger that is missing here or holds one of its partners. Keep it so.
PROMOTION_PARTNERS = {
    "twitter": ("follow", "like"), "facebook": ("follow", "like"), "instagram": ("follow", "like"),
    "linkedin": ("follow", "like"), "youtube": ("follow", "like", "canal"), "telegram": ("follow", "like", "canal"),
    "whatsapp": ("follow", "like", "canal"), "download": ("app",), "join": ("channel", "group", "newsletter"),
    "latest": ("news", "stories", "updates"), "folgen": ("uns",), "anmelden": ("jetzt",),
    "registrieren": ("jetzt", "bitte"), "teilen": ("artikel",), "nützlich": ("artikel",), "hilfreich": ("artikel",),
    "helpful": ("this",), "useful": ("this",), "share": ("this",), "click": ("here",), "tap": ("here",),
    "spende": ("jede",), "lust": ("mehr",), "gefällt": ("dir", "ihnen", "euch"), "kennt": ("unser",),
    "verpassen": ("nichts",), "versäumen": ("nichts",), "enjoyed": ("this",), "liked": ("this",), "never": ("miss",),
    "journalism": ("support",), "become": ("member", "subscriber", "patron"), "submit": ("letter",),
    "kommentaren": ("verraten",), "loggen": ("bitte",),
}
_TRIGGER_PARTNERS = tuple((trigger, PROMOTION_PARTNERS.get(trigger, ())) for trigger in PROMOTION_TRIGGERS)
# Ignoring case, the pattern reads these as "i" or "s" where the lower-cased text does not: the partners are not
# looked for in a block holding one.
_CASE_FOLDS_APART = "İıſ"
# The few blocks the trigger lets through are searched, when ASCII, as lower-cased text (three times faster); the
# pattern's letters are lower-case for that.
_PROMOTION_SEARCH = CaselessSearch(_PROMOTION)
_ADVERTISEMENT = re.compile(
    r"^(?:\*?\s*)?(?:anzeige|werbung|advertisement|sponsored(?:\s+content)?|publicidad|publicité)\b", re.IGNORECASE
)
_ADVERTISEMENT_OPENERS = _openers("awsp", "*")  # or white space


def classify_call_to_action(text: str) -> tuple[Label, str] | None:
    """(PROMOTION or ADVERTISEMENT, reason) for a short promotional block; None for anything else."""
    if len(text) > MAX_CALL_TO_ACTION_CHARS:
        return None
    first = text[:1]
    if (first in _ADVERTISEMENT_OPENERS or first.isspace()) and _ADVERTISEMENT.match(text):
        return Label.ADVERTISEMENT, "marked as advertising"
    lowered = text.lower()
    if not _may_promote(text, lowered):
        return None
    span = _PROMOTION_SEARCH.span(text, lowered)
    if span is not None:
        return Label.PROMOTION, f"call to action ({text[span[0] : span[1]].strip()[:40]!r})"
    return None


def _may_promote(text: str, lowered: str) -> bool:
    """False when the block (`lowered` is text.lower()) holds no phrase of _PROMOTION: no trigger, or no trigger with
    one of its partners. True only for a block holding a trigger."""
    if not _HOLDS_PROMOTION_TRIGGER(lowered):
        return False  # a scan for plain fragments is far cheaper than the pattern's search, and most blocks fail it
    if not text.isascii() and contains_any(text, _CASE_FOLDS_APART):
        return contains_any(lowered, PROMOTION_TRIGGERS)
    for trigger, partners in _TRIGGER_PARTNERS:
        if trigger in lowered and (not partners or contains_any(lowered, partners)):
            return True
    return False


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
    r"|trending(?:\s+now)?|popular\s+(?:now|posts|stories)|latest\s+(?:news|stories|posts)"
    r"|das\s+(?:thema\s+)?könnte\s+(?:dich|sie|euch)\s+(?:auch\s+)?interessieren|lesen\s+sie\s+auch\b.*"
    r"|schon\s+gelesen\??|(?:zum\s+)?weiterlesen|mehr\s+themen|weitere\s+(?:aktuelle\s+)?(?:themen|beiträge|news"
    r"|nachrichten|meldungen|artikel|\w*tipps)\b.*|neueste\s+(?:artikel|beiträge|nachrichten)|top[\s-]themen\b.*"
    r"|entdecke\s+(?:weitere|mehr)\b.*|vorschau\s+auf\s+den\s+nächsten\s+artikel|explore\s+further"
    r"|veja\s+tamb[ée]m|leia\s+tamb[ée]m|lee\s+(?:también|más)|zobacz\s+równie[żz]|czytaj\s+(?:też|więcej))[\s.:!…?]*$",
    re.IGNORECASE,
)
_RELATED_HEADING_OPENERS = _openers("acdelmnprstvwyzàä")
# Such a heading is a few words at most.
MAX_RELATED_HEADING_CHARS = 60


def is_related_heading(text: str) -> bool:
    """Does this heading title a box of links to other pages?"""
    return (
        len(text) <= MAX_RELATED_HEADING_CHARS
        and text[:1] in _RELATED_HEADING_OPENERS
        and _RELATED_HEADING.match(text) is not None
    )


# One-line labels that close an article or head its appendix (sources, contact, tags, the author's box), and the
# controls and notices set among its paragraphs. Matched against the whole block, so prose that merely uses the
# words is never caught.
_APPENDIX_LABEL = re.compile(
    r"^[\s(\[]*(?:weitere\s+informationen|weitere\s+infos|zusatzinformationen|mehr\s+informationen"
    r"|further\s+information|more\s+information|kontakt|contact|telefon|quellen(?:angaben)?|sources?"
    r"|über\s+(?:den|die)\s+autor(?:in)?|zu[rm]\s+autor(?:in)?|about\s+the\s+authors?|originalartikel"
    r"|original(?:publikation|veröffentlichung)|original\s+(?:article|publication)|inhaltsverzeichnis"
    r"|table\s+of\s+contents|keine\s+kommentare|no\s+comments(?:\s+yet)?|gefällt\s+mir|tagged|schlagw(?:or|ör)te?r?"
    r"|empfohlener\s+redaktioneller\s+inhalt|externer\s+inhalt|rezept\s+drucken|print\s+recipe|bild\s+anzeigen"
    r"|quellen\s+(?:anzeigen|ausblenden)|noch\s+keine\s+bewertungen|no\s+ratings\s+yet"
    r"|\d+\s*(?:min(?:uten?|\.)?|minut[ay]?)\s+(?:lesezeit|czytania|read(?:ing\s+time)?)|lesezeit:?\s*\d+\s*min\.?"
    r"|dieses?\s+\w+\s+als\s+pdf\s+herunterladen|als\s+pdf\s+herunterladen|download\s+(?:as\s+)?pdf"
    r")[\s.:!…?)\]]*$",
    re.IGNORECASE,
)
# A line listing the article's tags or categories: "Themen: A, B", "Tagged: x y", "Kategorie: News".
_TAG_LINE = re.compile(
    r"^\s*(?:themen|tags?|tagged(?:\s+with)?|schlagw(?:or|ör)te?r?|kategorien?|categor(?:y|ies)|filed\s+under"
    r"|temas|etiquetas|catégories?|tematy|tagi)\s*:\s*\S", re.IGNORECASE
)
_TAG_LINE_OPENERS = _openers("cefkst")  # or white space, which a stripped line does not open with
# A post's closing stamp: "Dieser Beitrag wurde am ... veröffentlicht", "This entry was posted in ...".
_POST_STAMP = re.compile(
    r"^\s*(?:(?:dieser|der)\s+(?:beitrag|eintrag|artikel|text)\s+wurde\s+(?:am|in|unter|zuerst)\b"
    r"|this\s+(?:entry|post|article)\s+was\s+(?:posted|published|filed)\b)",
    re.IGNORECASE,
)
_POST_STAMP_OPENERS = _openers("dt")  # or white space
# Disclosures of paid links and credits of photos set as a line of their own.
_DISCLOSURE = re.compile(r"\baffiliate[-\s]?links?\b|\bwerbelinks?\b|\bprovisionslinks?\b", re.IGNORECASE)
_PHOTO_CREDIT = re.compile(
    r"(?:^|[\s(])(?:foto|fotos|photo|photos|bild|bilder|crédits?\s+photos?|image|credit|quelle)\s*:\s*[^.!?]{1,60}\)?\s*$",
    re.IGNORECASE,
)
# Appendix labels are a few words; tag lines, stamps, disclosures and credit lines one short line.
MAX_APPENDIX_LABEL_CHARS = 60
MAX_APPENDIX_LINE_WORDS = 25
# A line with a photo credit at its end is a caption only when it is this short (words): a paragraph may cite one.
MAX_CREDIT_LINE_WORDS = 12


def classify_appendix(text: str) -> tuple[Label, str] | None:
    """(label, reason) for a label or line that belongs to the page's furniture around the article text."""
    stripped = text.strip()
    if len(stripped) <= MAX_APPENDIX_LABEL_CHARS and _APPENDIX_LABEL.match(stripped):
        return Label.WIDGET_HEADING, f"labels an appendix or a control ({stripped[:40]!r})"
    # Words are counted only up to the limit, and not made (gates.count_words): a long paragraph is not split whole to
    # learn that it is long.
    words = count_words(stripped, MAX_APPENDIX_LINE_WORDS)
    if words > MAX_APPENDIX_LINE_WORDS:
        return None
    # The cheap tests first: each pattern opens with one of its openers (the line is stripped of white space), and a
    # tag line holds a ":".
    first = stripped[:1]
    if first in _TAG_LINE_OPENERS and ":" in stripped and _TAG_LINE.match(stripped):
        return Label.NAVIGATION, "a line of the article's tags or categories"
    if first in _POST_STAMP_OPENERS and _POST_STAMP.match(stripped):
        return Label.TIMESTAMP, "the post's closing stamp"
    # Both patterns need their fragment ("link", ":") to match at all.
    if "link" in stripped.lower() and _DISCLOSURE.search(stripped):
        return Label.ADVERTISEMENT, "discloses paid links"
    if words <= MAX_CREDIT_LINE_WORDS and ":" in stripped and _PHOTO_CREDIT.search(stripped):
        return Label.MEDIA_CAPTION, "a credit line (photo or source)"
    return None
