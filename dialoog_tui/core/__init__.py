"""The domain: pure Python, no Textual and no database.

Everything here can be tested with plain objects; the store and the TUI build on it.
"""
