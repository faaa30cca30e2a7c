"""`python -m bench.national`: national-scale data into an empty, migrated database (settings from the
environment, as manage.py reads them: SQLITE_PATH or DATABASE_URL)."""

import argparse
import sys
import time
from datetime import date

from django.utils import timezone

from bench.national.generate import GeneratorError, generate
from bench.national.vocabulary import NATIONAL_MINIMUMS, PASSWORD, SCALES


def main(argv=None, stdout=sys.stdout) -> int:
    """Generate the data; a database that has data, or a national run short of its minimums, exits with why."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.national",
        description="Generate national-scale data (deterministic, bulk inserts) into an empty, migrated database.",
    )
    parser.add_argument("--scale", choices=sorted(SCALES), default="national")
    parser.add_argument("--today", type=date.fromisoformat, help="The day the data ends (YYYY-MM-DD); today by default")
    parser.add_argument("--seed", type=int, default=2026)
    options = parser.parse_args(argv)
    started = time.monotonic()
    try:
        counts = generate(options.scale, today=options.today or timezone.localdate(), seed=options.seed)
    except GeneratorError as error:
        raise SystemExit(str(error)) from error
    for label, count in sorted(counts.items()):
        stdout.write(f"  {label:<36} {count:>10,}\n")
    if options.scale == "national":
        short = {label: n for label, n in NATIONAL_MINIMUMS.items() if counts.get(label, 0) < n}
        if short:
            raise SystemExit(f"Fewer rows than the national scale needs: {short}")
    seconds = time.monotonic() - started
    stdout.write(f"{options.scale} data generated in {seconds:.0f} s. Every user's password: {PASSWORD}\n")
    return 0
