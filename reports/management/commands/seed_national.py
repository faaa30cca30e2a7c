"""National-scale data for the benchmarks: 21 wellbeing services counties on Polku, three years of work."""

import time
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.national import SCALES, GeneratorError, generate
from reports.national.generate import NATIONAL_MINIMUMS, PASSWORD


class Command(BaseCommand):
    help = "Generate national-scale data (deterministic, bulk inserts) into an empty, migrated database."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="national")
        parser.add_argument(
            "--today", type=date.fromisoformat, help="The day the data ends (YYYY-MM-DD); today by default"
        )
        parser.add_argument("--seed", type=int, default=2026)

    def handle(self, *args, scale, today, seed, **options):
        started = time.monotonic()
        try:
            counts = generate(scale, today=today or timezone.localdate(), seed=seed)
        except GeneratorError as error:
            raise CommandError(str(error)) from error
        for label, count in sorted(counts.items()):
            self.stdout.write(f"  {label:<36} {count:>10,}")
        if scale == "national":
            short = {label: n for label, n in NATIONAL_MINIMUMS.items() if counts.get(label, 0) < n}
            if short:
                raise CommandError(f"Fewer rows than the national scale needs: {short}")
        self.stdout.write(
            self.style.SUCCESS(
                f"{scale} data generated in {time.monotonic() - started:.0f} s. Every user's password: {PASSWORD}"
            )
        )
