"""The optional compiled modules: each speeds up code whose Python version stays the definition.

`pip install` builds them where a C compiler is at hand (setup.py); where none is, or where THRESHER_PURE_PYTHON=1 is
set in the environment (to compare the two, or to rule one out), thresher runs the Python code, with the same result.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

PURE_PYTHON_VARIABLE = "THRESHER_PURE_PYTHON"


def compiled_module(name: str) -> ModuleType | None:
    """The compiled module `name` ("thresher.segment._walk") when it was built and is wanted, else None."""
    if os.environ.get(PURE_PYTHON_VARIABLE):
        return None
    try:
        return importlib.import_module(name)
    except ImportError:
        return None
