"""Where a run keeps its state, so it can stop at any point (even `kill -9`) and finish later.

    OUTDIR/_work/manifest.json      inputs, shards and config of this run: a re-run must match it
    OUTDIR/_work/p1/NNNNN.docs      phase 1 documents of shard NNNNN (spill)
    OUTDIR/_work/p1/NNNNN.sigs      phase 1 dedup signatures and line hashes of its kept documents (spill)
    OUTDIR/_work/p1/NNNNN.done      phase 1 marker with the shard's counts
    OUTDIR/_work/global.pkl         phase 2 result: dedup verdicts and learnt site boilerplate
    OUTDIR/_work/p3/NNNNN.done      phase 3 marker with the shard's stats, written after its part files
    OUTDIR/_work/complete           the run finished and stats.json is final
    OUTDIR/kept|rejected/part-NNNNN.parquet|jsonl

Every file is written under a temporary name and renamed into place when complete, and each marker is written after
the files it vouches for; so a shard is either done (its marker exists) or is redone from scratch, and redoing it
overwrites the same part files rather than adding new ones.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from typing import Any

from thresher.write.shards import TMP_SUFFIX, publish

WORK_DIR = "_work"


@dataclass(frozen=True, slots=True)
class Workdir:
    outdir: str

    @property
    def work(self) -> str:
        return os.path.join(self.outdir, WORK_DIR)

    def prepare(self) -> None:
        for sub in ("p1", "p3"):
            os.makedirs(os.path.join(self.work, sub), exist_ok=True)
        for sub in ("kept", "rejected"):
            os.makedirs(os.path.join(self.outdir, sub), exist_ok=True)

    # -- files

    def docs(self, shard: int) -> str:
        return os.path.join(self.work, "p1", f"{shard:05d}.docs")

    def sigs(self, shard: int) -> str:
        return os.path.join(self.work, "p1", f"{shard:05d}.sigs")

    def marker(self, phase: str, shard: int) -> str:
        return os.path.join(self.work, phase, f"{shard:05d}.done")

    @property
    def global_state(self) -> str:
        return os.path.join(self.work, "global.pkl")

    @property
    def manifest(self) -> str:
        return os.path.join(self.work, "manifest.json")

    @property
    def complete(self) -> str:
        return os.path.join(self.work, "complete")

    def part(self, kept: bool, shard: int, fmt: str) -> str:
        return os.path.join(self.outdir, "kept" if kept else "rejected", f"part-{shard:05d}.{fmt}")

    @property
    def stats(self) -> str:
        return os.path.join(self.outdir, "stats.json")

    # -- markers

    def is_done(self, phase: str, shard: int) -> bool:
        return os.path.exists(self.marker(phase, shard))

    def mark_done(self, phase: str, shard: int, summary: dict[str, Any]) -> None:
        write_json(self.marker(phase, shard), summary)

    def summary(self, phase: str, shard: int) -> dict[str, Any]:
        with open(self.marker(phase, shard), encoding="utf-8") as fh:
            return json.load(fh)  # type: ignore[no-any-return]

    def drop_spills(self) -> None:
        """Free the disk the phase 1 spills use once the run is complete (markers and manifest stay)."""
        p1 = os.path.join(self.work, "p1")
        for name in os.listdir(p1):
            if name.endswith((".docs", ".sigs", TMP_SUFFIX)):
                os.remove(os.path.join(p1, name))
        if os.path.exists(self.global_state):
            os.remove(self.global_state)

    def clear(self) -> None:
        """Forget a previous run in this folder (used with --overwrite)."""
        for sub in (WORK_DIR, "kept", "rejected"):
            shutil.rmtree(os.path.join(self.outdir, sub), ignore_errors=True)
        if os.path.exists(self.stats):
            os.remove(self.stats)


def write_json(path: str, data: Any) -> None:
    tmp = path + TMP_SUFFIX
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True, ensure_ascii=False)
        fh.write("\n")
    publish(tmp, path)
