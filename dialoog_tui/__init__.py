"""dialoog: capture live dialogue meetings from the keyboard."""

__version__ = "0.1.0"
