"""Everything a worker needs to process a shard, in one picklable value, and the corpus steps it builds from it.

The plan holds configuration as plain mappings (so it can be written to the run manifest and compared on a re-run);
each worker process builds its step objects from it once and keeps them for all its shards.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from thresher.model import Document
from thresher.pipeline.step import DocumentStep
from thresher.read.sources import InputOptions

# Per-record wall-clock budget (seconds) for decoding, cleaning and the per-document steps together.
DEFAULT_RECORD_BUDGET_S = 30.0

StepsFactory = Callable[[dict[str, Any]], list[DocumentStep]]


@dataclass(frozen=True)
class Plan:
    outdir: str
    fmt: str = "parquet"
    input: InputOptions = field(default_factory=InputOptions)
    steps: dict[str, Any] = field(default_factory=dict)  # {step_name: {option: value}} for default_steps
    dedup: dict[str, Any] | None = field(default_factory=dict)  # dedup options; None turns dedup off
    site_boilerplate: dict[str, Any] | None = field(default_factory=dict)  # None turns it off
    record_budget_s: float = DEFAULT_RECORD_BUDGET_S
    # A module-level function building the step list from `steps` (tests and benchmarks); None = default_steps.
    steps_factory: StepsFactory | None = None

    def fingerprint(self) -> dict[str, Any]:
        """What must match for a re-run to resume this run (workers and progress display do not matter)."""
        return {
            "format": self.fmt,
            "input": asdict(self.input),
            "steps": self.steps,
            "dedup": self.dedup,
            "site_boilerplate": self.site_boilerplate,
            "record_budget_s": self.record_budget_s,
        }

    def key(self) -> str:
        return hashlib.sha1(json.dumps(self.fingerprint(), sort_keys=True, default=str).encode()).hexdigest()


class CorpusSteps:
    """The built steps of a plan: per-document steps, dedup signatures and site-boilerplate line hashes."""

    def __init__(self, plan: Plan) -> None:
        self.document_steps = build_document_steps(plan)
        self._step_names = frozenset(step.name for step in self.document_steps)
        self._dedup = _dedup_module() if plan.dedup is not None else None
        self.dedup_options = _options(self._dedup, ("DedupOptions",), plan.dedup) if self._dedup else None
        self.site_options = (
            _options(self._dedup, ("SiteBoilerplateOptions",), plan.site_boilerplate)
            if self._dedup is not None and plan.site_boilerplate is not None and hasattr(self._dedup, "SiteBoilerplate")
            else None
        )
        self._site = self.new_site_boilerplate()

    @property
    def dedup_enabled(self) -> bool:
        return self._dedup is not None and hasattr(self._dedup, "DedupIndex")

    @property
    def site_enabled(self) -> bool:
        return self._site is not None

    def dedup_sees(self, doc: Document) -> bool:
        """Whether a document rejected before dedup is indexed too: only when a per-document step rejected it (its
        text was cleaned and measured), and only when the dedup options ask for it."""
        rejection = doc.rejection
        return (
            rejection is not None
            and rejection.step in self._step_names
            and bool(getattr(self.dedup_options, "include_rejected", False))
        )

    def signature(self, doc: Document, view: Any = None) -> Any:
        """The dedup signature; `view` (a TextView of the current body) saves tokenising the text again."""
        if not self.dedup_enabled:
            return None
        return self._dedup.signatures(doc, self.dedup_options, view)  # type: ignore[union-attr]

    def block_hashes(self, doc: Document) -> list[int | None] | None:
        """Per-body-block line hashes, for `line_hashes` and phase 3's `apply` to share (None: site boilerplate is
        off)."""
        return list(self._site.block_hashes(doc)) if self._site is not None else None

    def line_hashes(self, doc: Document, block_hashes: list[int | None] | None = None) -> list[int]:
        return list(self._site.line_hashes(doc, block_hashes)) if self._site is not None else []

    def new_index(self) -> Any:
        return self._dedup.DedupIndex(self.dedup_options) if self.dedup_enabled else None  # type: ignore[union-attr]

    def new_site_boilerplate(self) -> Any:
        if self.site_options is None or self._dedup is None:
            return None
        return self._dedup.SiteBoilerplate(self.site_options)


def build_document_steps(plan: Plan) -> list[DocumentStep]:
    """The per-document steps: the plan's factory, else `thresher.filter.default_steps`, else none yet."""
    if plan.steps_factory is not None:
        return plan.steps_factory(plan.steps)
    try:
        from thresher.filter import default_steps  # type: ignore[attr-defined]
    except ImportError:
        if plan.steps:
            raise ValueError("this thresher has no corpus filters yet: remove the [steps] tables from the config")
        return []
    return list(default_steps(plan.steps))


def check_plan(plan: Plan) -> None:
    """Build everything once in the main process so a bad config fails before any work (ValueError, one line)."""
    CorpusSteps(plan)


def _dedup_module() -> Any:
    try:
        import thresher.dedup as dedup
    except ImportError:
        return None
    return dedup if hasattr(dedup, "signatures") else None


def _options(module: Any, names: Iterable[str], values: dict[str, Any] | None) -> Any:
    """Build the named options dataclass from a mapping; unknown options raise ValueError with one line."""
    for name in names:
        cls = getattr(module, name, None)
        if cls is not None:
            try:
                return cls(**(values or {}))
            except TypeError as exc:
                raise ValueError(f"bad {name} in config: {exc}") from None
    if values:
        raise ValueError(f"options given but {module.__name__} has no {'/'.join(names)}")
    return None
