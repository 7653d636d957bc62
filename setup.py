"""Build of the compiled modules: src/thresher/segment/_walk.pyx (the DOM walk and the byte scan for deep nesting),
src/thresher/_bytescan.pyx (the binary and UTF-8 checks of raw input), src/thresher/label/_names.pyx (what an
element's tag, id and class names say, label.dom_vocab's name evidence), src/thresher/label/_choose.pyx (the loops
over a page's containers and blocks that choose its main content, in label.dom) and src/thresher/label/_scan.pyx (the
phrase gates' fragment test and word count, in label.gates).

Everything else is in pyproject.toml. The extensions are optional: where they cannot be compiled (no C compiler), the
install still succeeds and thresher runs the same code in Python (HTML mode about five times slower).
"""

from setuptools import Extension, setup

try:
    from Cython.Build import cythonize
except ImportError:  # building without Cython: pure-Python install
    extensions = []
else:
    extensions = cythonize(
        [
            Extension("thresher.segment._walk", ["src/thresher/segment/_walk.pyx"], optional=True),
            Extension("thresher._bytescan", ["src/thresher/_bytescan.pyx"], optional=True),
            Extension("thresher.label._names", ["src/thresher/label/_names.pyx"], optional=True),
            Extension("thresher.label._choose", ["src/thresher/label/_choose.pyx"], optional=True),
            Extension("thresher.label._scan", ["src/thresher/label/_scan.pyx"], optional=True),
        ],
        compiler_directives={"language_level": 3},
        quiet=True,
    )

setup(ext_modules=extensions)
