"""Per-document corpus steps (language, quality filters, PII masking) and the builder that configures them.

`default_steps(config)` takes the `[steps.<name>]` tables of a run's config, `{name: {option: value}}`, and returns
the steps in their fixed order; `{"enabled": false}` leaves one out. Unknown names, unknown options and values of
the wrong type raise a one-line ValueError.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Mapping
from typing import Any

from thresher.filter.c4 import C4Filter, C4Options
from thresher.filter.fineweb import FineWebFilter, FineWebOptions
from thresher.filter.gopher import (
    GopherQualityFilter,
    GopherQualityOptions,
    GopherRepetitionFilter,
    GopherRepetitionOptions,
)
from thresher.filter.language import LanguageOptions, LanguageStep
from thresher.pii import PIIMasker, PIIOptions
from thresher.pipeline.step import DocumentStep

# name -> (options class, step class), in the order the steps run: language first (the quality rules read the
# language), PII last (it edits text, and the filters should judge the text as crawled).
STEPS: dict[str, tuple[type, Callable[[Any], DocumentStep]]] = {
    "language": (LanguageOptions, LanguageStep),
    "gopher_quality": (GopherQualityOptions, GopherQualityFilter),
    "gopher_repetition": (GopherRepetitionOptions, GopherRepetitionFilter),
    "c4": (C4Options, C4Filter),
    "fineweb": (FineWebOptions, FineWebFilter),
    "pii": (PIIOptions, PIIMasker),
}

__all__ = [
    "STEPS",
    "C4Filter",
    "C4Options",
    "FineWebFilter",
    "FineWebOptions",
    "GopherQualityFilter",
    "GopherQualityOptions",
    "GopherRepetitionFilter",
    "GopherRepetitionOptions",
    "LanguageOptions",
    "LanguageStep",
    "PIIMasker",
    "PIIOptions",
    "build_options",
    "default_steps",
]


def _coerce(step: str, option: str, hint: Any, value: Any) -> Any:
    """Check `value` against the option's type; TOML arrays become tuples. Raise a one-line ValueError."""
    origin = typing.get_origin(hint)
    wrong = ValueError(f"step {step!r}: option {option!r} expects {getattr(hint, '__name__', hint)}, got {value!r}")
    if hint is bool:
        if not isinstance(value, bool):
            raise wrong
        return value
    if hint is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong
        return value
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise wrong
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise wrong
        return value
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise wrong
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(step, option, args[0], item) for item in value)
        if len(args) != len(value):
            raise wrong
        return tuple(_coerce(step, option, arg, item) for arg, item in zip(args, value))
    return value


def build_options(step: str, values: Mapping[str, Any]) -> Any:
    """The options dataclass of `step` with `values` applied over its published defaults."""
    if step not in STEPS:
        raise ValueError(f"unknown step {step!r} (known: {', '.join(STEPS)})")
    options_class = STEPS[step][0]
    hints = typing.get_type_hints(options_class)
    known = {f.name for f in dataclasses.fields(options_class)}
    changes = {}
    for option, value in values.items():
        if option not in known:
            raise ValueError(f"step {step!r}: unknown option {option!r} (known: {', '.join(sorted(known))})")
        changes[option] = _coerce(step, option, hints[option], value)
    return options_class(**changes)


def default_steps(config: Mapping[str, Mapping[str, Any]] | None = None) -> list[DocumentStep]:
    """The per-document steps in run order, configured by `{step_name: {option: value}}` (see module docstring)."""
    config = config or {}
    if not isinstance(config, Mapping):
        raise ValueError(f"steps config must be a table of step tables, got {type(config).__name__}")  # noqa: TRY004 - config errors are ValueErrors by contract
    for name, table in config.items():
        if name not in STEPS:
            raise ValueError(f"unknown step {name!r} (known: {', '.join(STEPS)})")
        if not isinstance(table, Mapping):
            raise ValueError(f"step {name!r}: expected a table of options, got {table!r}")  # noqa: TRY004
    steps: list[DocumentStep] = []
    for name, (_, step_class) in STEPS.items():
        table = dict(config.get(name, {}))
        enabled = table.pop("enabled", True)
        if not isinstance(enabled, bool):
            raise ValueError(f"step {name!r}: option 'enabled' expects bool, got {enabled!r}")  # noqa: TRY004
        if enabled:
            steps.append(step_class(build_options(name, table)))
    return steps
