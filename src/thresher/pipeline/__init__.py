"""Corpus steps: small classes over documents, the same in the local process pool and on Ray."""
