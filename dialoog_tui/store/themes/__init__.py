"""Storing and reading themes: runs and their proposals, curated themes and their history,
and theme members as a card shows them (mirrors `core.themes`)."""
