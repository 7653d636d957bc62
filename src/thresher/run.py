"""`thresher run`: crawl files in, a dataset out (kept and rejected shards, stats.json). Config loading lives here.

The config file is TOML:

    [input]                      # how to read inputs (all optional)
    text_field = "text"          # JSONL/Parquet field names
    html_field = "html"
    url_field = "url"
    id_field = "id"
    max_payload_bytes = 16777216 # larger pages are rejected
    shard_bytes = 67108864       # WARC/Parquet files bigger than this are split across workers
    pages_per_shard = 256        # single-page files per shard

    [engine]
    record_budget_s = 30.0       # wall-clock budget per record; over it the record is rejected

    [steps.<name>]               # per-document steps, passed to thresher.filter.default_steps
    enabled = false              # turns one off; other keys are the step's options

    [dedup]                      # exact + MinHash near dedup options; enabled = false turns dedup off
    [site_boilerplate]           # site-boilerplate options; enabled = false turns it off
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
import tomllib
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any

from thresher.engine import phases
from thresher.engine.local import LocalExecutor
from thresher.engine.packing import SPILL_FORMAT
from thresher.engine.plan import DEFAULT_RECORD_BUDGET_S, Plan, StepsFactory, check_plan
from thresher.engine.progress import NoProgress, make_progress
from thresher.engine.stats import merge
from thresher.engine.workdir import Workdir, write_json
from thresher.errors import InputError
from thresher.read.jsonl import FieldNames
from thresher.read.sources import InputOptions, Shard, expand_inputs, plan_shards

FORMATS = ("parquet", "jsonl")
KNOWN_TABLES = ("input", "engine", "steps", "dedup", "site_boilerplate")
_FIELD_KEYS = {"text_field": "text", "html_field": "html", "url_field": "url", "id_field": "id"}


class RunError(RuntimeError):
    """A run could not finish; the message is one line and says what to do."""


@dataclass(frozen=True)
class RunConfig:
    input: InputOptions = dataclasses.field(default_factory=InputOptions)
    record_budget_s: float = DEFAULT_RECORD_BUDGET_S
    steps: dict[str, Any] = dataclasses.field(default_factory=dict)
    dedup: dict[str, Any] | None = dataclasses.field(default_factory=dict)
    site_boilerplate: dict[str, Any] | None = dataclasses.field(default_factory=dict)


def load_config(path: str | None) -> RunConfig:
    """Read a TOML run config (None = defaults). Raises InputError with one line for a missing or bad file."""
    if path is None:
        return RunConfig()
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise InputError(f"config file not found: {path}") from None
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read config {path}: {exc}") from None
    return config_from_mapping(data, path)


def config_from_mapping(data: dict[str, Any], where: str = "config") -> RunConfig:
    unknown = sorted(set(data) - set(KNOWN_TABLES))
    if unknown:
        raise InputError(f"{where}: unknown table [{unknown[0]}] (known: {', '.join(KNOWN_TABLES)})")
    for name in KNOWN_TABLES:
        if name in data and not isinstance(data[name], dict):
            raise InputError(f"{where}: [{name}] must be a table")
    return RunConfig(
        input=_input_options(dict(data.get("input", {})), where),
        record_budget_s=_engine_options(dict(data.get("engine", {})), where),
        steps={k: dict(v) if isinstance(v, dict) else v for k, v in data.get("steps", {}).items()},
        dedup=_switchable(data.get("dedup", {})),
        site_boilerplate=_switchable(data.get("site_boilerplate", {})),
    )


def _switchable(table: dict[str, Any]) -> dict[str, Any] | None:
    table = dict(table)
    if table.pop("enabled", True) is False:
        return None
    return table


def _input_options(table: dict[str, Any], where: str) -> InputOptions:
    fields = {_FIELD_KEYS[k]: str(table.pop(k)) for k in list(table) if k in _FIELD_KEYS}
    known = {f.name for f in dataclasses.fields(InputOptions)} - {"fields"}
    for key, value in table.items():
        if key not in known:
            raise InputError(f"{where}: unknown option {key!r} in [input]")
        if not isinstance(value, int) or value <= 0:
            raise InputError(f"{where}: [input] {key} must be a positive integer")
    return InputOptions(fields=FieldNames(**fields), **table)


def _engine_options(table: dict[str, Any], where: str) -> float:
    budget = table.pop("record_budget_s", DEFAULT_RECORD_BUDGET_S)
    if table:
        raise InputError(f"{where}: unknown option {next(iter(table))!r} in [engine]")
    if not isinstance(budget, (int, float)) or budget < 0:
        raise InputError(f"{where}: [engine] record_budget_s must be a number >= 0 (0 = no budget)")
    return float(budget)


def run_corpus(
    inputs: list[str],
    outdir: str,
    config: RunConfig | None = None,
    workers: int | None = None,
    fmt: str = "parquet",
    progress: bool | None = False,
    overwrite: bool = False,
    steps_factory: StepsFactory | None = None,
) -> dict[str, Any]:
    """Run the whole corpus pipeline; resumes a previous run of the same command in `outdir`. Returns stats."""
    if fmt not in FORMATS:
        raise InputError(f"unknown output format {fmt!r} (choose parquet or jsonl)")
    config = config or RunConfig()
    plan = Plan(
        outdir=os.path.abspath(outdir),
        fmt=fmt,
        input=config.input,
        steps=config.steps,
        dedup=config.dedup,
        site_boilerplate=config.site_boilerplate,
        record_budget_s=config.record_budget_s,
        steps_factory=steps_factory,
    )
    try:
        check_plan(plan)
    except ValueError as exc:
        raise InputError(f"bad config: {str(exc).splitlines()[0] if str(exc) else exc!r}") from None
    files = expand_inputs(inputs)
    shards = plan_shards(files, plan.input)
    wd = Workdir(plan.outdir)
    # Through JSON and back, so it compares equal to the copy read from disk on a re-run.
    manifest = json.loads(json.dumps({
        "plan": plan.fingerprint(), "files": files, "shards": [s.label for s in shards], "spill_format": SPILL_FORMAT,
    }))
    if overwrite:
        wd.clear()
    previous = _read_manifest(wd)
    if previous is not None and previous != manifest:
        raise InputError(
            f"{outdir} holds a different run (other inputs or config, or an older thresher's): use another -o, or "
            "--overwrite to replace it"
        )
    if previous is not None and os.path.exists(wd.complete) and os.path.exists(wd.stats):
        return _read_json(wd.stats)
    wd.prepare()
    if previous is None:
        write_json(wd.manifest, manifest)
    return _execute(plan, shards, wd, workers, make_progress(progress))


def _execute(plan: Plan, shards: list[Shard], wd: Workdir, workers: int | None, bar: NoProgress) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        with LocalExecutor(workers, bar) as pool:
            t0 = time.perf_counter()
            cleaned = pool.map(phases.clean_shard, plan, shards, "clean")
            t1 = time.perf_counter()
            state = phases.learn_corpus(plan, shards)
            t2 = time.perf_counter()
            phases.forget_global_state()
            written = pool.map(phases.write_shard, plan, shards, "write")
            t3 = time.perf_counter()
    except BrokenProcessPool:
        raise RunError("a worker process died (out of memory?); run the same command again to resume") from None
    finally:
        bar.stop()
    stats = merge(written)
    records = stats["documents"]
    n_workers = pool.workers
    stats["dedup"] = {
        "duplicates": state.pairs,
        "exact": state.exact,
        "near": state.pairs - state.exact,
        # Copies of an earlier page among the documents a filter rejected: linked by dedup_cluster, counted apart.
        "rejected_copies": getattr(state, "rejected_copies", 0),
    }
    stats["run"] = {
        "shards": len(shards),
        "workers": n_workers,
        "seconds": round(time.perf_counter() - started, 3),
        "phase_seconds": {"clean": round(t1 - t0, 3), "dedup": round(t2 - t1, 3), "write": round(t3 - t2, 3)},
        "docs_per_s": round(records / max(t3 - t0, 1e-9), 1),
        "docs_per_s_per_worker": round(records / max(t3 - t0, 1e-9) / n_workers, 1),
        # CPU seconds the shard work took in all workers (a previous, resumed run's shards count as recorded).
        "worker_cpu_seconds": round(sum(s.get("cpu_seconds", 0.0) for s in cleaned + written), 3),
        "peak_worker_rss_mib": round(max([s.get("peak_rss_mib", 0.0) for s in cleaned + written] or [0.0]), 1),
    }
    write_json(wd.stats, stats)
    write_json(wd.complete, {"documents": records})
    wd.drop_spills()
    return stats


def _read_manifest(wd: Workdir) -> dict[str, Any] | None:
    if not os.path.exists(wd.manifest):
        return None
    try:
        return _read_json(wd.manifest)
    except ValueError:
        return None


def _read_json(path: str) -> dict[str, Any]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]
