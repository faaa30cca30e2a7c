"""National-scale data for benchmarks: every wellbeing services county on Polku, three years of work.

Dev-only, as all of bench/: `python -m bench.national [--scale tiny] [--today YYYY-MM-DD] [--seed N]`.
"""

from bench.national.generate import GeneratorError, generate
from bench.national.vocabulary import NATIONAL_MINIMUMS, PASSWORD, SCALES, VERSION

__all__ = ["NATIONAL_MINIMUMS", "PASSWORD", "SCALES", "VERSION", "GeneratorError", "generate"]
