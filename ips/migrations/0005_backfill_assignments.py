"""Give every client without assignment rows the one assignment ips.services would have written.

Records made before assignments were kept had none, and served() fell back to their current team and coach,
programme entry and closure date. The same span as an assignment lets served() read assignments only.

An assignment's end is the first day it no longer covers (ips/periods.py), and the closing day is still a day of
service, so a closed client's assignment ends the day after closure; rows written at closure before this rule
(ended on the closing day) move one day on.
"""

from datetime import timedelta


from django.db import migrations, models
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
        ended = max(closed_on, started) + timedelta(days=1) if closed_on else None
        rows.append(ClientAssignment(client_id=pk, team_id=team_id, coach_id=coach_id, started=started, ended=ended))
    ClientAssignment.objects.bulk_create(rows, batch_size=2000)
    closed_at_closure = list(
        ClientAssignment.objects.filter(client__closed_on__isnull=False, ended=models.F("client__closed_on"))
    )
    for assignment in closed_at_closure:
        assignment.ended += timedelta(days=1)
    ClientAssignment.objects.bulk_update(closed_at_closure, ["ended"], batch_size=2000)


class Migration(migrations.Migration):
    dependencies = [
        ("ips", "0004_performance_indexes"),
    ]

    operations = [
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
