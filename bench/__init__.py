"""Benchmarks on national-scale data: `make bench` (SQLite), `make bench-pg` (PostgreSQL); docs/performance.md."""
