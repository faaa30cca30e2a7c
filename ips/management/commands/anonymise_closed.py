"""Anonymise clients whose service closed longer ago than the retention period (dry run unless --apply)."""

from argparse import ArgumentTypeError
from datetime import date

from django.core.management.base import BaseCommand
from django.utils import timezone

from ips import privacy
from ips.models import Client


def years_before(day: date, years: int) -> date:
    """The same day `years` earlier; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def positive_years(value: str) -> int:
    try:
        years = int(value)
    except ValueError as error:
        raise ArgumentTypeError(f"not a whole number of years: {value}") from error
    if years < 1:
        raise ArgumentTypeError(f"at least 1 year, not {years}")
    return years


class Command(BaseCommand):
    help = (
        "Replace the personal data of clients closed more than YEARS years ago with nothing identifying, keeping "
        "the figures of past funder workbooks. Prints what would change; --apply changes it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--older-than", dest="years", required=True, type=positive_years, metavar="YEARS")
        parser.add_argument("--apply", action="store_true", help="Anonymise (in one transaction); else a dry run")

    def handle(self, *args, years, apply, **options):
        today = timezone.localdate()
        cutoff = years_before(today, years)
        clients = Client.objects.due_for_anonymisation(closed_before=cutoff).order_by("pk")
        if apply:
            counts = privacy.anonymise_clients(clients=clients, today=today)
        else:
            counts = privacy.anonymisation_counts(clients)
        verb = "Anonymised" if apply else "Dry run: would anonymise"
        self.stdout.write(f"{verb} clients closed before {cutoff:%Y-%m-%d}:")
        for kind, count in counts.items():
            self.stdout.write(f"  {kind}: {count}")
        if not apply and counts[next(iter(counts))]:
            self.stdout.write("Run again with --apply to change the data.")
