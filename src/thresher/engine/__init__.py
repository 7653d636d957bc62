"""The corpus engine: shard planning lives in `thresher.read`, the phases in `phases`, the process pool in `local`."""

from thresher.engine.local import LocalExecutor, default_workers
from thresher.engine.plan import Plan

__all__ = ["LocalExecutor", "Plan", "default_workers"]
