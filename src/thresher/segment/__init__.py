"""segment step."""
