"""MinHash signatures of word n-grams, and the banding that makes near-duplicate candidates cheap to find.

Everything is seeded and uses fixed hash functions (crc32 for words, multiply-add-shift for the permutations), so a
signature is the same in every worker process and every run, whatever PYTHONHASHSEED is.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

# Shingles hashed at once when building a signature: bounds the (shingles x permutations) working array to a few MB.
SHINGLE_CHUNK = 2048
# Odd 64-bit multipliers: one combines word hashes into an n-gram hash, the other folds a band into one key.
_NGRAM_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_BAND_MULTIPLIER = np.uint64(0xC2B2AE3D27D4EB4F)
_LOW32 = np.uint64(0xFFFFFFFF)
_SHIFT32 = np.uint64(32)


def permutations(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The (a, b) pairs of `count` multiply-add-shift hash functions h(x) = (a*x + b mod 2**64) >> 32."""
    rng = np.random.Generator(np.random.PCG64(seed))
    a = rng.integers(1, 2**63, size=count, dtype=np.uint64) * np.uint64(2) + np.uint64(1)  # odd
    b = rng.integers(0, 2**63, size=count, dtype=np.uint64)
    return a, b


def shingle_hashes(words: Sequence[str] | Sequence[bytes], n: int) -> np.ndarray:
    """32-bit hashes of the word n-grams (the whole text as one shingle when it has fewer than n words).

    The words are str, or their UTF-8 bytes (a caller that encoded the whole text once splits the bytes: the same
    hashes without encoding word by word). Repeated shingles are left in: they cannot change a minimum, and removing
    them costs a sort.
    """
    if not words:
        return np.empty(0, dtype=np.uint64)
    encoded = words if isinstance(words[0], bytes) else map(str.encode, words)
    word_hashes = np.fromiter(map(zlib.crc32, encoded), dtype=np.uint64, count=len(words))
    span = min(n, len(words))
    count = len(words) - span + 1
    h = np.zeros(count, dtype=np.uint64)
    for k in range(span):
        h = h * _NGRAM_MULTIPLIER + word_hashes[k : k + count]
    return (h >> _SHIFT32) ^ (h & _LOW32)


def minhash(shingles: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The signature: for each hash function, the least value it gives any shingle (uint32)."""
    # The shift is taken after the minimum: x >> 32 never decreases as x grows, so the least shifted value is the
    # least value shifted, and one pass over the (functions x shingles) array is saved.
    signature = np.full(len(a), np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(shingles), SHINGLE_CHUNK):
        chunk = shingles[start : start + SHINGLE_CHUNK]
        values = np.multiply.outer(a, chunk)  # in place from here: no temporaries the size of the product
        values += b[:, None]
        np.minimum(signature, values.min(axis=1), out=signature)
    signature >>= _SHIFT32
    return signature.astype(np.uint32)


def band_keys(signature: np.ndarray, bands: int, rows: int) -> list[int]:
    """One 64-bit key per band: documents sharing any band key are near-duplicate candidates."""
    folded = signature[: bands * rows].reshape(bands, rows).astype(np.uint64)
    keys = np.zeros(bands, dtype=np.uint64)
    for r in range(rows):
        keys = keys * _BAND_MULTIPLIER + folded[:, r]
    return keys.tolist()


def similarity(left: np.ndarray, right: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures: the share of hash functions on which they agree."""
    return float(np.count_nonzero(left == right)) / len(left)
