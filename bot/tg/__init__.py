"""The Telegram door: the only package that imports telegram."""
