"""The three phases of a corpus run, as functions a local pool (or Ray) can map over shards.

1. `clean_shard` (workers): read -> clean -> per-document steps -> dedup signatures; spilled to `_work/p1/`.
2. `learn_corpus` (main process, input order): exact and near dedup over the signatures, site-boilerplate counts.
3. `write_shard` (workers): apply the dedup verdicts and site boilerplate, write kept and rejected part files.
Each shard function is idempotent: a shard whose marker exists returns its recorded summary without redoing work.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import resource
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from thresher.dedup.site import domain_of
from thresher.engine.packing import pack, packed_block_hashes, unpack
from thresher.engine.plan import CorpusSteps, Plan
from thresher.engine.records import process_record, rejected_document
from thresher.engine.spill import SpillWriter, iter_spill
from thresher.engine.stats import StepCounts
from thresher.engine.workdir import Workdir
from thresher.filter.analysis import TextView
from thresher.model import Decision, Document
from thresher.read.record import damaged
from thresher.read.sources import Shard, read_shard
from thresher.write.rows import Provenance, document_row
from thresher.write.shards import ShardWriter, publish

# Workers report progress at most this often (seconds): often enough for a live rate, rarely enough to cost nothing.
PROGRESS_INTERVAL_S = 0.25

# Set in each worker (and in the main process for in-process runs): called with a number of documents done.
_progress: Callable[[int], None] | None = None
_steps_cache: dict[str, CorpusSteps] = {}
_global_cache: dict[str, GlobalState] = {}


def set_progress_sink(sink: Callable[[int], None] | None) -> None:
    global _progress
    _progress = sink


def corpus_steps(plan: Plan) -> CorpusSteps:
    """The plan's steps, built once per process."""
    key = plan.key() + repr(plan.steps_factory)
    if key not in _steps_cache:
        _steps_cache.clear()
        _steps_cache[key] = CorpusSteps(plan)
    return _steps_cache[key]


def peak_rss_mib() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Ticker:
    def __init__(self) -> None:
        self.pending = 0
        self.last = time.monotonic()

    def tick(self) -> None:
        self.pending += 1
        now = time.monotonic()
        if _progress is not None and now - self.last >= PROGRESS_INTERVAL_S:
            _progress(self.pending)
            self.pending, self.last = 0, now

    def flush(self) -> None:
        if _progress is not None and self.pending:
            _progress(self.pending)
        self.pending = 0


# -- phase 1


def clean_shard(plan: Plan, shard: Shard) -> dict[str, Any]:
    wd = Workdir(plan.outdir)
    if wd.is_done("p1", shard.index):
        return wd.summary("p1", shard.index)
    started, cpu_started = time.perf_counter(), time.process_time()
    steps = corpus_steps(plan)
    docs, sigs = SpillWriter(wd.docs(shard.index)), SpillWriter(wd.sigs(shard.index))
    ticker = _Ticker()
    records = kept = 0
    try:
        for doc, provenance, view in _documents(plan, shard, steps):
            block_hashes = None
            if doc.kept and (steps.dedup_enabled or steps.site_enabled):
                entry, block_hashes = _signature_entry(records, doc, steps, view or TextView(doc))
                if entry is None:
                    doc.decisions.append(Decision("dedup", False, "internal error computing the dedup signature"))
                else:
                    sigs.write(entry)
            elif steps.dedup_enabled and steps.dedup_sees(doc):
                entry, _ = _signature_entry(records, doc, steps, view or TextView(doc), site=False)
                if entry is not None:  # the document is rejected already: without a signature it is just unlinked
                    sigs.write(entry)
            kept += doc.kept
            docs.write(pack(doc, provenance, block_hashes if doc.kept else None))
            records += 1
            ticker.tick()
    except BaseException:
        docs.abort()
        sigs.abort()
        raise
    ticker.flush()
    docs.close()
    sigs.close()
    summary = {
        "records": records,
        "kept": kept,
        "seconds": time.perf_counter() - started,
        # CPU time of this shard's work: on a machine shared with other jobs, wall time alone says little.
        "cpu_seconds": time.process_time() - cpu_started,
        "peak_rss_mib": peak_rss_mib(),
    }
    wd.mark_done("p1", shard.index, summary)
    return summary


