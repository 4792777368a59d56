"""Watching official sources for policy news: feeds and pages become review candidates."""
