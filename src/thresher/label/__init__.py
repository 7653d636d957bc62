"""label step."""
