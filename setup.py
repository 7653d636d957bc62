"""Build of the one compiled module (src/thresher/segment/_walk.pyx): the DOM walk and the byte scan for deep nesting.

Everything else is in pyproject.toml. The extension is optional: where it cannot be compiled (no C compiler), the
install still succeeds and HTML mode uses the same walk in Python, about five times slower.
"""

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # building without Cython: pure-Python install
    extensions = []
else:
    extensions = cythonize(
        [Extension("thresher.segment._walk", ["src/thresher/segment/_walk.pyx"], optional=True)],
        compiler_directives={"language_level": 3},
        quiet=True,
    )

setup(ext_modules=extensions)
