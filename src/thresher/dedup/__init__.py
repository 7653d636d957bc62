"""Corpus-level dedup: exact and MinHash-LSH near duplicates, and site boilerplate learnt across a domain's pages."""

from thresher.dedup.index import DedupIndex, DedupMatch, DedupOptions, DedupSignature, signatures
from thresher.dedup.site import SiteBoilerplate, SiteBoilerplateOptions, domain_of

__all__ = [
    "DedupIndex",
    "DedupMatch",
    "DedupOptions",
    "DedupSignature",
    "SiteBoilerplate",
    "SiteBoilerplateOptions",
    "domain_of",
    "signatures",
]
