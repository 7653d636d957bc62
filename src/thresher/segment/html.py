"""HTML DOM into blocks: one `Block` per block-level element's own text, walked without recursion.

The walk keeps a side table of *containers* (every block-level element it entered: its tag, id/class, parent and the
range of blocks under it) so that labelling can reason about which part of the page holds the main content without
walking the DOM again. Non-visible content (scripts, styles, templates, hidden elements) is dropped before the walk.

The walk uses selectolax's lexbor tree and steps with `child` / `next` / an explicit stack, so a page nested
100,000 elements deep costs memory, never a RecursionError.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field, fields

from selectolax.lexbor import LexborHTMLParser, LexborNode

from thresher.compiled import compiled_module
from thresher.model import Block, Role

# Elements whose content is never visible text on the rendered page. (<noscript> is not among them: the parser reads
# it as a reader without scripts sees it, so an element left open inside it takes in the rest of the page, and some
# pages keep their article only there; it is a container the labeller counts as furniture unless it holds most of the
# page's prose.)
INVISIBLE_TAGS = [
    "script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head",
    "audio", "video", "map", "datalist", "dialog",
    # Ruby annotations: <rt> is a reading set above the base text (漢字 with かんじ), not part of the sentence; <rp>
    # holds the parentheses only browsers without ruby show. Kept, they garble the text ("漢字かんじ").
    "rt", "rp",
]
# Inline styles that hide an element, in their two common spellings (matched as substrings, case-sensitive).
HIDDEN_STYLE_FRAGMENTS = ("display:none", "display: none", "visibility:hidden", "visibility: hidden")
# Elements hidden by attribute or inline style.
HIDDEN_SELECTOR = ", ".join(
    ["[hidden]", '[aria-hidden="true"]', *(f'[style*="{fragment}"]' for fragment in HIDDEN_STYLE_FRAGMENTS)]
    + ['input[type="hidden"]']
)
# Elements that start a new block (everything else is inline and its text joins the enclosing block).
BLOCK_TAGS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "aside", "nav", "header", "footer", "p", "h1", "h2",
        "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre", "blockquote", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "form", "fieldset", "legend", "address",
        "details", "summary", "center", "hr", "menu", "dir", "frameset", "frame", "hgroup", "search", "option",
        "select", "button", "textarea", "label", "output", "picture", "noframes", "marquee", "listing", "xmp",
        "plaintext", "noscript",
    }
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Form controls: their text is visible but is a control's caption, never prose.
CONTROL_TAGS = frozenset({"button", "select", "option", "textarea", "label", "output", "legend"})
# Elements whose id/class are not read: their text's container (the list, the table, the div) names the part.
NAMELESS_TAGS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "tbody", "thead", "tfoot",
                           "option", "dt", "dd", "hr", "center", "summary", "legend"})
# Text inside these keeps its line breaks.
PREFORMATTED_TAGS = frozenset({"pre", "listing", "xmp", "plaintext", "textarea"})
# A block path shows at most this many elements, nearest last ("…>div#main>article>p").
PATH_MAX_ELEMENTS = 5
# A path element shows its id, else its first class, cut to this many characters (generated names are long).
PATH_MAX_ATTR_CHARS = 40
# How many elements the walk visits between two looks at the clock.
DEADLINE_CHECK_EVERY = 2048


@dataclass(slots=True)
class Container:
    """A block-level element the walk entered: where it sits and which blocks it holds."""

    tag: str
    ident: str  # "#id.class1.class2" as written, lower-cased; "" when it has neither
    parent: int  # index of the enclosing container, -1 for the root
    depth: int
    first_block: int = 0  # blocks [first_block, end_block) lie inside this element
    end_block: int = 0
    hint: str = ""  # ARIA role and microdata itemprop, lower-cased ("navigation", "articlebody"), for labelling


@dataclass(slots=True)
class Segmentation:
    """What the walk found: the blocks, the container tree, and which container owns each block.

    Only containers holding at least one block are kept (the root always is): an element with no text inside
    weighs nothing either way when the main content is chosen.
    """

    blocks: list[Block] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # per block: the container whose own text it is
    nodes_visited: int = 0  # elements the walk entered (text nodes between them are not counted)
    stopped_early: bool = False  # the walk hit its deadline; blocks cover only the start of the page


# Lexbor's tree building slows down quadratically with nesting depth (100,000 nested divs take minutes), and the
# parse cannot be interrupted, so deep nesting is cut before parsing. Deeper than this nobody reads a page.
MAX_NESTING_DEPTH = 1000
# Deep nesting is a long stretch of opening tags with no closing tag: the page is scanned in windows of this many
# characters, and a window with no "</" but at least NESTING_SCAN_MIN_TAGS tags marks the page for the exact check.
NESTING_SCAN_WINDOW = 4096
NESTING_SCAN_MIN_TAGS = 200
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)[^<>]*?(/?)>")
VOID_TAGS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
     "keygen", "frame", "basefont", "isindex"}
)


def may_be_deeply_nested(
    html: str | bytes, window: int = NESTING_SCAN_WINDOW, min_tags: int = NESTING_SCAN_MIN_TAGS
) -> bool:
    """A cheap look for a window of many opening tags and no closing tag: lexbor's parse time grows with the square
    of the nesting depth (15 s for 100,000 nested divs), so such a page has its nesting cut before parsing.

    Pass the UTF-8 bytes when you have them: the compiled scan reads them in one pass (`crowded_window`, about 5x
    faster), and even the Python one searches bytes a little faster than a str holding non-ASCII characters.
    """
    if isinstance(html, bytes) and _COMPILED_SCAN is not None:
        return _COMPILED_SCAN(html, window, min_tags)
    open_mark, close_mark = (b"<", b"</") if isinstance(html, bytes) else ("<", "</")
    find, count = html.find, html.count
    for start in range(0, len(html), window):
        end = start + window
        if find(close_mark, start, end) < 0 and count(open_mark, start, end) >= min_tags:  # type: ignore[arg-type]
            return True
    return False


def limit_nesting(html: str, max_depth: int = MAX_NESTING_DEPTH) -> tuple[str, int]:
    """Drop opening tags (and their closing tags) nested deeper than `max_depth`; return (html, tags dropped).

    Text is kept; only the markup past the limit goes. Runs only on pages that `may_be_deeply_nested` flagged.
    """
    out: list[str] = []
    open_tags: list[tuple[str, bool]] = []  # (name, kept?)
    depth = 0
    dropped = 0
    position = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        keep = True
        if closing:
            if open_tags and open_tags[-1][0] == name:
                keep = open_tags.pop()[1]
                depth -= keep
        elif name not in VOID_TAGS and not self_closing:
            keep = depth < max_depth
            open_tags.append((name, keep))
            depth += keep
        if not keep:
            out.append(html[position : match.start()])
            position = match.end()
            dropped += 1
    out.append(html[position:])
    return "".join(out), dropped


def parse_html(html: str | bytes) -> LexborHTMLParser:
    """The lexbor tree of a page; bytes must be UTF-8 (what the parser turns a str into first)."""
    return LexborHTMLParser(html)


# Both kinds of invisible content in one selector: one pass of the selector engine instead of one per tag.
INVISIBLE_SELECTOR = ", ".join(INVISIBLE_TAGS) + ", " + HIDDEN_SELECTOR
# An `<html hidden>` or `<body hidden>` is an anti-flicker trick of page builders, not hidden content.
NEVER_HIDDEN_TAGS = ("html", "body")


def drop_invisible(tree: LexborHTMLParser | LexborNode) -> int:
    """Remove content a reader never sees (from a whole tree, or under one node); return how many elements went.

    An element inside one already removed is removed again harmlessly: removal only unlinks nodes.
    """
    removed = 0
    for node in tree.css(INVISIBLE_SELECTOR):
        if node.tag in NEVER_HIDDEN_TAGS:
            continue
        node.decompose()
        removed += 1
    return removed


# Class attributes repeat within a page and across a site's pages: their normalised form is cached, and the cache
# is emptied when it holds this many (a crawl sees endless generated names).
MAX_CACHED_CLASS_NAMES = 20_000
_CLASS_PART: dict[str, str] = {}


def _class_part(cls: str) -> str:
    """".class1.class2" of a class attribute, lower-cased."""
    part = _CLASS_PART.get(cls)
    if part is None:
        if len(_CLASS_PART) >= MAX_CACHED_CLASS_NAMES:
            _CLASS_PART.clear()
        part = _CLASS_PART[cls] = ("." + ".".join(cls.split())).lower()
    return part


def _ident(attrs: dict[str, str | None]) -> tuple[str, str]:
    """("#id.class1.class2", "role itemprop") of an element, lower-cased; empty strings when absent."""
    if not attrs:
        return "", ""
    get = attrs.get
    return _ident_of(get("id"), get("class"), get("role"), get("itemprop"))


def _ident_of(ident: str | None, cls: str | None, role: str | None, prop: str | None) -> tuple[str, str]:
    """`_ident` from the four attribute values (None when absent)."""
    out = ("#" + ident).lower() if ident else ""
    if cls:
        out += _CLASS_PART.get(cls) or _class_part(cls)
    if role or prop:
        return out, f"{role or ''} {prop or ''}".lower()
    return out, ""


# What the walk does with an element, by tag: join its text to the enclosing block, start a block, break a line,
# or record a link. Lexbor numbers the standard tags with small fixed ids; a custom element's id is a per-page
# pointer, so only ids below _MAX_CACHED_TAG_ID are cached across pages.
_INLINE, _BLOCK, _BREAK, _LINK, _SKIP = 0, 1, 2, 3, 4
_MAX_CACHED_TAG_ID = 4096
_SPACE_AFTER = -2  # stack marker: a block element joined into a heading, whose end separates words
_TAG_INFO_BY_ID: dict[int, tuple[int, str]] = {}  # tag id -> (kind, tag name): reading a tag name costs a lookup
_TEXT_TAG_ID = LexborHTMLParser("<p>x</p>").css_first("p").first_child.tag_id  # type: ignore[union-attr]


def _tag_kind(tag: str | None) -> int:
    if not tag or tag[0] == "-":  # "-comment", "-doctype": no visible text
        return _SKIP
    if tag in BLOCK_TAGS or "-" in tag:  # custom elements are components: treat them as blocks
        return _BLOCK
    if tag == "br":
        return _BREAK
    return _LINK if tag == "a" else _INLINE


def _tag_info(node: LexborNode, tag_id: int) -> tuple[int, str]:
    """(kind, tag name) of an element, cached by tag id for the standard tags."""
    tag = node.tag or ""
    info = (_tag_kind(tag), tag)
    if tag_id < _MAX_CACHED_TAG_ID:
        _TAG_INFO_BY_ID[tag_id] = info
    return info


def _visible_chars(text: str) -> int:
    """Characters that are not white space, of text whose white space is already single spaces."""
    return len(text) - text.count(" ")


# Blocks are made positionally (a keyword call costs twice as much on the hot path): the order is checked here, so a
# field added to Block anywhere but at its end fails at import instead of filling the wrong fields.
_BLOCK_FIELDS_USED = (
    "index", "text", "role", "label", "reason", "language", "line_no", "path", "tag", "link_density", "group", "links",
)
if tuple(f.name for f in fields(Block))[: len(_BLOCK_FIELDS_USED)] != _BLOCK_FIELDS_USED:  # pragma: no cover
    raise ImportError("thresher.model.Block changed its field order: update segment.html._make_block")
_BODY = Role.BODY


def _block_text(raw: str, pre: bool) -> tuple[str, int] | None:
    """(text, non-blank characters) of gathered text: white space folded, or only line ends trimmed inside <pre>;
    None when it is blank."""
    if pre:
        text = "\n".join(line.rstrip() for line in raw.strip("\n").splitlines())
        if not text.strip():
            return None
        return text, len("".join(text.split()))
    text = " ".join(raw.split())
    if not text:
        return None
    return text, len(text) - text.count(" ")


def _make_block(seg: Segmentation, raw: str, pre: bool, link_chars: int, owner: int, links: list) -> None:
    """Close gathered text as one block of container `owner` (nothing when it is blank).

    `link_chars` counts the non-blank characters of the block's link text; the block's own are counted here, once.
    """
    made = _block_text(raw, pre)
    if made is None:
        return
    text, chars = made
    container = seg.containers[owner]
    parent = container.parent
    blocks = seg.blocks
    density = link_chars / chars
    blocks.append(
        Block(
            len(blocks), text, _BODY, None, None, None, None, None, container.tag, density if density < 1.0 else 1.0,
            parent if parent >= 0 else owner, tuple(links) if links else None,
        )
    )
    seg.owner.append(owner)


def walk_blocks_python(root: LexborNode, deadline: float | None = None) -> Segmentation:
    """Walk the tree under `root` in document order and cut it into blocks; stop early past `deadline`.

    This is the walk's definition; `segment._walk` is the same walk compiled, used when it could be built (see
    `walk_blocks`). Its state lives in local variables rather than an object, and a text node costs one lookup and
    one append: characters are counted once per block and once per link, not per node.
    """
    seg = Segmentation()
    containers = seg.containers
    ident, hint = _ident(root.attributes)
    containers.append(Container(tag=root.tag or "body", ident=ident, hint=hint, parent=-1, depth=0))
    owner = 0  # the container whose own text is being gathered
    parts: list[str] = []  # text gathered for the next block
    link_chars = 0  # non-blank characters of the links closed in the gathered text
    links: list[tuple[str, str]] = []
    pre_depth = 0
    # Frames of the elements we are inside: (node, container index or -1 for inline, link text start or -1, href).
    stack: list[tuple[LexborNode, int, int, str]] = []
    link_start = -1  # index into `parts` where the open link's text starts (-1: not in a link)
    visited = 0
    until_clock = DEADLINE_CHECK_EVERY
    info_by_id = _TAG_INFO_BY_ID
    text_id = _TEXT_TAG_ID
    node: LexborNode | None = root.first_child

    while node is not None:
        tag_id = node.tag_id
        if tag_id == text_id:
            text = node.text_content
            if text:
                parts.append(text)
        else:
            # Only elements are counted: the parser merges adjacent text, so text nodes are at most one per element.
            until_clock -= 1
            if not until_clock:
                visited += DEADLINE_CHECK_EVERY
                until_clock = DEADLINE_CHECK_EVERY
                if deadline is not None and time.monotonic() > deadline:
                    seg.stopped_early = True  # keep what was read: a runaway page gives a partial, flagged result
                    break
            kind, tag = info_by_id.get(tag_id) or _tag_info(node, tag_id)
            if kind == _INLINE:
                child = node.first_child
                if child is not None:
                    if child.next is None and child.tag_id == text_id:
                        # The common case, <b>text</b>: take the text without entering the element.
                        text = child.text_content
                        if text:
                            parts.append(text)
                    else:
                        stack.append((node, -1, -1, ""))
                        node = child
                        continue
            elif kind == _BLOCK:
                if containers[owner].tag in HEADING_TAGS:
                    # A heading's text is one block even when the page wraps its parts in divs or spans.
                    parts.append(" ")  # the parts were on separate lines: keep the words apart
                    child = node.first_child
                    if child is not None:
                        stack.append((node, -1, _SPACE_AFTER, ""))
                        node = child
                        continue
                else:
                    if parts:
                        raw = "".join(parts)
                        if not raw.isspace():  # white space alone makes no block
                            if link_start >= 0:  # the open link's text so far belongs to the block being closed
                                link_chars += _visible_chars(" ".join("".join(parts[link_start:]).split()))
                            _make_block(seg, raw, pre_depth > 0, link_chars, owner, links)
                        if link_start >= 0:
                            link_start = 0
                        parts, link_chars, links = [], 0, []
                    child = node.first_child
                    if child is not None:  # an empty element ends the text before it but holds no block
                        index = len(containers)
                        # Named when it closes holding a block: most empty elements are never named.
                        containers.append(Container(tag, "", owner, containers[owner].depth + 1, len(seg.blocks)))
                        if tag in PREFORMATTED_TAGS:
                            pre_depth += 1
                        owner = index
                        stack.append((node, index, -1, ""))
                        node = child
                        continue
            elif kind == _LINK:
                child = node.first_child
                if child is not None:
                    if link_start < 0 and child.next is None and child.tag_id == text_id:
                        # The common link, <a href>text</a>: its anchor is its one text node.
                        text = child.text_content
                        if text:
                            parts.append(text)
                            anchor = " ".join(text.split())
                            if anchor:
                                link_chars += len(anchor) - anchor.count(" ")
                                attrs = node.attributes
                                href = attrs.get("href") if attrs else None
                                if href:
                                    links.append((anchor, href))
                    elif link_start < 0:
                        attrs = node.attributes
                        stack.append((node, -1, len(parts), attrs.get("href") or "" if attrs else ""))
                        link_start = len(parts)
                        node = child
                        continue
                    else:  # a link inside a link: the outer one counts
                        stack.append((node, -1, -1, ""))
                        node = child
                        continue
            elif kind == _BREAK:
                if pre_depth:
                    parts.append("\n")
                elif parts:
                    raw = "".join(parts)
                    if not raw.isspace():
                        if link_start >= 0:
                            link_chars += _visible_chars(" ".join("".join(parts[link_start:]).split()))
                        _make_block(seg, raw, False, link_chars, owner, links)
                    if link_start >= 0:
                        link_start = 0
                    parts, link_chars, links = [], 0, []
        # Leave the node: go to its next sibling, or climb and close the elements we finish on the way.
        while True:
            nxt = node.next
            if nxt is not None:
                node = nxt
                break
            if not stack:
                node = None
                break
            node, index, start, href = stack.pop()
            if index >= 0:
                if parts:
                    raw = "".join(parts)
                    if not raw.isspace():
                        if link_start >= 0:
                            link_chars += _visible_chars(" ".join("".join(parts[link_start:]).split()))
                        _make_block(seg, raw, pre_depth > 0, link_chars, index, links)
                    if link_start >= 0:
                        link_start = 0
                    parts, link_chars, links = [], 0, []
                container = containers[index]
                end = container.end_block = len(seg.blocks)
                owner = container.parent
                if pre_depth and container.tag in PREFORMATTED_TAGS:
                    pre_depth -= 1
                if end == container.first_block:
                    # No block inside: labelling has nothing to weigh in it. Its descendants, as empty, went already,
                    # so it is the last container.
                    containers.pop()
                elif container.tag not in NAMELESS_TAGS:
                    container.ident, container.hint = _ident(node.attributes)
            elif start >= 0:
                anchor = " ".join("".join(parts[link_start:]).split())
                if anchor:
                    link_chars += len(anchor) - anchor.count(" ")
                    if href:
                        links.append((anchor, href))
                link_start = -1
            elif start == _SPACE_AFTER:
                parts.append(" ")
    if parts:
        if link_start >= 0:
            link_chars += _visible_chars(" ".join("".join(parts[link_start:]).split()))
        _make_block(seg, "".join(parts), pre_depth > 0, link_chars, 0 if owner < 0 else owner, links)
    containers[0].end_block = len(seg.blocks)
    if stack:  # stopped early: the elements still open hold what was read inside them, and are named now
        for frame_node, index, _, _ in stack:
            if index >= 0:
                container = containers[index]
                container.end_block = len(seg.blocks)
                if container.tag not in NAMELESS_TAGS:
                    container.ident, container.hint = _ident(frame_node.attributes)
    seg.nodes_visited = visited + DEADLINE_CHECK_EVERY - until_clock
    return seg


_INVISIBLE_TAG_SET = frozenset(INVISIBLE_TAGS)


def _tag_flags(tag: str) -> int:
    """What the compiled walk must know of a tag besides its kind: heading 1, preformatted 2, nameless 4,
    invisible 8, never hidden by attribute 16, input 32 (hidden by its type)."""
    return (
        (tag in HEADING_TAGS) | (tag in PREFORMATTED_TAGS) << 1 | (tag in NAMELESS_TAGS) << 2
        | (tag in _INVISIBLE_TAG_SET) << 3 | (tag in NEVER_HIDDEN_TAGS) << 4 | (tag == "input") << 5
    )


def _compiled_module():
    """segment/_walk.pyx's module when it was built (and THRESHER_PURE_PYTHON is not set), else None."""
    return compiled_module("thresher.segment._walk")


