"""What an element's tag, id, class and ARIA role say about the part of the page it holds.

Web pages name their parts in a shared vocabulary (`nav`, `sidebar`, `related-posts`, `comment-list`, `share-bar`,
`article-body`); these word lists turn an element's names into a `Label` for the furniture it holds, or into
evidence that it holds the main content. Names are split into words at `-`, `_`, spaces and camel-case joins, and
adjacent words are also tried joined ("article-body" -> "articlebody") so compound spellings match one entry.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from thresher.compiled import compiled_module
from thresher.model import Label

# Tags that are furniture by their HTML meaning.
TAG_KIND: dict[str, Label] = {
    "nav": Label.NAVIGATION,
    "menu": Label.NAVIGATION,
    "footer": Label.FOOTER,
    "aside": Label.BOILERPLATE,
    "form": Label.LOGIN,
    "figcaption": Label.MEDIA_CAPTION,
    # What a reader without scripts sees: "please enable JavaScript", a tracking pixel, a menu; when it holds most of
    # the page's prose it is the article (kept only there, or an unclosed element in it took in the page).
    "noscript": Label.BOILERPLATE,
}
# Tags whose meaning is only a hint: a `<form>` often wraps a whole page (ASP.NET), so it counts as a weak word.
WEAK_TAGS = frozenset({"form"})
# ARIA landmark roles with the same meaning.
ROLE_KIND: dict[str, Label] = {
    "navigation": Label.NAVIGATION,
    "menu": Label.NAVIGATION,
    "menubar": Label.NAVIGATION,
    "contentinfo": Label.FOOTER,
    "complementary": Label.BOILERPLATE,
    "banner": Label.BOILERPLATE,
    "search": Label.NAVIGATION,
    "dialog": Label.PROMOTION,
    "alertdialog": Label.PROMOTION,
}

# id/class words naming furniture, by the label they earn.
_WORD_KIND_LISTS: dict[Label, tuple[str, ...]] = {
    Label.NAVIGATION: (
        "nav", "navbar", "navigation", "menu", "menubar", "breadcrumb", "breadcrumbs", "crumbs", "pagination",
        "pager", "topbar", "skiplink", "skiplinks", "sitemap", "toolbar", "tabs", "subnav", "sidenav", "megamenu",
        "topnav", "mainnav", "navlinks", "prevnext", "postnav", "postnavigation", "pagenav",
    ),
    Label.SHARE_CONTROL: (
        "share", "sharing", "shares", "social", "socials", "sharebar", "sharetools", "addthis", "sociallinks",
        "socialmedia", "sharethis", "shareaholic", "sharedaddy", "socialshare", "follow", "followus", "likes",
        "sociable", "likebox", "likebutton",
    ),
    Label.PAGE_CONTROL: (
        "print", "tools", "toolbox", "sronly", "screenreader", "visuallyhidden", "screenreadertext", "skip",
        "offscreen", "hide", "hidden", "collapse", "modal", "popup", "overlay", "lightbox", "backtotop",
    ),
    Label.RELATED_LINKS: (
        "related", "relatedposts", "relatedarticles", "recommended", "recommendations", "recommendation",
        "outbrain", "taboola", "trending", "popular", "mostread", "mostpopular", "teaser", "teasers", "morestories",
        "readmore", "readnext", "upnext", "morenews", "youmaylike", "also", "nextarticle", "feed", "headlines",
        "carousel", "slider", "breaking", "ticker", "newsticker", "latest", "morelinks",
    ),
    Label.COMMENTS: (
        "comment", "comments", "commentlist", "commentlists", "disqus", "respond", "replies", "discussion",
        "discuss", "reactions", "commentary", "commenting", "talk",
    ),
    Label.FOOTER: ("footer", "foot", "colophon", "sitefooter", "pagefooter", "bottom"),
    Label.LEGAL_NOTICE: ("copyright", "legal", "disclaimer", "imprint", "impressum", "license", "licence", "terms"),
    Label.BOILERPLATE: (
        "sidebar", "widget", "widgets", "rail", "rightrail", "leftrail", "sidebox", "aside", "complementary",
        "secondary", "masthead", "header", "siteheader", "pageheader", "topic", "topics", "tags", "tagcloud",
        "tag", "categories", "category", "author", "authorbox", "authorbio", "bio", "about", "profile", "hidden",
        "authorinfo", "aboutauthor", "postauthor", "entryauthor", "authordescription", "authorbiography",
        "authordetails", "authorprofile", "authorcard", "authortooltip", "saboxplugin", "disclosure", "recirculation", "buybox", "appendix",
        "extra", "links", "meta", "info", "hero", "card", "cards", "box", "module", "sitename", "logo", "brand",
    ),
    Label.ADVERTISEMENT: (
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle", "sponsor", "sponsored",
        "sponsors", "dfp", "gpt", "adslot", "adunit", "adcontainer", "adwrapper", "banner", "commercial", "anzeige",
        "werbung", "affiliate",
    ),
    Label.PROMOTION: (
        "newsletter", "subscribe", "subscription", "signup", "promo", "promotion", "promotions", "cta",
        "membership", "donate", "donation", "appdownload", "optin", "nativead",
    ),
    Label.COOKIE_NOTICE: ("cookie", "cookies", "consent", "gdpr", "cmp", "privacy"),
    Label.LOGIN: ("login", "signin", "register", "registration", "logon", "account"),
    Label.MEDIA_CAPTION: (
        "caption", "credit", "credits", "photocredit", "gallery", "slideshow", "video", "player", "image", "images",
        "photo", "photos", "img", "picture", "thumbnail", "thumb", "figure", "imagewrapper", "mediacaption",
    ),
}
WORD_KIND: dict[str, Label] = {word: label for label, words in _WORD_KIND_LISTS.items() for word in words}

# Words of weak evidence: they name furniture only when nothing on the element speaks for content. A word is weak
# when it is often part of an element that wraps the article ("page-header", "post-meta", "has-sidebar").
WEAK_WORDS = frozenset(
    {
        "header", "masthead", "hidden", "hide", "extra", "links", "meta", "info", "hero", "card", "cards", "box",
        "module", "bottom", "tools", "topic", "topics", "tag", "category", "categories", "feed", "about", "profile",
        "secondary", "app", "collapse", "tabs", "foot", "video", "player", "gallery", "slider", "carousel",
        "headlines", "also", "follow", "teaser", "teasers", "print", "talk", "author", "privacy", "terms", "license", "licence",
        "account", "banner", "commercial", "bio", "brand", "logo", "sitename", "popup", "overlay", "modal",
    }
)

# Words naming the main content; a compound of these (after joining) resets any furniture evidence above it.
CONTENT_WORDS = frozenset(
    {
        "article", "content", "entry", "post", "story", "body", "text", "blog", "prose", "richtext", "markdown",
    }
)
CONTENT_COMPOUNDS = frozenset(
    {
        "articlebody", "storybody", "postbody", "entrycontent", "postcontent", "articlecontent", "articletext",
        "storytext", "bodytext", "maincontent", "storycontent", "posttext", "entrybody", "newsbody", "newstext",
        "contentbody", "blogpost", "postentry", "articledetail", "newsdetail", "textbody", "richtext",
        "articlesection", "mainarticle", "singlepost", "postsingle", "articlemain", "artikeltext", "artikel",
        "haupttext", "inhalt", "contenido", "contenu", "articolo", "tresc",
    }
)

# Words that follow "text" or "body" in styling utility classes ("text-lg", "text-center", "body-sm").
STYLE_WORDS = frozenset(
    {
        "xs", "sm", "md", "lg", "xl", "xxl", "2xl", "3xl", "base", "small", "large", "big", "left", "right", "center",
        "centre", "justify", "start", "end", "bold", "italic", "light", "muted", "white", "black", "gray", "grey",
        "primary", "secondary", "uppercase", "lowercase", "capitalize", "truncate", "wrap", "nowrap", "color",
        "colour", "size", "align", "dark", "red", "blue", "green",
    }
)

# Furniture kinds an <article> element can be: other people's texts and other pages' teasers.
ARTICLE_FURNITURE = frozenset({Label.COMMENTS, Label.RELATED_LINKS, Label.ADVERTISEMENT, Label.PROMOTION})

# Stems found inside longer glued names ("imageembedcaption", "relatedstorieslist", "sitefooterwrap"); only
# stems too specific to occur by chance inside other words are listed.
STEM_KIND: tuple[tuple[str, Label], ...] = (
    ("caption", Label.MEDIA_CAPTION), ("credit", Label.MEDIA_CAPTION), ("comment", Label.COMMENTS),
    ("social", Label.SHARE_CONTROL), ("sharing", Label.SHARE_CONTROL), ("related", Label.RELATED_LINKS),
    ("recommend", Label.RELATED_LINKS), ("trending", Label.RELATED_LINKS), ("sidebar", Label.BOILERPLATE),
    ("widget", Label.BOILERPLATE), ("advert", Label.ADVERTISEMENT), ("sponsor", Label.ADVERTISEMENT),
    ("newsletter", Label.PROMOTION), ("subscri", Label.PROMOTION), ("signup", Label.PROMOTION),
    ("promo", Label.PROMOTION), ("feedback", Label.PROMOTION), ("footer", Label.FOOTER),
    ("breadcrumb", Label.NAVIGATION), ("navigation", Label.NAVIGATION), ("navbar", Label.NAVIGATION),
    ("cookie", Label.COOKIE_NOTICE), ("consent", Label.COOKIE_NOTICE),
)
# Words this short are only matched whole.
MIN_STEM_WORD_CHARS = 6

# Words naming an embedded post (a tweet, an Instagram post) quoted by the article: content, whatever social
# words stand next to them.
EMBED_WORDS = frozenset({"embed", "embedded", "tweet", "twittertweet", "instagrammedia", "oembed"})

# Words naming metadata of the article rather than furniture: the labeller keeps them apart from body text.
METADATA_WORDS: dict[str, Label] = {
    "byline": Label.BYLINE,
    "bylines": Label.BYLINE,
    "author": Label.BYLINE,
    "authors": Label.BYLINE,
    "writer": Label.BYLINE,
    "dateline": Label.DATELINE,
    "date": Label.DATELINE,
    "time": Label.DATELINE,
    "timestamp": Label.DATELINE,
    "published": Label.DATELINE,
    "pubdate": Label.DATELINE,
    "posted": Label.DATELINE,
    "postdate": Label.DATELINE,
    "datum": Label.DATELINE,
    "datetime": Label.DATELINE,
}

# A run of letters and digits with a letter in it: bare numbers ("post-1234") are no words. (The lookbehind tries
# each run from its start only, so a long run of digits costs linear time.)
_WORD = re.compile(r"(?<![a-z0-9])[a-z0-9]*[a-z][a-z0-9]*")
_NO_EVIDENCE: tuple[Label | None, str, bool, Label | None] = (None, "", False, None)
_CONTENT_EVIDENCE: tuple[Label | None, str, bool, Label | None] = (None, "", True, None)
_EMBED_ANALYSIS = (False, True, False, None, None, None, True)
_COMPOUND_ANALYSIS = (True, False, False, None, None, None, True)
_PLAIN_ANALYSIS = (False, False, False, None, None, None, True)  # words, none of them saying anything


def name_words(ident: str) -> list[str]:
    """The words of a lower-cased id/class string: "#main-nav.share_bar" -> ["main", "nav", "share", "bar"]."""
    return _WORD.findall(ident.lower())


def _stem_in(word: str) -> tuple[Label, str] | None:
    """The first stem of STEM_KIND inside a long word (list order decides between two), None in a short one."""
    if len(word) <= MIN_STEM_WORD_CHARS:
        return None
    for stem, label in STEM_KIND:
        if stem in word:
            return label, stem
    return None


# Names are analysed by the thousand per page and most of their words are not vocabulary: what each vocabulary word
# says is looked up once, here, as (embed?, content word?, metadata kind, furniture (label, word), weak?, stem).
_VOCABULARY: dict[str, tuple[bool, bool, Label | None, tuple[Label, str] | None, bool, tuple[Label, str] | None]] = {
    word: (
        word in EMBED_WORDS,
        word in CONTENT_WORDS,
        METADATA_WORDS.get(word),
        (WORD_KIND[word], word) if word in WORD_KIND else None,
        word in WEAK_WORDS,
        _stem_in(word),
    )
    for word in (*EMBED_WORDS, *CONTENT_WORDS, *METADATA_WORDS, *WORD_KIND, *WEAK_WORDS)
}
# Two adjacent words joined: a content compound (True) or a strong furniture word, (label, word).
_PAIRS: dict[str, bool | tuple[Label, str]] = {
    **{pair: (label, pair) for pair, label in WORD_KIND.items() if pair not in WEAK_WORDS},
    **dict.fromkeys(CONTENT_COMPOUNDS, True),
}
# A word without any stem in it is passed over with one search instead of a test per stem.
_ANY_STEM = re.compile("|".join(re.escape(stem) for stem, _ in STEM_KIND))


@lru_cache(maxsize=16384)
def _name_analysis(
    name: str,
) -> tuple[bool, bool, bool, tuple[Label, str] | None, tuple[Label, str] | None, Label | None, bool]:
    """What one id or class says: (content compound?, embed?, content word?, strong furniture, weak furniture,
    metadata kind, has words?). Cached per name: class names recur across the pages of a site and of the web."""
    words = name_words(name)
    strong: tuple[Label, str] | None = None
    weak: tuple[Label, str] | None = None
    metadata: Label | None = None
    content_word = False
    previous = ""
    for position, word in enumerate(words):
        facts = _VOCABULARY.get(word)
        if facts is not None and facts[0]:
            return _EMBED_ANALYSIS
        if position:
            pair = _PAIRS.get(previous + word)
            if pair is True:
                return _COMPOUND_ANALYSIS
            if pair is not None and strong is None:
                strong = pair  # type: ignore[assignment]
        previous = word
        if facts is None:
            # Not a vocabulary word: only a stem inside it ("relatedstorieslist") can say something.
            if strong is None and len(word) > MIN_STEM_WORD_CHARS and _ANY_STEM.search(word):
                strong = _stem_in(word)
            continue
        _, content, word_metadata, furniture, weak_word, stem = facts
        if content:
            # "text-lg", "text-center": a styling utility class says how text looks, not that it is the content
            styling = position + 1 < len(words) and words[position + 1] in STYLE_WORDS
            content_word = content_word or not styling
            continue
        if metadata is None:
            metadata = word_metadata
        if furniture is None:
            if strong is None and stem is not None:
                strong = stem
        elif weak_word:
            if weak is None:
                weak = furniture
        elif strong is None:
            strong = furniture
    if not content_word and strong is None and weak is None and metadata is None and words:
        return _PLAIN_ANALYSIS
    return False, False, content_word, strong, weak, metadata, bool(words)


@lru_cache(maxsize=16384)
def name_evidence(tag: str, ident: str, hint: str) -> tuple[Label | None, str, bool, Label | None]:
    """(furniture label or None, the word that earned it, content evidence?, metadata label or None) of an element.

    `ident` is the lower-cased "#id.class" string, `hint` the lower-cased ARIA role and itemprop. Content evidence
    is a compound such as "article-body" or an ARIA `main` role / `articleBody` itemprop; it outranks furniture
    words on the same element. By strength: ARIA role, then tag meaning (nav, footer, aside), then a strong word,
    then a weak word. A weak word is ignored next to a content word ("post-meta"); a strong word stands.
    """
    if tag in ("body", "html"):
        return _NO_EVIDENCE  # their classes describe the kind of page ("single-post", "has-sidebar"), not a part
    hint_words = hint.split() if hint else ()
    for word in hint_words:
        if word == "main" or word == "articlebody":
            return _CONTENT_EVIDENCE
    # Words per name: the id and each class. A furniture word in one class next to a content word in another
    # ("entry share", "post has-sidebar") is a modifier of the content; inside one class ("comment-body",
    # "post-author-bio") it names the part.
    named = False  # whether any name has words
    strong: tuple[Label, str] | None = None
    strong_has_content = False  # whether the name giving the strong word also has a content word
    weak: tuple[Label, str] | None = None
    metadata: Label | None = None
    has_content_word = False
    # Split at "." and "#" by plain string methods: a pattern's split costs twice as much on these short strings.
    for name in ident.replace("#", ".").split(".") if ident else ():
        if not name:
            continue
        analysis = _name_analysis(name)
        if analysis is _PLAIN_ANALYSIS:
            named = True  # words, none of them vocabulary: the most common name by far
            continue
        compound, embed, content_word, name_strong, name_weak, name_meta, has_words = analysis
        if not has_words:
            continue
        named = True
        if compound:
            return _CONTENT_EVIDENCE
        if embed:
            return _NO_EVIDENCE
        has_content_word = has_content_word or content_word
        if strong is None and name_strong is not None:
            strong, strong_has_content = name_strong, content_word
        weak = weak or name_weak
        metadata = metadata or name_meta
    if not named:
        if tag in ("article", "main"):
            return _CONTENT_EVIDENCE
        for word in hint_words:
            if word in ROLE_KIND:
                return ROLE_KIND[word], f"role={word}", False, None
        if tag in TAG_KIND:
            return TAG_KIND[tag], f"<{tag}>", False, None
        return _NO_EVIDENCE
    if strong is not None and strong[0] is not Label.COMMENTS and has_content_word and not strong_has_content:
        strong = None  # a modifier class on a content element
    for word in hint_words:
        if word in ROLE_KIND:
            return ROLE_KIND[word], f"role={word}", False, metadata
    if tag in TAG_KIND and tag not in WEAK_TAGS:
        return TAG_KIND[tag], f"<{tag}>", False, metadata
    if tag in ("article", "main") and (strong is None or strong[0] not in ARTICLE_FURNITURE):
        # An <article> or <main> is content unless its names say it is someone else's (a comment, a teaser):
        # words like "enable-share" or "has-sidebar" on it describe its features, not its content.
        return _CONTENT_EVIDENCE if tag == "main" else (None, "", False, metadata)
    if strong is not None:
        # A page-wide wrapper named "content-sidebar-wrap" is not furniture: the labeller overrules names on
        # containers holding most of the page's prose, so strong words stand here even next to content words.
        return strong[0], strong[1], False, metadata
    if weak is None and tag in WEAK_TAGS:
        weak = (TAG_KIND[tag], f"<{tag}>")
    if weak is not None and not has_content_word and tag not in ("article", "main", "section"):
        return weak[0], weak[1], False, metadata
    return None, "", False, metadata


# The definitions above, uncached: the compiled twins are held to them (tests/test_label_names_compiled.py).
name_analysis_python = _name_analysis.__wrapped__
name_evidence_python = name_evidence.__wrapped__


def _cached_like(cached, function):
    """`function` behind a cache like `cached`'s (the same size), under the name and docstring of its definition."""
    twin = lru_cache(**cached.cache_parameters())(function)
    twin.__name__, twin.__qualname__, twin.__doc__ = cached.__name__, cached.__qualname__, cached.__doc__
    return twin


# label/_names.pyx's module when it was built: the same two functions compiled, several times faster on a cache miss
# (names are analysed by the thousand per page, and most of them only once); None keeps the Python code.
_COMPILED_NAMES = compiled_module("thresher.label._names")
if _COMPILED_NAMES is not None:
    # The cache keeps its name (thresher.caches empties it by name). The compiled name_evidence analyses each name
    # itself, without the _name_analysis cache: that costs less than making the name's string to look it up.
    name_evidence = _cached_like(name_evidence, _COMPILED_NAMES.name_evidence)
    _COMPILED_NAMES.configure(sys.modules[__name__], name_analysis_python)
