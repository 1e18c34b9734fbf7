"""Shareable exports, rendered: the session summary and the theme report as CommonMark (and
HTML from it), the session and the ladder as JSON, pseudonyms, and the words they use."""
