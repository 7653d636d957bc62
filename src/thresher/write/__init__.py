"""Writers: Parquet (zstd) or JSONL shards of kept and rejected documents, published atomically."""

from thresher.write.rows import Provenance, document_row
from thresher.write.schema import KEPT_SCHEMA, REJECTED_SCHEMA, schema_for
from thresher.write.shards import ShardWriter, publish

__all__ = ["KEPT_SCHEMA", "REJECTED_SCHEMA", "Provenance", "ShardWriter", "document_row", "publish", "schema_for"]
