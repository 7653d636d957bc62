"""Context-free recognition of page furniture from a block's own words.

Both modes use this: a text line or an HTML block whose words are nothing but share-service names, page controls,
a widget's heading, a counter, a footer link row, a copyright line or a cookie banner is furniture wherever it stands.
Everything here is vocabulary of the web at large, in a few major languages, grouped by kind; nothing names a site.
Position-dependent judgements (a menu is a *run* of short lines, a title sits above the body) live in the mode's
labeller, not here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from thresher.label.gates import CaselessSearch, contains_any, fragment_test, lowering_is_ignoring_case
from thresher.model import Label

# Sites repeat their furniture on every page: a corpus run sees the same lines again and again.
CACHE_SIZE = 1 << 16
# A furniture phrase is short: past this many words a block is prose that merely mentions a phrase.
MAX_WORDS_SHORT_FURNITURE = 8
# Legal and cookie notices run longer than buttons, but still far shorter than article paragraphs.
MAX_WORDS_NOTICE = 60
# A link row ("About | Contact | Jobs") needs this many separated items to read as a row, not a phrase.
MIN_FOOTER_ROW_ITEMS = 3
# Share of a link row's items that must be footer vocabulary.
MIN_FOOTER_VOCAB_SHARE = 0.5

# Words split at camel-case joins too: extractors glue adjacent buttons ("AAAPrint", "MorePhoto").
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# Cheap gate: a join is found from the capital after it (a capital after a lower-case letter, or a capital between a
# capital and a lower-case letter), so the engine's fast scan skips every other character; the join pattern's
# look-behinds give it nothing to scan for. Lines without a join are not rewritten.
_CAMEL_CAPITAL = re.compile(r"[A-Z](?:(?<=[a-z][A-Z])|(?<=[A-Z][A-Z])(?=[a-z]))")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# _TOKEN on lower-cased ASCII text: a plain class is tested faster than the word category.
_LOWER_ASCII_TOKEN = re.compile(r"[a-z0-9]+")

# Services a share bar names, and the verbs around them.
SHARE_SERVICES = {
    "facebook", "twitter", "x", "linkedin", "reddit", "pinterest", "tumblr", "whatsapp", "telegram", "line",
    "wechat", "weibo", "qq", "qzone", "vk", "xing", "mix", "flipboard", "pocket", "messenger", "sms", "email", "mail",
    "digg", "delicious", "stumbleupon", "evernote", "douban", "renren", "kakao", "kakaotalk", "threads", "bluesky",
    "mastodon", "instapaper", "hatena", "google", "gmail", "yahoo", "skype", "viber", "snapchat", "instagram",
    "youtube", "rss", "feed", "naver", "band", "ok", "odnoklassniki",
}
SHARE_WORDS = {
    "share", "shares", "sharing", "tweet", "pin", "it", "on", "via", "this", "article", "story", "post", "page",
    "copy", "link", "copied", "send", "to", "a", "friend", "follow", "us", "with", "the", "teilen", "twittern",
    "partager", "compartir", "condividi", "udostępnij", "delen", "分享", "转发", "微信", "微博", "朋友圈",
}
# Page controls: font size, print, e-mail this page, back to top, listen, save.
CONTROL_STRONG = {
    "print", "printer", "font", "fontsize", "textsize", "aaa", "aa", "zoom", "enlarge", "listen", "bookmark",
    "drucken", "schriftgröße", "imprimer", "imprimir", "stampa", "drukuj", "打印", "字号", "收藏", "save", "top",
}
CONTROL_WORDS = CONTROL_STRONG | {
    "text", "size", "a", "small", "medium", "large", "larger", "smaller", "reset", "this", "page", "article", "to",
    "back", "email", "e", "mail", "friendly", "version", "view", "decrease", "increase", "nach", "oben", "zurück",
    "zum", "seitenanfang", "返回", "顶部", "大", "中", "小", "for", "later", "read",
}
_FONT_SIZE_LETTERS = re.compile(r"^(?:[Aa][+-]?\s*){2,}$")

_WIDGET_HEADING = re.compile(
    r"^(?:"
    r"related(?:\s+(?:news|articles?|stories|posts|content|links|coverage|topics|videos?|reading))?"
    r"|(?:most\s+(?:popular|read|viewed|shared|commented|emailed|watched))(?:\s+.*)?"
    r"|(?:top|latest|breaking|trending|popular|recent|featured|more|other)\s+"
    r"(?:news|stories|articles|posts|headlines|videos?|photos?|galleries|reads?|topics)(?:\s+.*)?"
    r"|trending(?:\s+now)?|recommended(?:\s+for\s+you)?|editor'?s'?\s+picks?|(?:you|we)\s+(?:may|might)\s+"
    r"also\s+(?:like|enjoy)|you\s+might\s+be\s+interested\s+in|don'?t\s+miss|in\s+case\s+you\s+missed\s+it"
    r"|read\s+more|see\s+(?:also|more)|more\s+(?:from|on|in|like\s+this)\b.*|also\s+read|further\s+reading"
    r"|what'?s\s+hot|hot\s+topics|popular\s+now|latest|tags?|topics|categories|archives?|about\s+the\s+author"
    r"|mehr\s+zum\s+thema|weitere\s+(?:artikel|nachrichten|themen|beiträge)|das\s+könnte\s+sie\s+auch\s+"
    r"interessieren|meistgelesen|lesen\s+sie\s+auch|auch\s+interessant|ähnliche\s+(?:artikel|beiträge)"
    r"|à\s+lire\s+aussi|lire\s+aussi|sur\s+le\s+même\s+sujet|te\s+puede\s+interesar|noticias\s+relacionadas"
    r"|相关(?:新闻|阅读|文章|报道)|热门(?:新闻|文章|推荐)?|推荐阅读|更多"
    r")[\s:.!»›>]*$",
    re.IGNORECASE,
)
# "More" glued to a widget's name by a flattening extractor: "MorePhoto", "MoreTop news".
_MORE_GLUED = re.compile(r"^More(?=[A-Z])[A-Za-z][\w ]{0,30}$")

_COUNTER = re.compile(
    r"^[\s(\[]*[+-]?\d[\d.,]*\s*[kKmM]?[\s)\]]*"
    r"(?:(?:comments?|views?|likes?|shares?|reads?|replies|reply|votes?|points?|reactions?|kommentare?|"
    r"aufrufe|评论|阅读|浏览|点赞|次)\s*)?$",
    re.IGNORECASE,
)
# Cheap gate: the first character a counter can open with, but for a digit.
COUNTER_OPENERS = "([+-"

_PROMOTION = re.compile(
    r"(?:\b(?:download|get|install)\s+(?:the|our)\s+(?:free\s+)?app\b|\bapps?\s+download\b|"
    r"\b(?:sign\s+up|subscribe)\b.*\b(?:newsletter|updates|alerts|digest|today)\b|^subscribe\b|"
    r"\bnewsletter\b.*\b(?:sign\s+up|subscribe|abonnieren|anmelden)\b|^(?:join|follow)\s+us\b|"
    r"\bfollow\s+us\s+on\b|\bjetzt\s+abonnieren\b|\bnewsletter\s+abonnieren\b|下载客户端|客户端下载|扫码关注|关注我们)",
    re.IGNORECASE,
)
# A brand glued before "App Download" belongs to the promotion ("<BRAND> App Download").
PROMOTION_TAIL = re.compile(r"\s*(?:\b[A-Z][A-Za-z]{1,15}\s+)?\bApps?\s+Download\b.*$")

_ADVERTISEMENT = re.compile(
    r"^(?:advertisement|advertising|advertisements|sponsored(?:\s+(?:content|links?|stories|by\b.*))?|"
    r"promoted(?:\s+(?:content|stories))?|paid\s+(?:content|post)|ad|ads|anzeige|werbung|publicité|publicidad|"
    r"pubblicità|reklama|广告|推广)[\s:.]*$",
    re.IGNORECASE,
)

_LEGAL = re.compile(
    r"(?:^\W*copyright\b|\bcopyright\s*(?:©|\(c\)|(?:19|20)\d\d)|©|\(c\)\s*(?:19|20)\d\d|\ball\s+rights\s+reserved\b|\bwithout\s+(?:the\s+)?(?:prior\s+)?"
    r"(?:express\s+)?(?:written\s+)?permission\b|\breproduction\b.*\b(?:prohibited|forbidden|not\s+permitted)\b|"
    r"\bmay\s+not\s+be\s+(?:reproduced|republished|redistributed|published,\s+broadcast)|\balle\s+rechte\s+"
    r"vorbehalten\b|\btous\s+droits\s+réservés\b|\btodos\s+los\s+derechos\s+reservados\b|版权所有|版權所有|"
    r"未经授权|不得转载|\bterms\s+(?:of\s+(?:use|service)|and\s+conditions)\b.*\bprivacy\b)",
    re.IGNORECASE,
)

_COOKIE = re.compile(
    r"(?:\bcookies?\b.*\b(?:use|uses|using|accept|consent|policy|settings|preferences|agree|experience|store)\b|"
    r"\b(?:use|uses|using|accept|consent|agree)\b.*\bcookies?\b|\bby\s+continuing\s+to\s+(?:use|browse)\b|"
    r"\bdiese\s+website\s+verwendet\b|\bverwendet\s+cookies\b|\butilise\s+des\s+cookies\b)",
    re.IGNORECASE,
)

_LOGIN = re.compile(
    r"^(?:(?:sign|log)\s*(?:in|on|out|up)|register|create\s+(?:an\s+)?account|forgot(?:ten)?\s+(?:your\s+)?"
    r"password\??|my\s+account|anmelden|einloggen|registrieren|abmelden|connexion|登录|注册)"
    r"(?:\s*(?:/|\||or|and|to\s+\w+)\s*.*)?[\s.!]*$",
    re.IGNORECASE,
)

_COMMENT_FURNITURE = re.compile(
    r"^(?:(?:\d+\s+)?comments?(?:\s*\(\d+\))?|leave\s+a\s+(?:comment|reply)|post\s+a\s+comment|add\s+(?:a\s+)?comment|"
    r"write\s+a\s+comment|join\s+the\s+(?:discussion|conversation)|show\s+comments|view\s+comments|reply|"
    r"comments\s+are\s+closed\.?|be\s+the\s+first\s+to\s+comment|kommentare?(?:\s*\(\d+\))?|kommentieren|"
    r"antworten|评论|发表评论|网友评论|(?:log\s+in|sign\s+in)\s+to\s+(?:reply|comment)|"
    r"report\s+(?:abuse|comment)|flag\s+as\s+inappropriate|"
    r"\d+\s+(?:replies|responses))[\s:.!]*$",
    re.IGNORECASE,
)
# The header of a reader's comment: "<name> on <date> at <time> said:", "<name> says:".
_COMMENT_VERBS = ("says", "said", "wrote", "schreibt", "sagt", "écrit", "escribió")
_COMMENT_VERB = "(?:" + "|".join(_COMMENT_VERBS) + ")"
_COMMENT_HEADER = re.compile(r"^.{1,100}?\s" + _COMMENT_VERB + r"\s*:?\s*$", re.IGNORECASE)
# Cheap gate: a header ends with its verb (but for a colon), so the verb is looked for in the line's last characters
# only; the header pattern's lazy scan over up to 100 characters runs on the few lines that pass. Ignoring case, the
# engine matches one character for each character of a verb, so the longest verb bounds how far back to look.
_COMMENT_VERB_AT_END = re.compile(_COMMENT_VERB + "$", re.IGNORECASE)
_LONGEST_COMMENT_VERB = max(map(len, _COMMENT_VERBS))
COMMENT_HEADER_REASON = "the header of a reader's comment (name, date, 'said:')"
# A comment header is longer than a button: a name, a date and a time.
MAX_WORDS_COMMENT_HEADER = 16
# Cookie banners can run long (a paragraph per cookie category); they stay recognisable up to this many words.
MAX_WORDS_COOKIE = 150
# A line that is nothing but a date or a time ("2 days ago at 07:52 am", "August 8, 2018 at 3:17 pm"): comment and
# list timestamps. A dateline with a name in it is metadata and is parsed elsewhere. (Its letters are written
# lower-case, the ISO "T" and "Z" too: ignoring case that is the same pattern, and one without capitals can run as a
# lowered twin.)
_TIMESTAMP = re.compile(
    r"^(?:(?:posted|updated|published|on)\s+)?(?:"
    r"\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+(?:\w+\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+\w+\s+\d{4})"
    r"|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r")(?:,?\s+(?:at\s+|um\s+|-\s+|/\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s+[a-z]{2,4})?)?[\s.]*$",
    re.IGNORECASE,
)
_TIMESTAMP_MATCH = CaselessSearch(_TIMESTAMP)

# (The look-ahead before ".*\s*»" changes no match: it rules out a line without "»" in one quick scan, where ".*"
# would back off through every position looking for it.)
_NAVIGATION = re.compile(
    r"^(?:home|menu|main\s+menu|search|skip\s+to\s+(?:main\s+)?content|skip\s+navigation|toggle\s+navigation|"
    r"(?:previous|next)(?:\s+(?:article|post|story|page|slide|entry))?|older\s+posts|newer\s+posts|"
    r"page\s+\d+\s+of\s+\d+|«\s*.*|(?=[^»]*»).*\s*»|startseite|suche|zurück|weiter|首页|上一篇.*|下一篇.*|返回首页)$",
    re.IGNORECASE,
)
# Breadcrumbs: at least two short items joined by '>' '›' '»' '/' .
_BREADCRUMB = re.compile(r"^[^<>›»/|]{1,40}(?:\s*[>›»/]\s*[^<>›»/|]{1,40}){1,6}$")
# Cheap gate: a trail holds at least one of its separators; without one, the pattern's backtracking is skipped.
BREADCRUMB_SEPARATORS = (">", "›", "»", "/")

FOOTER_VOCAB = {
    "about", "about us", "contact", "contact us", "jobs", "careers", "privacy", "privacy policy", "terms",
    "terms of use", "terms of service", "terms and conditions", "advertise", "advertise with us", "sitemap",
    "site map", "help", "faq", "faqs", "imprint", "impressum", "datenschutz", "kontakt", "agb", "back to top",
    "links", "rss", "accessibility", "cookie policy", "cookies", "feedback", "subscribe", "newsletter", "press",
    "legal", "disclaimer", "copyright", "mediadaten", "karriere", "über uns", "nutzungsbedingungen",
    "关于我们", "联系我们", "广告服务", "网站地图", "隐私政策", "法律声明", "招聘", "mentions légales", "aviso legal",
    "back to top links", "home",
}
_ROW_SEPARATOR = re.compile(r"\s*[|·•]\s*|\s{3,}")


# The anchored short-phrase kinds (all case-insensitive), in the order they are tried, folded into one regex so a
# short line costs one match instead of one per kind.
_SHORT_KINDS: dict[str, tuple[re.Pattern[str], Label, str]] = {
    "widget": (_WIDGET_HEADING, Label.WIDGET_HEADING, "reads as the heading of a related/popular/more widget"),
    "ad": (_ADVERTISEMENT, Label.ADVERTISEMENT, "an advertisement marker"),
    "comments": (_COMMENT_FURNITURE, Label.COMMENTS, "comment-section furniture"),
    "login": (_LOGIN, Label.LOGIN, "sign-in / register control"),
    "nav": (_NAVIGATION, Label.NAVIGATION, "a navigation control (home, menu, next/previous, search)"),
}
_SHORT_ANY = re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, (p, _, _) in _SHORT_KINDS.items()), re.IGNORECASE)
_SHORT_MATCH = CaselessSearch(_SHORT_ANY)
# Notices searched anywhere in a line of moderate length, legal first.
_NOTICE_ANY = re.compile(f"(?P<legal>{_LEGAL.pattern})|(?P<cookie>{_COOKIE.pattern})", re.IGNORECASE)
# Where a notice can start: at the line's start, at a word's start (every worded alternative opens with a word boundary
# before a letter) or at one of these characters. The same search, tried only at those places: everywhere else a
# look-ahead rules the place out instead of a try of every alternative.
NOTICE_OPENERS = "©(版未不"
_NOTICE_AT_OPENERS = re.compile(
    rf"(?:^|\b(?=\w)|(?=[{re.escape(NOTICE_OPENERS)}]))(?:{_NOTICE_ANY.pattern})", _NOTICE_ANY.flags
)
_NOTICE_SEARCH = CaselessSearch(_NOTICE_AT_OPENERS)
_PROMOTION_SEARCH = CaselessSearch(_PROMOTION)
# Cheap gates: a notice or a promotion cannot match without one of these substrings (lower-cased), so the long
# alternations run only on the few lines that hold one.
NOTICE_TRIGGERS = (
    "copyright", "©", "(c)", "rights", "permission", "reproduc", "may not be", "vorbehalten", "droits", "derechos",
    "版权", "版權", "授权", "转载", "terms", "cookie", "continuing to", "verwendet", "utilise",
)
PROMOTION_TRIGGERS = (
    "app", "subscribe", "sign up", "newsletter", "follow", "join", "abonnieren", "客户端", "关注", "扫码",
)
# Laid out as fragment tests: one scan of the line for all of a set, instead of one substring search per fragment.
_NOTICE_TRIGGER = fragment_test(NOTICE_TRIGGERS)
_PROMOTION_TRIGGER = fragment_test(PROMOTION_TRIGGERS)
# A line short enough for a promotion is scanned for both sets at once: most lines hold neither, and are ruled out in
# one scan instead of two.
_NOTICE_OR_PROMOTION_TRIGGER = fragment_test(NOTICE_TRIGGERS + PROMOTION_TRIGGERS)
# Cheap gate: a footer row needs separators (one of these, or a run of three whitespace characters); without one, the
# row check is skipped (_may_hold_row_separator). Substring tests find the characters far faster than a pattern's scan.
ROW_SEPARATOR_CHARS = ("|", "·", "•")


def _may_open_counter(stripped: str) -> bool:
    """False only if the (stripped, non-empty) line cannot match the counter pattern: past its leading white space
    (stripped away), a counter opens with a bracket, a sign or a digit (str.isdecimal is the pattern's \\d)."""
    return stripped[0] in COUNTER_OPENERS or stripped[0].isdecimal()


def _may_hold_row_separator(text: str) -> bool:
    """False only if `text` has none of the row separators: no separator character and no three whitespace characters
    in a row. Such a run is three spaces or holds a whitespace character other than the space, and every one of those
    is unprintable (str.isprintable): scans in C instead of a pattern's test of every position."""
    return contains_any(text, ROW_SEPARATOR_CHARS) or "   " in text or not text.isprintable()


def tokens(text: str, lowered: str) -> list[str]:
    """Lower-cased word tokens, with camel-case joins split apart (`lowered` is text.lower())."""
    if _CAMEL_CAPITAL.search(text):
        text = _CAMEL_JOIN.sub(" ", text)
        lowered = text.lower()
    if text.isascii():
        # Lower-casing ASCII keeps every token's bounds: one call for the whole line instead of one per token.
        return _LOWER_ASCII_TOKEN.findall(lowered)
    return [t.lower() for t in _TOKEN.findall(text)]


_BUTTON_VOCABULARY = frozenset(SHARE_SERVICES | SHARE_WORDS | CONTROL_WORDS)


def _is_comment_header(stripped: str, lowered: str) -> bool:
    """Does the (stripped) line match the comment-header pattern (`lowered` is stripped.lower())? Lines not ending with
    its verb are ruled out first."""
    line = stripped[:-1].rstrip() if stripped.endswith(":") else stripped
    if lowering_is_ignoring_case(stripped):
        # Lower-casing keeps positions, and ignoring case is comparing lower-cased (the verbs are lower-case, without
        # extra case partners): a test of the line's end in C instead of a pattern's search.
        if not lowered.endswith(_COMMENT_VERBS, 0, len(line)):
            return False
    elif _COMMENT_VERB_AT_END.search(line, max(0, len(line) - _LONGEST_COMMENT_VERB)) is None:
        return False
    return _COMMENT_HEADER.match(stripped) is not None


def _share_or_control(words: list[str], text: str) -> tuple[Label, str] | None:
    if not words or len(words) > MAX_WORDS_SHORT_FURNITURE:
        return None
    # Every word of a share bar or a control row is vocabulary, and font-size buttons are runs of "a" (as words too):
    # a first word that is neither rules the line out before the word-by-word checks (a word of nothing but a's strips
    # to nothing: no set is built for the common first word outside the vocabulary).
    if words[0] not in _BUTTON_VOCABULARY and words[0].strip("a"):
        return None
    if all(w in SHARE_SERVICES or w in SHARE_WORDS for w in words) and any(
        w in SHARE_SERVICES or w.startswith(("share", "tweet", "分享", "teilen")) for w in words
    ):
        return Label.SHARE_CONTROL, "only share-service names and share verbs"
    if _FONT_SIZE_LETTERS.match(text.strip()):
        return Label.PAGE_CONTROL, "font-size buttons (A A A)"
    if all(w in CONTROL_WORDS or set(w) == {"a"} for w in words) and any(
        w in CONTROL_STRONG or (len(w) >= 2 and set(w) == {"a"}) for w in words
    ):
        return Label.PAGE_CONTROL, "only page-control words (print, font size, back to top)"
    return None


def _footer_row(text: str) -> tuple[Label, str] | None:
    items = [i.strip().lower() for i in _ROW_SEPARATOR.split(text) if i.strip()]
    if len(items) < MIN_FOOTER_ROW_ITEMS:
        return None
    vocab = sum(1 for i in items if i in FOOTER_VOCAB)
    if vocab / len(items) >= MIN_FOOTER_VOCAB_SHARE:
        return Label.FOOTER, f"a row of {len(items)} site links, {vocab} of them about/contact/privacy-type"
    return None


def _notice_or_promotion(stripped: str, lowered: str, may_promote: bool) -> tuple[Label, str] | None:
    """A legal or cookie notice, else (if the line is short enough to `may_promote`) a promotion, or None."""
    if may_promote and not _NOTICE_OR_PROMOTION_TRIGGER(lowered):
        return None
    notice = _NOTICE_SEARCH.search(stripped, lowered) if _NOTICE_TRIGGER(lowered) else None
    if notice is not None:
        if notice.group("legal") is not None:
            return Label.LEGAL_NOTICE, "copyright or reproduction notice"
        return Label.COOKIE_NOTICE, "cookie or consent notice"
    if may_promote and _PROMOTION_TRIGGER(lowered) and _PROMOTION_SEARCH.search(stripped, lowered):
        return Label.PROMOTION, "app download, newsletter or follow-us call"
    return None


@lru_cache(maxsize=CACHE_SIZE)
def classify_furniture(text: str) -> tuple[Label, str] | None:
    """Return (label, reason) if the text, standing alone, is page furniture; None if it could be content."""
    stripped = text.strip()
    if not stripped:
        return None
    n_spaced = stripped.count(" ") + 1
    # Long prose is never furniture; the cheap space count rules it out before any tokenising.
    if n_spaced > MAX_WORDS_NOTICE * 2:
        return None
    if _may_open_counter(stripped) and _COUNTER.match(stripped):
        return Label.COUNTER, "a bare number or count"
    # One lower-casing serves every caseless test below (CaselessSearch: on most text it stands in for ignoring case).
    lowered = stripped.lower()
    if n_spaced <= MAX_WORDS_COMMENT_HEADER and _is_comment_header(stripped, lowered):
        return Label.COMMENTS, COMMENT_HEADER_REASON
    if n_spaced <= MAX_WORDS_SHORT_FURNITURE and _TIMESTAMP_MATCH.match(stripped, lowered):
        return Label.TIMESTAMP, "a bare date or time, as comments and lists stamp their items"
    # Tokenising (with camel-case splitting) is only worth it for lines short enough to be a button row.
    words = tokens(stripped, lowered) if n_spaced <= MAX_WORDS_SHORT_FURNITURE else []
    n_words = len(words) if words else n_spaced
    if n_words <= MAX_WORDS_SHORT_FURNITURE:
        found = _share_or_control(words, stripped)
        if found:
            return found
        short = _SHORT_MATCH.match(stripped, lowered)
        if short is not None and short.lastgroup in _SHORT_KINDS:
            _, label, reason = _SHORT_KINDS[short.lastgroup]
            return label, reason
        if stripped.startswith("More") and _MORE_GLUED.match(stripped):  # the pattern opens with "More"
            return Label.WIDGET_HEADING, "reads as the heading of a related/popular/more widget"
    if n_words <= MAX_WORDS_NOTICE:
        if _may_hold_row_separator(stripped):
            row = _footer_row(stripped)
            if row:
                return row
        found = _notice_or_promotion(stripped, lowered, n_words <= MAX_WORDS_SHORT_FURNITURE * 2)
        if found:
            return found
    elif n_words <= MAX_WORDS_COOKIE and "cookie" in lowered and _COOKIE.search(stripped):
        return Label.COOKIE_NOTICE, "cookie or consent notice"
    if (
        n_words <= MAX_WORDS_SHORT_FURNITURE
        and contains_any(stripped, BREADCRUMB_SEPARATORS)
        and _BREADCRUMB.match(stripped)
        and not re.search(r"\d/\d", stripped)
    ):
        return Label.NAVIGATION, "a breadcrumb trail"
    return None
