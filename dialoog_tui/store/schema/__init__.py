"""The schema: tables, column types, conversion of rows to core types, and the prebuilt
statements of the capture path."""
