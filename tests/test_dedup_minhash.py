"""Exact and near dedup: planted near copies are found, different articles on one topic are not merged, and the
result is the same in every process and run."""

from __future__ import annotations

import pickle
import random
import subprocess
import sys

import numpy as np
import pytest

from thresher.dedup import DedupIndex, DedupOptions, DedupSignature, signatures
from thresher.model import Block, Document

TOPIC_WORDS = [
    "council",
    "budget",
    "school",
    "road",
    "river",
    "bridge",
    "park",
    "library",
    "housing",
    "transport",
    "water",
    "energy",
    "tax",
    "plan",
    "vote",
    "mayor",
    "residents",
    "meeting",
    "report",
    "project",
    "funding",
    "year",
    "city",
    "district",
    "police",
    "hospital",
    "service",
    "traffic",
    "station",
    "market",
    "museum",
    "festival",
    "weather",
    "storm",
    "repair",
    "workers",
    "contract",
    "court",
    "decision",
    "law",
    "election",
    "campaign",
    "party",
    "minister",
]
GLUE = [
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "on",
    "for",
    "with",
    "that",
    "was",
    "is",
    "by",
    "at",
    "from",
    "as",
    "this",
    "which",
    "after",
    "before",
]


def _article(seed: int, sentences: int = 40) -> list[str]:
    """A made-up news article: sentences of topic and glue words (one topic vocabulary for every seed)."""
    rng = random.Random(seed)
    out = []
    for _ in range(sentences):
        words = [rng.choice(TOPIC_WORDS if rng.random() < 0.5 else GLUE) for _ in range(rng.randint(10, 18))]
        out.append(" ".join(words).capitalize() + ".")
    return out


def _doc(sentences: list[str], doc_id: str) -> Document:
    paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
    return Document(mode="html", id=doc_id, blocks=[Block(index=i, text=p) for i, p in enumerate(paragraphs)])


def _rewrite(sentences: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    changed = list(sentences)
    for position in rng.sample(range(len(changed)), count):
        changed[position] = " ".join(rng.choice(TOPIC_WORDS) for _ in range(12)).capitalize() + "."
    return changed


def test_exact_copy_with_different_markup_and_case_is_an_exact_duplicate() -> None:
    index = DedupIndex(DedupOptions())
    original = _article(1)
    assert index.add("a", signatures(_doc(original, "a"))) is None
    shouted = _doc([s.upper().replace(".", " !") for s in original], "b")
    match = index.add_match("b", signatures(shouted))
    assert match is not None and (match.key, match.kind, match.similarity) == ("a", "exact", 1.0)
    assert match.decision().step == "dedup_exact" and match.decision().reason == "duplicate of a"


def test_planted_near_duplicates_are_found_and_distinct_articles_kept() -> None:
    index = DedupIndex()
    originals = {f"doc{i}": _article(i) for i in range(40)}
    for key, sentences in originals.items():
        assert index.add(key, signatures(_doc(sentences, key))) is None  # same topic, different articles
    found = 0
    for n, (key, sentences) in enumerate(originals.items()):
        copy = _rewrite(sentences, count=3, seed=1000 + n)  # three of forty sentences rewritten
        match = index.add_match(f"{key}-copy", signatures(_doc(copy, f"{key}-copy")))
        if match is not None:
            assert match.key == key and match.kind == "near"
            found += 1
    assert found >= 38  # LSH misses a few by design (S-curve); none may match the wrong article


def test_heavily_rewritten_article_is_not_a_duplicate() -> None:
    index = DedupIndex()
    original = _article(7)
    index.add("a", signatures(_doc(original, "a")))
    assert index.add("b", signatures(_doc(_rewrite(original, count=25, seed=3), "b"))) is None


def test_short_and_empty_documents_get_no_near_signature() -> None:
    short = signatures(_doc(["Only five words are here."], "s"))
    assert short.minhash == b"" and short.words == 5
    empty = signatures(Document(blocks=[]))
    assert empty == DedupSignature(None, b"", 0)
    index = DedupIndex()
    assert index.add("e1", empty) is None and index.add("e2", empty) is None  # nothing is a copy of nothing


def test_signature_is_small_and_picklable() -> None:
    sig = signatures(_doc(_article(3), "x"))
    assert len(sig.minhash) == 14 * 8 * 4
    assert pickle.loads(pickle.dumps(sig)) == sig
    assert len(pickle.dumps(sig)) < 1024


def test_index_rejects_signature_of_other_shape() -> None:
    sig = signatures(_doc(_article(3), "x"), DedupOptions(bands=4, rows=4))
    with pytest.raises(ValueError, match="bands x rows"):
        DedupIndex().add("x", DedupSignature(None, sig.minhash, sig.words))


def test_results_do_not_depend_on_process_or_hash_seed() -> None:
    code = (
        "from thresher.dedup import signatures;from thresher.model import Document, Block;"
        "import hashlib;d=Document(blocks=[Block(index=0, text=' '.join(f'w{i % 97} x{i % 13}' for i in range(400)))]);"
        "print(hashlib.sha1(signatures(d).minhash).hexdigest(), signatures(d).content_hash)"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", code], env={"PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1


def test_same_input_order_gives_same_clusters() -> None:
    docs = [(f"d{i}", _article(i % 10)) for i in range(30)]  # every article three times

    def run() -> list[str | None]:
        index = DedupIndex()
        return [index.add(key, signatures(_doc(s, key))) for key, s in docs]

    first = run()
    assert first == run()
    assert first[:10] == [None] * 10 and first[10:] == [f"d{i % 10}" for i in range(10, 30)]


def test_estimated_similarity_tracks_jaccard() -> None:
    words = [f"w{i}" for i in range(2000)]
    a = signatures(_doc([" ".join(words)], "a"))
    b = signatures(_doc([" ".join(words[:1000] + [f"z{i}" for i in range(1000)])], "b"))
    agree = np.mean(np.frombuffer(a.minhash, np.uint32) == np.frombuffer(b.minhash, np.uint32))
    jaccard = 996 / (2000 + 1000 + 4)  # shared 5-grams / union (996 shared, 1996 + 1996 - 996 in the union)
    assert abs(agree - jaccard) < 0.15


def test_bodyless_pages_are_exact_duplicates_by_their_whole_visible_text() -> None:
    from thresher.model import Label, Role

    def gallery(caption: str) -> Document:
        blocks = [Block(index=0, text="Home"), Block(index=1, text=caption)]
        for b in blocks:
            b.remove(Label.BOILERPLATE, "outside the main content")
        return Document(blocks=blocks)

    first, copy, other = gallery("Photo gallery: spring"), gallery("Photo gallery: spring"), gallery("Photo gallery: autumn")
    assert all(b.role is Role.REMOVED for b in first.blocks)
    index = DedupIndex()
    assert index.add("first", signatures(first)) is None
    assert index.add("copy", signatures(copy)) == "first"
    assert index.add("other", signatures(other)) is None
    # A body that happens to read like another page's furniture is never its copy: the key spaces are apart.
    body = _doc(["Home Photo gallery: spring"], "body")
    assert index.add("body", signatures(body)) is None
