"""Readers: crawl files in, `Record`s out (WARC/WET, JSONL, Parquet, folders of pages; local paths or fsspec URLs)."""

from thresher.read.jsonl import FieldNames
from thresher.read.record import Record
from thresher.read.sources import InputOptions, Shard, expand_inputs, iter_records, plan_shards, read_shard

__all__ = ["FieldNames", "InputOptions", "Record", "Shard", "expand_inputs", "iter_records", "plan_shards", "read_shard"]
