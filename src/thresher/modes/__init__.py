"""One page, end to end, per input mode: segment -> label -> metadata. `text` and `html` differ only in segmenting
and in the evidence their blocks carry for labelling."""
