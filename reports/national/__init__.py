"""National-scale data for benchmarks: every wellbeing services county on Polku, three years of work."""

from reports.national.generate import SCALES, VERSION, GeneratorError, generate

__all__ = ["SCALES", "VERSION", "GeneratorError", "generate"]
