"""thresher: clean crawled web pages into text and metadata, accounting for every part removed."""

from thresher.caches import clear_caches
from thresher.clean import clean, clean_text, extract_text
from thresher.errors import InputError
from thresher.model import Block, Decision, Document, Label, Role

__all__ = [
    "Block", "Decision", "Document", "InputError", "Label", "Role", "clean", "clean_text", "clear_caches", "extract_text",
]
__version__ = "0.1.0"
