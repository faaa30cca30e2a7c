"""National-scale data for benchmarks: every wellbeing services county on Polku, three years of work.

Dev-only, as all of bench/: `python -m bench.national [--scale tiny] [--today YYYY-MM-DD] [--seed N]`. The package
itself imports nothing, so `python -m` can set Django up before generate.py loads the models.
"""
