"""Pure placeholder replaced by the scrubber."""
