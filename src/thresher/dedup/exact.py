"""Exact duplicates: a hash of the body text after the normalisation that hides markup-level differences."""

from __future__ import annotations

import hashlib

from thresher.filter.words import Words, words_of

# Bytes of the blake2b digest: 64 bits keep the chance of two different texts colliding negligible at web scale.
CONTENT_HASH_BYTES = 8


def normalise(text: str) -> str:
    """The text as dedup compares it: its words (see thresher.filter.words), lower-cased, one space apart.

    Case, punctuation, spacing and line breaks differ between two renderings of one page; the words do not.
    """
    return normalise_words(words_of(text))


def normalise_words(words: Words) -> str:
    """`normalise` from words already tokenised."""
    return " ".join(words.words).lower()


def content_hash(text: str) -> str | None:
    """Hex digest of the normalised text, or None when there are no words (nothing to be a duplicate of)."""
    return hash_normalised(normalise(text))


def hash_normalised(normalised: str) -> str | None:
    return hash_encoded(normalised.encode("utf-8"))


def hash_encoded(encoded: bytes) -> str | None:
    """`hash_normalised` of text already encoded as UTF-8."""
    if not encoded:
        return None
    return hashlib.blake2b(encoded, digest_size=CONTENT_HASH_BYTES).hexdigest()