def _bind_compiled_walk(_walk):
    """The compiled module (`_compiled_module()`) when it reads this selectolax's tree correctly; else None."""
    if _walk is None:
        return None
    from selectolax import lexbor as selectolax_lexbor

    page = LexborHTMLParser('<body><div id="Probe" class="a b"><p>text é<a href="/x">link</a></p></div></body>')
    div = page.css_first("div")
    p = page.css_first("p")
    if div is None or p is None or not hasattr(div, "mem_id") or not _walk.bind(selectolax_lexbor.__file__):
        return None
    text, link, body = p.first_child, p.css_first("a"), page.body
    ok = _walk.probe(div.mem_id, p.mem_id, text.mem_id, link.mem_id, body.mem_id, "text é", "/x", "Probe")
    _walk.configure(Block, _BODY, Container, _block_text, _ident_of, _tag_kind, _tag_flags, HIDDEN_STYLE_FRAGMENTS)
    _walk.enable(ok)
    return _walk if ok else None


_COMPILED_MODULE = _compiled_module()
_COMPILED_WALK = _bind_compiled_walk(_COMPILED_MODULE)
# The nesting scan reads only bytes, no tree: it needs the module, not the probe.
_COMPILED_SCAN = getattr(_COMPILED_MODULE, "crowded_window", None)


