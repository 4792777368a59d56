"""Errors raised while loading content."""


class ContentError(Exception):
    """Content that cannot be loaded (bad YAML, missing fields, unknown unit)."""
