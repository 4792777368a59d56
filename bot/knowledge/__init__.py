"""Curated content: loading, validation, rendering and bilingual search."""
