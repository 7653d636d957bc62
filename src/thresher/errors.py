"""Errors thresher raises on purpose: each carries a one-line message fit for a person."""


class InputError(ValueError):
    """The input cannot be cleaned (empty, binary, undecodable). The message is one line, shown as is by the CLI."""


class BudgetExceeded(RuntimeError):
    """A page ran past its time or size budget; the caller keeps a short result or rejects the record with this reason."""