def _documents(plan: Plan, shard: Shard, steps: CorpusSteps):  # type: ignore[no-untyped-def]
    """Every record of the shard as a Document; a reader that fails mid-file leaves a rejected record, not a gap."""
    reader = read_shard(shard, plan.input)
    last = "the start"
    while True:
        try:
            record = next(reader)
        except StopIteration:
            return
        except Exception as exc:  # noqa: BLE001 - a reader bug or I/O error ends this file, not the run
            where = shard.paths[0]
            gone = damaged(where, f"after {last}", f"reading stopped after {last}: {type(exc).__name__}: {exc}")
            yield rejected_document(gone, "read", gone.problem or ""), Provenance(), None
            return
        last = record.position or last
        yield process_record(record, steps.document_steps, plan.record_budget_s)


def _signature_entry(
    seq: int, doc: Document, steps: CorpusSteps, view: TextView, site: bool = True
) -> tuple[tuple[Any, ...] | None, list[int | None] | None]:
    """(position, id, raw text hash, dedup signature, domain, line hashes, kept so far) of one document, and the
    line hash of each body block (None when not computed), which phase 3 reuses to apply site boilerplate."""
    try:
        signature = steps.signature(doc, view)
        block_hashes = steps.block_hashes(doc) if site else None
        hashes = steps.line_hashes(doc, block_hashes) if site else []
    except Exception:  # noqa: BLE001 - the document is rejected with the reason instead
        return None, None
    exact = hashlib.blake2b(view.text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return (seq, doc.id, exact, signature, domain_of(doc.url), hashes, doc.kept), block_hashes


# -- phase 2


@dataclass
class GlobalState:
    """What phase 2 learnt, keyed by (shard index, position in the shard's spill)."""

    verdicts: dict[tuple[int, int], tuple[str, str, str]] = field(default_factory=dict)  # step, reason, cluster
    clusters: dict[tuple[int, int], str] = field(default_factory=dict)  # originals that have duplicates
    site: Any = None  # the trained SiteBoilerplate, or None
    pairs: int = 0  # duplicate documents found (rejected as duplicates)
    exact: int = 0
    rejected_copies: int = 0  # documents a filter had rejected that copy an earlier document (linked, not counted)


def learn_corpus(plan: Plan, shards: list[Shard]) -> GlobalState:
    """Dedup in input order and site-boilerplate counts; cached in `_work/global.pkl`."""
    wd = Workdir(plan.outdir)
    if os.path.exists(wd.global_state):
        with open(wd.global_state, "rb") as fh:
            return pickle.load(fh)  # type: ignore[no-any-return]
    steps = corpus_steps(plan)
    index = steps.new_index()
    site = steps.new_site_boilerplate()
    state = GlobalState(site=site)
    first: dict[str, tuple[int, int, bytes]] = {}  # key -> (shard, seq, exact hash) of documents indexed so far
    cluster_of: dict[str, str] = {}  # key of a duplicate -> key of its cluster's first document
    # cluster root -> the cluster's first document that passed the filters (the one kept); a root that a filter
    # rejected has none until a copy that passed comes along.
    keeper_of: dict[str, str] = {}
    for shard in shards:
        for seq, doc_id, exact, signature, domain, hashes, kept in iter_spill(wd.sigs(shard.index)):
            key = doc_id if doc_id not in first else f"{doc_id}#{shard.index}:{seq}"
            original, kind = _find_duplicate(index, key, signature)
            first.setdefault(key, (shard.index, seq, exact))
            if original is None or original not in first:
                if kept:
                    keeper_of[key] = key
                    if site is not None and domain:
                        site.observe(domain, hashes)
                continue
            root = cluster_of.get(original, original)
            cluster_of[key] = root
            root_shard, root_seq, _ = first[root]
            state.clusters[(root_shard, root_seq)] = root
            keeper = keeper_of.get(root)
            if kept and keeper is None:
                # Every earlier copy was rejected by a filter: this one passed them, so it is the copy kept.
                keeper_of[root] = key
                state.clusters[(shard.index, seq)] = root
                if site is not None and domain:
                    site.observe(domain, hashes)
                continue
            target = keeper if kept else original
            if kind is None or target != original:  # how it matched the target: compare the raw text hashes
                kind = "exact" if first[target][2] == exact else "near"
            step = f"dedup_{kind}"
            state.verdicts[(shard.index, seq)] = (step, f"duplicate of {target}", root)
            if kept:
                state.pairs += 1
                state.exact += step == "dedup_exact"
            else:
                state.rejected_copies += 1
    tmp = wd.global_state + ".tmp"
    with open(tmp, "wb") as fh:
        pickle.dump(state, fh, protocol=pickle.HIGHEST_PROTOCOL)
    publish(tmp, wd.global_state)
    return state


def _find_duplicate(index: Any, key: str, signature: Any) -> tuple[str | None, str | None]:
    """(key of the earlier document this one duplicates, "exact"/"near" when the index tells), or (None, None)."""
    if index is None:
        return None, None
    if hasattr(index, "add_match"):
        match = index.add_match(key, signature)
        return (match.key, match.kind) if match is not None else (None, None)
    return index.add(key, signature), None


def _global(plan: Plan) -> GlobalState:
    path = Workdir(plan.outdir).global_state
    if path not in _global_cache:
        _global_cache.clear()
        with open(path, "rb") as fh:
            _global_cache[path] = pickle.load(fh)
    return _global_cache[path]


def forget_global_state() -> None:
    _global_cache.clear()


# -- phase 3


def write_shard(plan: Plan, shard: Shard) -> dict[str, Any]:
    wd = Workdir(plan.outdir)
    if wd.is_done("p3", shard.index):
        return wd.summary("p3", shard.index)
    cpu_started = time.process_time()
    state = _global(plan)
    kept_out = ShardWriter(wd.part(True, shard.index, plan.fmt), True, plan.fmt)
    rejected_out = ShardWriter(wd.part(False, shard.index, plan.fmt), False, plan.fmt)
    counts = StepCounts()
    ticker = _Ticker()
    try:
        for seq, packed in enumerate(iter_spill(wd.docs(shard.index))):
            doc, provenance = unpack(packed)
            doc = _finish(doc, (shard.index, seq), state, packed_block_hashes(packed))
            counts.add(doc)
            (kept_out if doc.kept else rejected_out).write(document_row(doc, provenance))
            ticker.tick()
    except BaseException:
        kept_out.abort()
        rejected_out.abort()
        raise
    ticker.flush()
    kept_out.close()
    rejected_out.close()
    summary = counts.to_dict() | {"peak_rss_mib": peak_rss_mib(), "cpu_seconds": time.process_time() - cpu_started}
    wd.mark_done("p3", shard.index, summary)
    return summary


def _finish(
    doc: Document, where: tuple[int, int], state: GlobalState, block_hashes: list[int | None] | None = None
) -> Document:
    verdict = state.verdicts.get(where)
    if verdict is not None:
        step, reason, cluster = verdict
        doc.decisions.append(Decision(step, False, reason))
        doc.dedup_cluster = cluster
    elif where in state.clusters:
        doc.dedup_cluster = state.clusters[where]
    if doc.kept and state.site is not None:
        domain = domain_of(doc.url)
        if domain:
            try:
                # With the line hashes phase 1 computed for the same body (None: the module hashes them itself).
                doc = state.site.apply(doc, domain, block_hashes)
            except Exception:  # noqa: BLE001 - keep the document as it was rather than lose it
                doc.flag("site boilerplate not applied (internal error)")
    return doc
