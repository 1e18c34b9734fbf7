"""Widgets of the dialoog screens."""
