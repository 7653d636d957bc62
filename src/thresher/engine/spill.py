"""Phase results spilled to disk between phases: a zstd-compressed stream of pickles, published atomically.

Streaming keeps a worker's memory flat whatever the shard size; the atomic rename means a spill file either exists
complete or not at all.
"""

from __future__ import annotations

import io
import os
import pickle
from collections.abc import Iterator
from typing import Any

import zstandard

from thresher.write.shards import TMP_SUFFIX, publish

# Fast compression: spills are written once and read once, so speed matters more than size.
SPILL_ZSTD_LEVEL = 1


class SpillWriter:
    def __init__(self, path: str) -> None:
        self.path = path
        self._tmp = path + TMP_SUFFIX
        self._fh = open(self._tmp, "wb")
        self._zw = zstandard.ZstdCompressor(level=SPILL_ZSTD_LEVEL).stream_writer(self._fh, closefd=False)
        self.count = 0

    def write(self, obj: Any) -> None:
        pickle.dump(obj, self._zw, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def close(self) -> None:
        self._zw.close()
        self._fh.close()
        publish(self._tmp, self.path)

    def abort(self) -> None:
        self._zw.close()
        self._fh.close()
        if os.path.exists(self._tmp):
            os.remove(self._tmp)


# Decompressed bytes buffered between the zstd reader and the unpickler: pickle asks for a few bytes at a time.
SPILL_READ_BUFFER = 1 << 16


def iter_spill(path: str) -> Iterator[Any]:
    with open(path, "rb") as fh, zstandard.ZstdDecompressor().stream_reader(fh) as raw:
        reader = io.BufferedReader(raw, buffer_size=SPILL_READ_BUFFER)
        while True:
            try:
                yield pickle.load(reader)
            except EOFError:
                return
