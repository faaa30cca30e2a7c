"""Backup and restore: a dump of the database loads into a fresh, migrated database without loss."""

import json
import os
import re
import subprocess
import sys
from datetime import date
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.factories import ClientFactory
from tests.ips.privacy_seed import seed_every_record
from tests.reference_data import restore_migrated_rows

# The search index differs by database (PostgreSQL's has its own columns) and is rebuilt with update_index.
EXCLUDE = ["contenttypes", "auth.permission", "sessions", "axes", "wagtailsearch.indexentry"]


def _dump_in_process() -> list[dict]:
    out = StringIO()
    call_command("dumpdata", "--natural-foreign", "--natural-primary", *[f"-e={e}" for e in EXCLUDE], stdout=out)
    return json.loads(out.getvalue())


# Django's JSON dump keeps milliseconds: a time 0.5 ms into a second is written "…:52.000Z" and comes back as
# "…:52Z" (no fraction once the microseconds are 0). The same instant, so compare without the empty fraction.
EMPTY_FRACTION = re.compile(r'(T\d{2}:\d{2}:\d{2})\.000(?=Z|[+-]\d{2}:\d{2}")')


def _key(row):
    fields = EMPTY_FRACTION.sub(r"\1", json.dumps(row["fields"], sort_keys=True))
    return (row["model"], json.dumps(row.get("pk")), fields)


@pytest.mark.django_db(transaction=True, reset_sequences=True)
def test_a_dump_round_trips_through_a_fresh_database(tmp_path, client_a, coach_a2, supervisor_a):
    restore_migrated_rows()
    ClientFactory(team=client_a.team, coach=coach_a2, first_name="Åsa", last_name="Öberg")
    # Every kind of client record, and audit-log rows with JSON changes, go through the round trip too.
    seed_every_record(client_a, coach_a2, day=date(2025, 3, 3), name="Ville")
    client_a.municipality = "Mustasaari"
    client_a.save()
    dump = tmp_path / "polku.json"
    rows = _dump_in_process()
    dump.write_text(json.dumps(rows))
    assert any(row["model"] == "ips.client" and row["fields"]["first_name"] == "Åsa" for row in rows)
    dumped = {row["model"] for row in rows}
    assert {"employers.job", "employers.followup", "ips.referral", "auditlog.logentry"} <= dumped

    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("PG", "DATABASE_URL"))},
        "SQLITE_PATH": str(tmp_path / "fresh.sqlite3"),
    }

    def manage(*args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr[-3000:]
        return result.stdout

    manage("migrate", "--noinput", "-v0")
    manage("loaddata", str(dump), "-v0")
    reloaded = json.loads(manage("dumpdata", "--natural-foreign", "--natural-primary", *[f"-e={e}" for e in EXCLUDE]))
    # Nothing dumped is lost; the fresh database may hold more (what its own migrations created).
    lost = set(map(_key, rows)) - set(map(_key, reloaded))
    assert lost == set()
    # Loading writes no audit rows of its own: the restored log is the log that was backed up.
    log_rows = [row for row in reloaded if row["model"] == "auditlog.logentry"]
    assert len(log_rows) == sum(row["model"] == "auditlog.logentry" for row in rows)
    assert len(reloaded) >= len(rows)
