"""Calculators: pure functions over numpy, typed inputs, results that carry their assumptions.

No I/O, no formatting, no telegram: rule numbers (limits, rates, tables) come in as typed
rule objects built by the engine from content/figures.yaml.
"""
