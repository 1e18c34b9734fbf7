"""The command line: the TUI's scriptable twin over the same store and core calls."""
