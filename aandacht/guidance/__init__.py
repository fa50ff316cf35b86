"""Guidance: the typology assistant, the loneliness scales, training."""