def walk_blocks(root: LexborNode, deadline: float | None = None) -> Segmentation:
    """Cut the visible content under `root` into blocks, in document order; stop early past `deadline`.

    The compiled walk when it is there (it skips invisible elements as it goes), else `drop_invisible` then
    `walk_blocks_python`: the two give the same Segmentation.
    """
    if _COMPILED_WALK is None:
        drop_invisible(root)
        return walk_blocks_python(root, deadline)
    return walk_blocks_compiled(root, deadline)


def walk_blocks_compiled(root: LexborNode, deadline: float | None = None) -> Segmentation:
    """`drop_invisible` + `walk_blocks_python`, compiled (segment/_walk.pyx) and without touching the tree: invisible
    elements are skipped, not removed. Only callable when `compiled_walk_available()`."""
    if _COMPILED_WALK is None:
        raise RuntimeError("the compiled DOM walk is not available: use walk_blocks_python")
    tag = root.tag or "body"
    blocks, containers, owner, visited, stopped = _COMPILED_WALK.walk(
        root.mem_id, tag, _ident(root.attributes), -1.0 if deadline is None else deadline, DEADLINE_CHECK_EVERY
    )
    return Segmentation(blocks=blocks, containers=containers, owner=owner, nodes_visited=visited, stopped_early=stopped)


