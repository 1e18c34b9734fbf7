"""Database plumbing: where the database is, checking, opening and migrating it, the engine,
units of work, and the clock that stamps rows."""
