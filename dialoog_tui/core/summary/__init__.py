"""Shareable summaries: a session summary and a cross-session theme report, as CommonMark
Markdown (and HTML rendered from it), with consent honoured and participant text escaped."""