def compiled_walk_available() -> bool:
    """True when HTML mode walks the DOM with the compiled walk."""
    return _COMPILED_WALK is not None


def _short_ident(ident: str) -> str:
    """The id, else the first class: enough to recognise an element in a path."""
    if not ident:
        return ""
    end = ident.find(".", 1)
    short = ident if end < 0 else ident[:end]
    return short[:PATH_MAX_ATTR_CHARS]


def element_name(seg: Segmentation, container: int) -> str:
    """One path element: the tag with its id, else its first class ("div#main", "aside.related")."""
    c = seg.containers[container]
    return c.tag + _short_ident(c.ident)


def block_path(seg: Segmentation, container: int) -> str:
    """A short CSS-like path to a container: its nearest PATH_MAX_ELEMENTS elements, outermost first."""
    parts: list[str] = []
    containers = seg.containers
    index = container
    while index >= 0 and len(parts) < PATH_MAX_ELEMENTS:
        c = containers[index]
        parts.append(c.tag + _short_ident(c.ident))
        index = c.parent
    prefix = "…>" if index >= 0 else ""
    return prefix + ">".join(reversed(parts))


# Short names of idents, cached like class names (and emptied at the same size).
_SHORT_IDENT: dict[str, str] = {}


def assign_paths(seg: Segmentation) -> None:
    """Set every block's path (the compiled version when it is there: see `assign_paths_python`)."""
    if _COMPILED_WALK is None:
        assign_paths_python(seg)
    else:
        _COMPILED_WALK.assign_paths(seg.blocks, seg.owner, seg.containers, PATH_MAX_ELEMENTS, PATH_MAX_ATTR_CHARS)


