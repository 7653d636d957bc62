"""`Document.text`: body blocks a blank line apart, the cells of a table row joined by tabs and its rows by line breaks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from thresher.model import Block, Document, Role

TABLE_CELL_TAGS = ("td", "th")


def reference_text(blocks: list[Block]) -> str:
    """The rule stated plainly: each body block is a paragraph, except that a table cell right after another cell
    joins it (a tab within its row, a line break between rows)."""
    paragraphs: list[list[str]] = []
    previous: Block | None = None
    for block in blocks:
        if block.role is not Role.BODY:
            continue
        if previous is not None and block.tag in TABLE_CELL_TAGS and previous.tag in TABLE_CELL_TAGS:
            paragraphs[-1].append(("\t" if block.group == previous.group else "\n") + block.text)
        else:
            paragraphs.append([block.text])
        previous = block
    return "\n\n".join("".join(pieces) for pieces in paragraphs)


BLOCKS = st.lists(
    st.builds(
        lambda i, text, role, tag, group: Block(index=i, text=text, role=role, tag=tag, group=group),
        st.integers(0, 50),
        st.text(alphabet="ab \t", max_size=5),
        st.sampled_from([Role.BODY, Role.BODY, Role.REMOVED, Role.TITLE]),
        st.sampled_from(["p", "td", "th", "li"]),
        st.integers(0, 2),
    ),
    max_size=30,
)


@given(BLOCKS)
def test_text_follows_the_paragraph_and_table_rule(blocks: list[Block]) -> None:
    assert Document(mode="html", blocks=blocks).text == reference_text(blocks)


def test_a_table_reads_as_rows_of_tab_separated_cells() -> None:
    cells = [Block(index=i, text=f"r{i // 2}c{i % 2}", tag="td", group=i // 2) for i in range(4)]
    blocks = [Block(index=9, text="Intro.", tag="p"), *cells, Block(index=10, text="After.", tag="p")]
    assert Document(mode="html", blocks=blocks).text == "Intro.\n\nr0c0\tr0c1\nr1c0\tr1c1\n\nAfter."
