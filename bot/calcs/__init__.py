"""Calculation requests: understand them, run calc/, and compose the reply."""
