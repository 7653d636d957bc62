"""Dedup signatures (computed per document, in workers) and the index that finds duplicates (main process)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from thresher.dedup.exact import hash_encoded, hash_normalised, normalise, normalise_words
from thresher.dedup.minhash import band_keys, minhash, permutations, shingle_hashes, similarity
from thresher.filter.analysis import TextView
from thresher.model import Decision, Document


@dataclass(frozen=True, slots=True)
class DedupOptions:
    exact: bool = True  # find copies with the same normalised text
    near: bool = True  # find near copies by MinHash-LSH
    ngram: int = 5  # words per shingle
    bands: int = 14  # LSH bands; with `rows`, pairs above ~(1/bands)**(1/rows) = 0.72 similarity become candidates
    rows: int = 8  # signature values per band (bands * rows permutations: 112)
    seed: int = 1  # seeds the permutations: signatures are comparable only under one seed
    # A candidate is confirmed when the signatures agree on at least this share of values (estimated Jaccard of
    # the 5-gram sets). Measured on 1,000 benchmark pages: distinct pages, even of one site, stay below 0.5, while
    # copies of 300+ word pages with three 10-word passages rewritten sit at 0.72-0.99 (median 0.93).
    min_similarity: float = 0.75
    # Documents with fewer words than this get no MinHash: a handful of words matches too much by chance.
    min_words: int = 10
    # Also index documents a per-document step (a quality filter) rejected: a copy of such a page is then recorded
    # as its duplicate (dedup_cluster set) instead of passing unlinked. A rejected document never makes a kept one
    # a duplicate: the first copy that passed the filters is kept, and the rejection reason stays the filter's.
    include_rejected: bool = True


@dataclass(frozen=True, slots=True)
class DedupSignature:
    """What the main process needs to dedup one document: small and picklable."""

    content_hash: str | None  # None: no words
    minhash: bytes = b""  # uint32 values, empty when the document is too short for near dedup
    words: int = 0


@dataclass(frozen=True, slots=True)
class DedupMatch:
    """The document an added one duplicates, how it was found, and how alike they are (1.0 for exact)."""

    key: str
    kind: str  # "exact" or "near"
    similarity: float

    def decision(self) -> Decision:
        return Decision(step=f"dedup_{self.kind}", kept=False, reason=f"duplicate of {self.key}")


_PERMUTATIONS: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}


def _permutations(options: DedupOptions) -> tuple[np.ndarray, np.ndarray]:
    key = (options.bands * options.rows, options.seed)
    if key not in _PERMUTATIONS:
        _PERMUTATIONS[key] = permutations(*key)
    return _PERMUTATIONS[key]


# Exact keys of body-less pages are whole-page hashes, kept apart from body hashes by this prefix.
PAGE_KEY_PREFIX = "page:"


def signatures(doc: Document, options: DedupOptions | None = None, view: TextView | None = None) -> DedupSignature:
    """The exact hash and MinHash of the document's body text (pure; the same in every process and run).

    `view`, a TextView of the document as it is now, lends its words so the text is not tokenised again.
    """
    options = options or DedupOptions()
    normalised = normalise_words(view.words) if view is not None else normalise(doc.text)
    # Words hold no spaces: the normalised text's words are its space-separated pieces. It is encoded once for both
    # hashes, and its bytes split into each word's UTF-8 bytes (what the shingle hashes read).
    encoded = normalised.encode("utf-8") if options.exact else None
    digest = hash_encoded(encoded) if encoded is not None else None
    if options.exact and digest is None:
        # A page with no body (a gallery, a login wall) is still the same page when re-served: its whole visible
        # text, removed blocks included, is its exact key, in a space of its own so it never meets a body's hash.
        whole = hash_normalised(normalise(" ".join(b.text for b in doc.blocks)))
        digest = f"{PAGE_KEY_PREFIX}{whole}" if whole else None
    n_words = normalised.count(" ") + 1 if normalised else 0
    if not options.near or n_words < options.min_words:
        return DedupSignature(digest, b"", n_words)
    words = (encoded if encoded is not None else normalised.encode("utf-8")).split(b" ") if normalised else []
    a, b = _permutations(options)
    values = minhash(shingle_hashes(words, options.ngram), a, b)
    return DedupSignature(digest, values.tobytes(), n_words)


@dataclass
class DedupIndex:
    """Exact then near duplicate lookup over documents added in a fixed order (the result depends only on it)."""

    options: DedupOptions = field(default_factory=DedupOptions)

    def __post_init__(self) -> None:
        self._exact: dict[str, str] = {}
        self._keys: list[str] = []
        self._signatures: list[bytes] = []
        self._buckets: list[dict[int, list[int]]] = [{} for _ in range(self.options.bands)]

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, sig: DedupSignature) -> str | None:
        """Add a document; return the key of the earlier document it duplicates, or None (then it is indexed)."""
        match = self.add_match(key, sig)
        return match.key if match else None

    def add_match(self, key: str, sig: DedupSignature) -> DedupMatch | None:
        """Like `add`, with how the duplicate was found. Duplicates are not indexed: later copies match the first."""
        if self.options.exact and sig.content_hash is not None:
            original = self._exact.get(sig.content_hash)
            if original is not None:
                return DedupMatch(original, "exact", 1.0)
        keys: list[int] = []
        values: np.ndarray | None = None
        if self.options.near and sig.minhash:
            values = np.frombuffer(sig.minhash, dtype=np.uint32)
            if len(values) != self.options.bands * self.options.rows:
                raise ValueError(f"dedup: signature has {len(values)} values, index expects bands x rows")
            keys = band_keys(values, self.options.bands, self.options.rows)
            match = self._near(values, keys)
            if match is not None:
                return match
        if self.options.exact and sig.content_hash is not None:
            self._exact[sig.content_hash] = key
        if values is not None:
            position = len(self._signatures)
            self._keys.append(key)
            self._signatures.append(sig.minhash)
            for bucket, band_key in zip(self._buckets, keys):
                bucket.setdefault(band_key, []).append(position)
        return None

    def _near(self, values: np.ndarray, keys: list[int]) -> DedupMatch | None:
        candidates: set[int] = set()
        for bucket, band_key in zip(self._buckets, keys):
            candidates.update(bucket.get(band_key, ()))
        best: tuple[float, int] | None = None
        for position in sorted(candidates):  # sorted: ties go to the earliest document, whatever the set order
            score = similarity(values, np.frombuffer(self._signatures[position], dtype=np.uint32))
            if score >= self.options.min_similarity and (best is None or score > best[0]):
                best = (score, position)
        if best is None:
            return None
        return DedupMatch(self._keys[best[1]], "near", best[0])
