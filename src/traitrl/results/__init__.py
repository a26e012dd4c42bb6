"""Results: the SQLite store of per-sample results, statistics over them, and presentation-neutral tables."""
