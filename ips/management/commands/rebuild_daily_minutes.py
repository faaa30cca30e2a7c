"""Rebuild the DailyMinutes summary from the whole log: for safety, and for entries loaded by other means (SQL)."""

from django.core.management.base import BaseCommand

from ips.models import rebuild_daily_minutes


class Command(BaseCommand):
    help = "Rebuild the per-team, per-day summary of logged minutes from the time entries."

    def handle(self, *args, **options):
        rows = rebuild_daily_minutes()
        self.stdout.write(f"DailyMinutes rebuilt: {rows} rows.")
