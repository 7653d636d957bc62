"""The pages a system does worst on, to know where to look next (a diagnosis aid: never a rule to special-case)."""

from __future__ import annotations

from collections.abc import Sequence

from bench.runner import fmt, markdown_table
from bench.scoring import AebPage, SnippetPage, f1_of, page_counts, snippet_counts


def worst_aeb(pages: Sequence[AebPage], outputs: Sequence[str | None], n: int) -> list[dict]:
    """Lowest per-page shingle F1 first; an empty output counts as precision 0."""
    rows = []
    for page, output in zip(pages, outputs, strict=True):
        counts = page_counts(page.gold, output)
        precision, recall = counts.precision or 0.0, counts.recall or 0.0
        rows.append(
            {"id": page.id, "url": page.url, "precision": precision, "recall": recall, "f1": f1_of(precision, recall)}
        )
    return sorted(rows, key=lambda r: r["f1"])[:n]


def worst_snippets(pages: Sequence[SnippetPage], outputs: Sequence[str | None], n: int) -> list[dict]:
    """Most wrong snippets first: `with` snippets missed plus `without` snippets kept."""
    rows = []
    for page, output in zip(pages, outputs, strict=True):
        counts = snippet_counts(output, page.with_, page.without)
        rows.append({"id": page.id, "url": page.url, "missed": counts.fn, "kept_boilerplate": counts.fp})
    return sorted(rows, key=lambda r: -(r["missed"] + r["kept_boilerplate"]))[:n]


def render_worst(title: str, rows: list[dict]) -> str:
    if rows and "f1" in rows[0]:
        headers = ["page", "url", "F1", "P", "R"]
        body = [[r["id"], r["url"] or "", fmt(r["f1"]), fmt(r["precision"]), fmt(r["recall"])] for r in rows]
    else:
        headers = ["page", "url", "`with` missed", "`without` kept"]
        body = [[r["id"], r["url"] or "", str(r["missed"]), str(r["kept_boilerplate"])] for r in rows]
    return f"### {title}\n\n" + markdown_table(headers, body)
