"""pillarbot: a bilingual bot that explains retirement systems."""

__version__ = "0.1.0"
