"""Regular callers: anonymous profiles, points of approach and contact limits."""
