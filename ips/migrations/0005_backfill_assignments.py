"""Give every client without assignment rows the one assignment ips.services would have written.

Records made before assignments were kept had none, and served() fell back to their current team and coach,
programme entry and closure date. The same span as an assignment lets served() read assignments only.
"""

from django.db import migrations
from django.utils import timezone


def backfill(apps, schema_editor):
    Client = apps.get_model("ips", "Client")
    ClientAssignment = apps.get_model("ips", "ClientAssignment")
    # Read first, then write: the rows written would otherwise change the read under an open cursor.
    without = list(
        Client.objects.filter(assignments__isnull=True).values_list(
            "pk", "team_id", "coach_id", "programme_entry", "service_started", "closed_on", "created"
        )
    )
    rows = []
    for pk, team_id, coach_id, entry, service_started, closed_on, created in without:
        started = entry or service_started or timezone.localtime(created).date()
        ended = max(closed_on, started) if closed_on else None
        rows.append(ClientAssignment(client_id=pk, team_id=team_id, coach_id=coach_id, started=started, ended=ended))
    ClientAssignment.objects.bulk_create(rows, batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("ips", "0004_performance_indexes"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
