"""Curated content shipped with pillarbot (figures, topics, synonyms, scope)."""
