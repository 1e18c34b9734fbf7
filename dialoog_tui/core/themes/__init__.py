"""Themes: groups of contributions that recur across sessions.

`engine.find_themes` clusters; `explain` says what each theme is about. Both import their heavy
libraries (scikit-learn, igraph, PyStemmer) inside functions, so importing this package costs
nothing and the TUI starts as fast as before.
"""
