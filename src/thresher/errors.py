"""Errors thresher raises on purpose: each carries a one-line message fit for a person."""


class InputError(ValueError):
    """The input cannot be cleaned (empty, binary, undecodable). The message is one line, shown as is by the CLI."""
