"""Use cases: what a user does, one function each, for the CLI and the TUI alike. Each takes
the database, owns its transaction and returns core types."""
