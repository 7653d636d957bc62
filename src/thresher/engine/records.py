"""One record through the per-record phase: decode, clean, per-document steps. Never raises, never drops.

Whatever goes wrong with one record (unusable input, time budget, a bug in a step) becomes a rejected Document with a
readable reason, so a corpus run accounts for every record it read.
"""

from __future__ import annotations

import dataclasses
import logging

from thresher.engine.budget import time_budget
from thresher.errors import BudgetExceeded, InputError
from thresher.filter.analysis import TextView
from thresher.model import Decision, Document
from thresher.pipeline.step import DocumentStep
from thresher.read.record import Record
from thresher.write.rows import Provenance

log = logging.getLogger(__name__)

# Reasons are cut to this many characters: an exception message can be a whole page long.
MAX_REASON_CHARS = 300
# Leading host labels that do not make a different site.


def rejected_document(record: Record, step: str, reason: str) -> Document:
    doc = Document(mode=record.format, id=record.id, url=record.url)
    doc.source_path = record.source_path
    doc.record_id = record.position
    doc.decisions.append(Decision(step=step, kept=False, reason=_short(reason)))
    return doc


def process_record(
    record: Record, steps: list[DocumentStep], budget_s: float | None
) -> tuple[Document, Provenance, TextView | None]:
    """The record as a Document with every step's decision recorded, what the reader knew about it, and the view of
    its final body text the steps measured (None when no step left one that is still current)."""
    view: TextView | None = None
    provenance = Provenance(record.http_status, record.content_type, declared_charset=record.charset)
    if record.problem is not None:
        return rejected_document(record, record.problem_step, record.problem), provenance, None
    try:
        with time_budget(budget_s):
            doc, provenance = _clean(record, provenance)
            doc.id = record.id
            doc.url = doc.url or record.url
            doc.source_path = record.source_path
            doc.record_id = record.position
            doc, view = _apply_steps(doc, steps)
    except InputError as exc:
        return rejected_document(record, "clean", str(exc)), provenance, None
    except BudgetExceeded as exc:
        return rejected_document(record, "budget", str(exc)), provenance, None
    except RecursionError:
        return rejected_document(record, "clean", "page nested too deeply to clean"), provenance, None
    except Exception as exc:  # noqa: BLE001 - one bad page must not take the run (or its record) down
        log.warning("internal error on %s (%s): %r", record.id, record.source_path, exc)
        return rejected_document(record, "clean", f"internal error: {type(exc).__name__}: {exc}"), provenance, None
    return doc, provenance, view


def _clean(record: Record, provenance: Provenance) -> tuple[Document, Provenance]:
    """Decode (the record's declared charset is the HTTP one) and clean; the provenance gains how it was decoded."""
    from thresher.clean import clean
    from thresher.decode import decode_with_info

    payload = record.payload
    if not isinstance(payload, bytes):
        return clean(payload, url=record.url, format=record.format), provenance
    decoded = decode_with_info(payload, declared=record.charset)
    provenance = dataclasses.replace(provenance, charset=decoded.charset, decode_method=decoded.method)
    return clean(decoded, url=record.url, format=record.format), provenance


def _apply_steps(doc: Document, steps: list[DocumentStep]) -> tuple[Document, TextView | None]:
    """Run the steps in order; steps that only read the body (`judge`) share one TextView of it."""
    view: TextView | None = None
    for step in steps:
        if not doc.kept:
            break  # one reason per rejection: later steps do not judge a rejected document
        judge = getattr(step, "judge", None)
        try:
            if judge is not None:
                view = view if view is not None else TextView(doc)
                doc = judge(doc, view)
            else:
                view = None  # a step without `judge` may edit the text: measure it afresh afterwards
                doc = step.apply(doc)
        except (BudgetExceeded, RecursionError):
            raise
        except Exception as exc:  # noqa: BLE001 - a failing step rejects the document, with the step named
            log.warning("step %s failed on %s: %r", step.name, doc.id, exc)
            doc.decisions.append(Decision(step.name, False, _short(f"internal error: {type(exc).__name__}: {exc}")))
    return doc, view


def _short(reason: str) -> str:
    reason = " ".join(reason.split())
    return reason if len(reason) <= MAX_REASON_CHARS else reason[: MAX_REASON_CHARS - 1] + "…"
