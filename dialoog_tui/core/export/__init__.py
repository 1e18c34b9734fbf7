"""Shareable exports, rendered: the session summary and the theme report as CommonMark (and
HTML from it), the session and the ladder as JSON, pseudonyms, and the words they use."""

SESSION_FORMATS = ("md", "html", "json", "qdpx")
"""What a session exports as: Markdown, HTML, JSON, a REFI-QDA project (its file extensions
too)."""
