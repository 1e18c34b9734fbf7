"""The theme board, the theme card, the curation history, and the child process that finds
themes (not to be confused with colour themes: `tui.colour_themes`)."""
