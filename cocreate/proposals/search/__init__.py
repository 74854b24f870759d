"""Danish search over proposals and their comments: one index row per proposal, kept
current on every write, searched by SQLite's FTS5 or PostgreSQL's full-text search."""