def assign_paths_python(seg: Segmentation) -> None:
    """Set every block's path, building each container's path once from its parent's (no walk up per block)."""
    containers = seg.containers
    tails: list[tuple[str, ...] | None] = [None] * len(containers)  # last PATH_MAX_ELEMENTS names per container
    paths: list[str | None] = [None] * len(containers)
    short_idents = _SHORT_IDENT
    keep = 1 - PATH_MAX_ELEMENTS  # a parent's tail keeps its last PATH_MAX_ELEMENTS - 1 names for the child
    for block, owner in zip(seg.blocks, seg.owner):
        path = paths[owner]
        if path is None:
            # Fill in the chain from the nearest ancestor already known (parents come before children).
            chain = []
            index = owner
            while index >= 0 and tails[index] is None:
                chain.append(index)
                index = containers[index].parent
            for index in reversed(chain):
                c = containers[index]
                ident = c.ident
                if ident:
                    short = short_idents.get(ident)
                    if short is None:
                        if len(short_idents) >= MAX_CACHED_CLASS_NAMES:
                            short_idents.clear()
                        short = short_idents[ident] = _short_ident(ident)
                    name = c.tag + short
                else:
                    name = c.tag
                parent_tail = tails[c.parent] if c.parent >= 0 else ()
                tails[index] = parent_tail[keep:] + (name,)  # type: ignore[index,operator]
            tail = tails[owner]
            deep = containers[owner].depth >= PATH_MAX_ELEMENTS
            path = paths[owner] = ("…>" if deep else "") + ">".join(tail)  # type: ignore[arg-type]
        block.path = path


def segment_html(tree: LexborHTMLParser, deadline: float | None = None, paths: bool = True) -> Segmentation:
    """Cut the visible content of `tree`'s body into blocks with their container tree (the Python walk first drops
    invisible content from the tree, in place); with `paths`, each block gets its element path."""
    root = tree.body or tree.root
    if root is None:
        return Segmentation(containers=[Container(tag="body", ident="", parent=-1, depth=0)])
    seg = walk_blocks(root, deadline)
    if paths:
        assign_paths(seg)
    return seg
