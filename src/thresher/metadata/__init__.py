"""metadata step."""
