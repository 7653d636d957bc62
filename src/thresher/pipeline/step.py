"""The step contract every corpus step follows.

A step holds only its configuration (named thresholds); it keeps no global state, so an executor may build one per
worker process or per Ray actor and map it over documents or batches. A per-document step never drops a document:
it records a `Decision` on it, and the executor routes rejected documents to the rejected output with that reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from thresher.model import Decision, Document


class DocumentStep:
    """Base class: `apply(doc)` inspects or edits one document and returns it, with its decision recorded."""

    name: str = "step"

    def apply(self, doc: Document) -> Document:  # pragma: no cover - abstract
        raise NotImplementedError

    def reject(self, doc: Document, reason: str) -> Document:
        doc.decisions.append(Decision(step=self.name, kept=False, reason=reason))
        return doc

    def accept(self, doc: Document, reason: str = "") -> Document:
        doc.decisions.append(Decision(step=self.name, kept=True, reason=reason))
        return doc

    def __call__(self, docs: Iterable[Document]) -> Iterator[Document]:
        for doc in docs:
            # A document already rejected by an earlier step passes through untouched: one reason per rejection.
            yield self.apply(doc) if doc.kept else doc


def run_steps(steps: Iterable[DocumentStep], docs: Iterable[Document]) -> Iterator[Document]:
    stream: Iterable[Document] = docs
    for step in steps:
        stream = step(stream)
    yield from stream
