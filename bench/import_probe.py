"""An import of 10,000 time-entry rows in a fresh process: the preview (read + check) and the commit, timed, with
peak memory, printed as JSON for bench/measure.py (targets: preview ≤ 20 s, commit ≤ 30 s, ≤ 500 MB).

`python -m bench.import_probe TEAM_ID` imports into that team of the current database inside a transaction that is
rolled back (the national data stays as it was); `python -m bench.import_probe --fresh` migrates a throwaway
SQLite database first and seeds one team (a quick figure without the national data).
"""

import io
import json
import os
import sys
import tempfile
from datetime import timedelta

if "--fresh" in sys.argv:
    os.environ["SQLITE_PATH"] = os.path.join(tempfile.mkdtemp(prefix="polku-import-"), "bench.sqlite3")

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone, translation  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from bench.peak_rss import measure  # noqa: E402
from employers.imports import service  # noqa: E402
from employers.models import ImportRun  # noqa: E402
from ips.models import ActivityKind, Client, Membership, Organisation, Team, User  # noqa: E402

ROWS = int(os.environ.get("POLKU_IMPORT_ROWS", 10_000))
SETTINGS = ["Lähiympäristö", "Työpaikka", "Toimisto", "Puhelin tai video"]


def seed() -> Team:
    call_command("migrate", "--noinput", "-v0")
    organisation = Organisation.objects.create(name="Bench", code="ben")
    team = Team.objects.create(organisation=organisation, name="Bench")
    supervisor = User.objects.create(username="bench_supervisor")
    Membership.objects.create(user=supervisor, team=team, organisation=organisation, role="supervisor")
    for number in range(8):
        coach = User.objects.create(username=f"bench_coach{number}", first_name="Valmentaja", last_name=str(number))
        Membership.objects.create(user=coach, team=team, organisation=organisation, role="coach")
        for _client in range(20):
            Client.objects.create(team=team, coach=coach, first_name="Asiakas", last_name=str(number))
    return team


def tracker(team: Team) -> bytes:
    """10,000 rows of the kind a team keeps: Finnish headers, dates typed, coaches by user name, client codes."""
    coaches = list(
        User.objects.filter(memberships__team=team, memberships__role="coach", memberships__ended__isnull=True)
        .distinct()
        .values_list("pk", "username")[:20]
    )
    codes = {
        coach: list(
            Client.objects.filter(team=team, coach=coach).exclude(stage="closed").values_list("code", flat=True)[:30]
        )
        for coach, _name in coaches
    }
    kinds = list(ActivityKind.objects.filter(active=True, needs_consent=False).values_list("name_fi", flat=True))
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Tunnit")
    sheet.append(["Päivämäärä", "Työhönvalmentaja", "Minuutit", "Toiminto", "Paikka", "Asiakaskoodi", "Huom"])
    today = timezone.localdate()
    for number in range(ROWS):
        coach, username = coaches[number % len(coaches)]
        day = today - timedelta(days=1 + (number // len(coaches)) % 300)
        client = codes[coach][number % len(codes[coach])] if codes[coach] and number % 3 else None
        sheet.append(
            [day.strftime("%d.%m.%Y"), username, 5, kinds[number % len(kinds)], SETTINGS[number % 4], client, None]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def main() -> None:
    fresh = "--fresh" in sys.argv
    team = seed() if fresh else Team.objects.get(pk=int(sys.argv[1]))
    supervisor = User.objects.filter(memberships__team=team, memberships__role="supervisor").first()
    content = tracker(team)
    result = {"rows": ROWS, "bytes": len(content)}
    with transaction.atomic(), translation.override("fi"):
        run, result["upload"] = measure(
            lambda: service.upload(
                user=supervisor, team=team, kind="time_entries", filename="tunnit.xlsx", content=content, language="fi"
            )
        )
        run = ImportRun.objects.select_related("team__organisation", "created_by").get(pk=run.pk)
        if os.environ.get("POLKU_IMPORT_PROFILE"):
            import cProfile
            import pstats

            profile = cProfile.Profile()
            profile.runcall(service.check, run)
            pstats.Stats(profile, stream=sys.stderr).sort_stats("cumulative").print_stats(45)
        _checked, result["preview"] = measure(lambda: service.check(run))
        run.refresh_from_db()
        result["errors"] = run.rows_error
        result["preview"]["seconds"] += result["upload"]["seconds"]
        _done, result["commit"] = measure(lambda: service.commit(run))
        run.refresh_from_db()
        result["created"], result["status"] = run.rows_created, run.status
        transaction.set_rollback(True)  # the national data stays as it was
    sys.stdout.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
