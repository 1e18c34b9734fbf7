"""The screens of the dialoog app."""
