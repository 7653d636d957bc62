"""Output forms of a cleaned Document."""

from thresher.render.markdown import to_markdown

__all__ = ["to_markdown"]
