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
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from thresher.model import Block

# Elements whose content is never visible text on the rendered page.
INVISIBLE_TAGS = [
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "head",
    "audio", "video", "map", "datalist", "dialog",
]
# Elements hidden by attribute or inline style. Inline styles are matched on their two common spellings.
HIDDEN_SELECTOR = (
    '[hidden], [aria-hidden="true"], [style*="display:none"], [style*="display: none"], '
    '[style*="visibility:hidden"], [style*="visibility: hidden"], input[type="hidden"]'
)
# Elements that start a new block (everything else is inline and its text joins the enclosing block).
BLOCK_TAGS = frozenset(
    {
        "html", "body", "div", "section", "article", "main", "aside", "nav", "header", "footer", "p", "h1", "h2",
        "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "pre", "blockquote", "table", "thead", "tbody",
        "tfoot", "tr", "td", "th", "caption", "figure", "figcaption", "form", "fieldset", "legend", "address",
        "details", "summary", "center", "hr", "menu", "dir", "frameset", "frame", "hgroup", "search", "option",
        "select", "button", "textarea", "label", "output", "picture", "noframes", "marquee", "listing", "xmp",
        "plaintext",
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
# How many nodes the walk visits between two looks at the clock.
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
    """What the walk found: the blocks, the container tree, and which container owns each block."""

    blocks: list[Block] = field(default_factory=list)
    containers: list[Container] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)  # per block: the container whose own text it is
    nodes_visited: int = 0
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


def may_be_deeply_nested(html: str) -> bool:
    """A cheap look (C-speed slicing) for a window of many opening tags and no closing tag."""
    for start in range(0, len(html), NESTING_SCAN_WINDOW):
        window = html[start : start + NESTING_SCAN_WINDOW]
        if "</" not in window and window.count("<") >= NESTING_SCAN_MIN_TAGS:
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


def parse_html(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(html)


def drop_invisible(tree: LexborHTMLParser) -> int:
    """Remove content a reader never sees; return how many hidden elements went (tag removals are not counted)."""
    tree.strip_tags(INVISIBLE_TAGS)
    hidden = 0
    for node in tree.css(HIDDEN_SELECTOR):
        # An `<html hidden>` or `<body hidden>` is an anti-flicker trick of page builders, not hidden content.
        if node.tag in ("html", "body"):
            continue
        node.decompose()
        hidden += 1
    return hidden


def _ident(attrs: dict[str, str | None]) -> tuple[str, str]:
    """("#id.class1.class2", "role itemprop") of an element, lower-cased; empty strings when absent."""
    if not attrs:
        return "", ""
    ident = attrs.get("id") or ""
    out = "#" + ident if ident else ""
    cls = attrs.get("class")
    if cls:
        out += "." + ".".join(cls.split())
    role = attrs.get("role")
    prop = attrs.get("itemprop")
    hint = f"{role or ''} {prop or ''}" if role or prop else ""
    return out.lower(), hint.lower()


# What the walk does with an element, by tag: join its text to the enclosing block, start a block, break a line,
# or record a link. Lexbor numbers the standard tags with small fixed ids; custom elements get large ids per page.
_INLINE, _BLOCK, _BREAK, _LINK, _SKIP = 0, 1, 2, 3, 4
_MAX_CACHED_TAG_ID = 4096
_SPACE_AFTER = -2  # stack marker: a block element joined into a heading, whose end separates words
_TAG_KIND_BY_ID: dict[int, int] = {}
_TEXT_TAG_ID = LexborHTMLParser("<p>x</p>").css_first("p").child.tag_id  # type: ignore[union-attr]


def _tag_kind(tag: str | None) -> int:
    if not tag or tag[0] == "-":  # "-comment", "-doctype": no visible text
        return _SKIP
    if tag in BLOCK_TAGS or "-" in tag:  # custom elements are components: treat them as blocks
        return _BLOCK
    if tag == "br":
        return _BREAK
    return _LINK if tag == "a" else _INLINE


def _make_block(seg: Segmentation, raw: str, pre: bool, chars: int, link_chars: int, owner: int, links: list) -> None:
    """Close gathered text as one block of container `owner` (nothing when it is blank)."""
    if pre:
        text = "\n".join(line.rstrip() for line in raw.strip("\n").splitlines())
        if not text.strip():
            return
    else:
        text = " ".join(raw.split())
        if not text:
            return
    container = seg.containers[owner]
    seg.blocks.append(
        Block(
            index=len(seg.blocks),
            text=text,
            tag=container.tag,
            link_density=min(1.0, link_chars / chars) if chars else 0.0,
            group=container.parent if container.parent >= 0 else owner,
            links=links or None,
        )
    )
    seg.owner.append(owner)


def walk_blocks(root: LexborNode, deadline: float | None = None) -> Segmentation:
    """Walk the tree under `root` in document order and cut it into blocks; stop early past `deadline`.

    The loop is the hot path of HTML mode, so its state lives in local variables rather than an object.
    """
    seg = Segmentation()
    containers = seg.containers
    blocks = seg.blocks
    ident, hint = _ident(root.attributes)
    containers.append(Container(tag=root.tag or "body", ident=ident, hint=hint, parent=-1, depth=0))
    owner = 0  # the container whose own text is being gathered
    parts: list[str] = []  # text gathered for the next block
    chars = link_chars = 0  # its non-blank characters, and those inside links
    links: list[tuple[str, str]] = []
    pre_depth = 0
    # Frames of the elements we are inside: (node, container index or -1 for inline, link text start or -1, href).
    stack: list[tuple[LexborNode, int, int, str]] = []
    link_start = -1  # index into `parts` where the open link's text starts (-1: not in a link)
    visited = 0
    kind_by_id = _TAG_KIND_BY_ID
    text_id = _TEXT_TAG_ID
    node: LexborNode | None = root.child

    while node is not None:
        visited += 1
        if not visited % DEADLINE_CHECK_EVERY and deadline is not None and time.monotonic() > deadline:
            seg.stopped_early = True  # keep what was read: a runaway page gives a partial, flagged result
            break
        tag_id = node.tag_id
        if tag_id == text_id:
            text = node.text_content
            if text and not text.isspace():
                parts.append(text)
                visible = len(text) - text.count(" ")
                chars += visible
                if link_start >= 0:
                    link_chars += visible
            elif text:
                parts.append(" " if not pre_depth else text)
        else:
            kind = kind_by_id.get(tag_id)
            if kind is None:
                kind = _tag_kind(node.tag)
                if tag_id < _MAX_CACHED_TAG_ID:
                    kind_by_id[tag_id] = kind
            if kind == _INLINE:
                child = node.child
                if child is not None:
                    stack.append((node, -1, -1, ""))
                    node = child
                    continue
            elif kind == _BLOCK and containers[owner].tag in HEADING_TAGS:
                # A heading's text is one block even when the page wraps its parts in divs or spans.
                parts.append(" ")  # the parts were on separate lines: keep the words apart
                child = node.child
                if child is not None:
                    stack.append((node, -1, _SPACE_AFTER, ""))
                    node = child
                    continue
            elif kind == _BLOCK:
                if parts:
                    if chars:  # whitespace alone makes no block
                        _make_block(seg, "".join(parts), pre_depth > 0, chars, link_chars, owner, links)
                    parts, chars, link_chars, links = [], 0, 0, []
                    if link_start >= 0:
                        link_start = 0
                tag = node.tag or ""
                index = len(containers)
                ident, hint = _ident(node.attributes) if tag not in NAMELESS_TAGS else ("", "")
                containers.append(Container(tag, ident, owner, containers[owner].depth + 1, len(blocks), 0, hint))
                owner = index
                if tag in PREFORMATTED_TAGS:
                    pre_depth += 1
                child = node.child
                if child is not None:
                    stack.append((node, index, -1, ""))
                    node = child
                    continue
                # An empty block element closes at once.
                containers[index].end_block = len(blocks)
                owner = containers[index].parent
                if tag in PREFORMATTED_TAGS:
                    pre_depth -= 1
            elif kind == _BREAK:
                if pre_depth:
                    parts.append("\n")
                elif parts:
                    if chars:
                        _make_block(seg, "".join(parts), False, chars, link_chars, owner, links)
                    parts, chars, link_chars, links = [], 0, 0, []
                    if link_start >= 0:
                        link_start = 0
            elif kind == _LINK:
                child = node.child
                if child is not None:
                    if link_start < 0:
                        attrs = node.attributes
                        stack.append((node, -1, len(parts), attrs.get("href") or "" if attrs else ""))
                        link_start = len(parts)
                    else:  # a link inside a link: the outer one counts
                        stack.append((node, -1, -1, ""))
                    node = child
                    continue
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
                    if chars:
                        _make_block(seg, "".join(parts), pre_depth > 0, chars, link_chars, index, links)
                    parts, chars, link_chars, links = [], 0, 0, []
                    if link_start >= 0:
                        link_start = 0
                container = containers[index]
                container.end_block = len(blocks)
                owner = container.parent
                if pre_depth and container.tag in PREFORMATTED_TAGS:
                    pre_depth -= 1
            elif start == _SPACE_AFTER:
                parts.append(" ")
            elif start >= 0:
                if href:
                    anchor = " ".join("".join(parts[link_start:]).split())
                    if anchor:
                        links.append((anchor, href))
                link_start = -1
    if chars:
        _make_block(seg, "".join(parts), pre_depth > 0, chars, link_chars, 0 if owner < 0 else owner, links)
    containers[0].end_block = len(blocks)
    seg.nodes_visited = visited
    return seg


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


def assign_paths(seg: Segmentation) -> None:
    """Set every block's path, building each container's path once from its parent's (no walk up per block)."""
    containers = seg.containers
    tails: list[tuple[str, ...] | None] = [None] * len(containers)  # last PATH_MAX_ELEMENTS names per container
    paths: list[str | None] = [None] * len(containers)
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
                parent_tail = tails[c.parent] if c.parent >= 0 else ()
                tails[index] = (*parent_tail[-(PATH_MAX_ELEMENTS - 1) :], c.tag + _short_ident(c.ident))  # type: ignore[index]
            tail = tails[owner]
            deep = containers[owner].depth >= PATH_MAX_ELEMENTS
            path = paths[owner] = ("…>" if deep else "") + ">".join(tail)  # type: ignore[arg-type]
        block.path = path


def segment_html(tree: LexborHTMLParser, deadline: float | None = None) -> Segmentation:
    """Drop invisible content from `tree` (in place) and cut its body into blocks with their container tree."""
    drop_invisible(tree)
    root = tree.body or tree.root
    if root is None:
        return Segmentation(containers=[Container(tag="body", ident="", parent=-1, depth=0)])
    seg = walk_blocks(root, deadline)
    assign_paths(seg)
    return seg
