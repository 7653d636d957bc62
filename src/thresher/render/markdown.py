"""A Document's body as Markdown: headings, lists, tables, code blocks, quotes, and optionally links.

Only what the reader keeps is rendered: the headline (TITLE) as the top heading, then the BODY blocks in page order.
The structure comes from each block's element (`tag`) and path: cells of one table row share a `group`, a list item
under an `ol` is numbered.
"""

from __future__ import annotations

import re

from thresher.model import Block, Document, Role

HEADING_LEVEL = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
TABLE_CELL_TAGS = frozenset({"td", "th"})
# Characters that would turn plain text into Markdown syntax at the start of a line.
_LINE_START_SYNTAX = re.compile(r"^(\s*)([#>*+-]|\d+[.)])(\s)")
_PIPE = re.compile(r"\|")
_FENCE = "```"


def _escape_line_start(text: str) -> str:
    """Keep a paragraph that starts with "# " or "1. " from becoming a heading or a list."""
    return _LINE_START_SYNTAX.sub(lambda m: f"{m.group(1)}\\{m.group(2)}{m.group(3)}", text)


def _with_links(block: Block) -> str:
    """The block's text with each link's first free occurrence of its anchor turned into [anchor](href)."""
    text = block.text
    if not block.links:
        return text
    out: list[str] = []
    position = 0
    for anchor, href in block.links:
        found = text.find(anchor, position)
        if found < 0 or not href or href.startswith(("javascript:", "#")):
            continue
        out.append(text[position:found])
        label = anchor.replace("]", r"\]")
        target = href.replace(" ", "%20").replace(")", "%29")
        out.append(f"[{label}]({target})")
        position = found + len(anchor)
    out.append(text[position:])
    return "".join(out)


def _ordered(block: Block) -> bool:
    """Is this list item's list an `ol`? Its path ends "...>ol.x>li"."""
    if not block.path:
        return False
    parts = block.path.split(">")
    return len(parts) >= 2 and parts[-2].startswith("ol")


def _table(rows: list[list[Block]], links: bool) -> str:
    width = max(len(r) for r in rows)
    lines = []
    for k, row in enumerate(rows):
        cells = [_PIPE.sub("\\|", (_with_links(c) if links else c.text).replace("\n", " ")) for c in row]
        cells += [""] * (width - len(cells))
        lines.append("| " + " | ".join(cells) + " |")
        if k == 0:
            lines.append("|" + "|".join(["---"] * width) + "|")
    return "\n".join(lines)


def to_markdown(doc: Document, links: bool = False) -> str:
    """Render the kept text of `doc` as Markdown; `links=True` keeps hyperlinks as [text](url)."""
    pieces: list[str] = []
    title = next((b for b in doc.blocks if b.role is Role.TITLE), None)
    if title is not None:
        pieces.append("# " + title.text)
    body = [b for b in doc.blocks if b.role is Role.BODY]
    i = 0
    counter = 0
    while i < len(body):
        block = body[i]
        tag = block.tag or "p"
        if tag in TABLE_CELL_TAGS:
            rows: list[list[Block]] = []
            while i < len(body) and body[i].tag in TABLE_CELL_TAGS:
                if rows and rows[-1][-1].group == body[i].group:
                    rows[-1].append(body[i])
                else:
                    rows.append([body[i]])
                i += 1
            pieces.append(_table(rows, links))
            continue
        text = _with_links(block) if links else block.text
        if tag in HEADING_LEVEL:
            pieces.append("#" * HEADING_LEVEL[tag] + " " + text.replace("\n", " "))
        elif tag == "pre":
            fence = _FENCE + ("`" if _FENCE in block.text else "")
            pieces.append(f"{fence}\n{block.text}\n{fence}")
        elif tag == "li":
            items = []
            counter = 0
            while i < len(body) and body[i].tag == "li":
                item = body[i]
                counter += 1
                marker = f"{counter}." if _ordered(item) else "-"
                item_text = _with_links(item) if links else item.text
                items.append(f"{marker} {item_text}")
                i += 1
            pieces.append("\n".join(items))
            continue
        elif tag == "blockquote":
            pieces.append("\n".join("> " + line for line in text.splitlines()))
        else:
            pieces.append(_escape_line_start(text))
        i += 1
    return "\n\n".join(pieces) + ("\n" if pieces else "")
