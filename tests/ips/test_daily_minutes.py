"""DailyMinutes, the per-team, per-day summary of the log that the organisation dashboard reads, always equals the
GROUP BY of the raw entries: after every kind of write, through the real views and services."""

import ast
import io
import threading
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import PROTECT, Sum
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from bench.national.generate import generate
from employers.models import ImportRun
from ips import privacy
from ips.models import DailyMinutes, HandOver, Setting, TimeEntry, activity
from ips.models.handover import Destination
from ips.services import client_assign
from ips.support_services import hand_over_record
from loadtest.seed import seed_coaches
from tests.employers.import_files import time_entry_rows, workbook
from tests.employers.test_imports import _check, _commit, _upload
from tests.factories import ClientFactory, ConsentFactory, TimeEntryFactory, activity_kind
from tests.ips.test_today import _data
from tests.reference_data import restore_migrated_rows
from tests.test_house import python_modules
from tests.trust.cases import form_data

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


def log_sums() -> list[tuple]:
    """The coaches' minutes per team, day, kind and setting, summed from the raw entries."""
    return sorted(
        TimeEntry.objects.coaches_work()
        .order_by()
        .values_list("team_id", "date", "kind_id", "setting")
        .annotate(total=Sum("minutes"))
    )


def summary_rows() -> list[tuple]:
    return sorted(DailyMinutes.objects.values_list("team_id", "date", "kind_id", "setting", "minutes"))


def assert_summary_equals_log() -> None:
    assert summary_rows() == log_sums()


def _grid_form(browser, url) -> dict:
    response = browser.get(url)
    assert response.status_code == 200
    return {key: values[0] for key, values in form_data(response.content, "rows").items() if values}


def test_the_summary_follows_inserts_edits_deletes_and_anonymisation(
    as_user, coach_a, coach_b, nurse_a, supervisor_a, team_a, team_b, client_a
):
    today = timezone.localdate()
    yesterday = today - timedelta(days=1)
    ConsentFactory(client=client_a, given_on=today - timedelta(days=30))
    browser = as_user(coach_a)

    # Inserts: Today's form (with and without a client), twice on one key so the sum is of two entries.
    add = reverse("ips:entry_create")
    assert browser.post(add, _data(client=client_a.pk, minutes="60")).status_code == 302
    assert browser.post(add, _data(minutes="30")).status_code == 302
    assert browser.post(add, _data(date=yesterday.isoformat(), setting="office")).status_code == 302
    assert DailyMinutes.objects.filter(team=team_a, date=today, setting="community").get().minutes == 90
    assert_summary_equals_log()

    # A nurse's entry is the team's log but not coaches' work: the summary leaves it out.
    assert as_user(nurse_a).post(add, _data(minutes="20")).status_code == 302
    assert TimeEntry.objects.filter(coach=nurse_a, coach_work=False).exists()
    assert_summary_equals_log()

    # The week grid creates, changes and deletes its own entries.
    monday = today - timedelta(days=today.weekday() + 7)
    grid = f"{reverse('ips:week_grid')}?on={monday.isoformat()}"
    browser = as_user(coach_a)
    data = _grid_form(browser, grid)
    data.update({"r0-kind": activity_kind("job_search").pk, "r0-setting": "workplace", "r0-d0": "90", "r0-d1": "30"})
    assert browser.post(grid, data).status_code == 302
    assert_summary_equals_log()
    data = _grid_form(browser, grid)
    data.update({"r0-d0": "75", "r0-d1": ""})
    assert browser.post(grid, data).status_code == 302
    assert TimeEntry.objects.filter(coach=coach_a, from_grid=True).count() == 1
    assert_summary_equals_log()

    # Edits through the entry form: minutes, day, kind and setting.
    entry = TimeEntry.objects.get(coach=coach_a, date=today, minutes=30)
    edit = reverse("ips:entry_edit", args=[entry.uuid])
    assert browser.post(edit, _data(minutes="50")).status_code == 302
    assert_summary_equals_log()
    assert browser.post(edit, _data(minutes="50", date=yesterday.isoformat())).status_code == 302
    assert not DailyMinutes.objects.filter(team=team_a, date=today, setting="community", minutes=110).exists()
    assert_summary_equals_log()
    kind = activity_kind("job_search").pk
    assert browser.post(edit, _data(minutes="50", date=yesterday.isoformat(), kind=kind)).status_code == 302
    assert_summary_equals_log()

    # The client moves to team B: B's coach logs for them under B; A's history stays where it was.
    client_assign(client=client_a, team=team_b, coach=coach_b, on=today)
    client_a.refresh_from_db()
    assert as_user(coach_b).post(add, _data(client=client_a.pk, minutes="25")).status_code == 302
    assert set(DailyMinutes.objects.values_list("team", flat=True)) == {team_a.pk, team_b.pk}
    assert_summary_equals_log()

    # A hand-over's minutes go to the recorder's log.
    hand_over = HandOver(
        destination=Destination.objects.order_by("pk").first(),
        receiver_name="Vastaanottaja",
        receiver_organisation="Kela",
        first_meeting_on=yesterday,
        attended=HandOver.Attended.values[0],
    )
    hand_over_record(hand_over=hand_over, client=client_a, by=coach_b, minutes=40)
    assert TimeEntry.objects.filter(kind__code="hand_over").exists()
    assert_summary_equals_log()

    # Deletes through the entry's delete page.
    delete = reverse("ips:entry_delete", args=[entry.uuid])
    assert as_user(coach_a).post(delete).status_code == 302
    assert_summary_equals_log()

    # An import of the team's tracker commits many entries at once, and its undo removes them.
    supervisor = as_user(supervisor_a)
    other = ClientFactory(team=team_a, coach=coach_a, programme_entry=today - timedelta(days=60))
    ConsentFactory(client=other, given_on=today - timedelta(days=60))
    logged = TimeEntry.objects.count()
    content = workbook(time_entry_rows(coach_a.username, other.code, today))
    run = _check(supervisor, _upload(supervisor, team_a, "time_entries", "t.xlsx", content))
    run = _commit(supervisor, run, skip_errors="1")
    assert run.status == ImportRun.Status.DONE
    assert TimeEntry.objects.count() == logged + 4
    assert_summary_equals_log()
    assert supervisor.post(reverse("employers:import_undo", args=[run.uuid])).status_code == 302
    run.refresh_from_db()
    assert run.status == ImportRun.Status.UNDONE
    assert_summary_equals_log()

    # Anonymisation blanks the entries' notes and keeps their hours: the summary stays as it was.
    before = summary_rows()
    TimeEntry.objects.filter(client=client_a).update(note="Kahvilassa")
    privacy.anonymise_clients(clients=[client_a], today=today)
    assert not TimeEntry.objects.filter(client=client_a).exclude(note="").exists()
    assert summary_rows() == before
    assert_summary_equals_log()
    assert DailyMinutes.objects.exists()


def _entry(**extra) -> TimeEntry:
    return TimeEntryFactory(**extra)


def test_every_orm_write_of_entries_keeps_the_summary_equal(coach_a, coach_b, team_a, team_b, monkeypatch):
    """The model's own writes (save, delete) and the queryset's bulk ones each refresh the keys they touch."""
    today = timezone.localdate()
    entry = TimeEntry.objects.create(
        coach=coach_a, team=team_a, date=today, minutes=30, kind=activity_kind("job_search")
    )
    assert_summary_equals_log()
    for change in (
        {"minutes": 45},
        {"date": today - timedelta(days=3)},
        {"kind": activity_kind("client_meeting")},
        {"setting": "workplace"},
        {"team": team_b},
        {"coach_work": False},
        {"coach_work": True, "team": team_a},
    ):
        for name, value in change.items():
            setattr(entry, name, value)
        entry.save()
        assert_summary_equals_log()
    # An instance made with the pk of a stored row, not read from the database: the key it leaves is read first.
    stranger = TimeEntry.objects.filter(pk=entry.pk).values().get()
    stranger.update(date=today - timedelta(days=5), minutes=10)
    TimeEntry(**stranger).save()
    assert_summary_equals_log()
    entry.refresh_from_db()
    entry.date = today
    entry.save(update_fields=["date"])
    assert_summary_equals_log()

    monkeypatch.setattr(activity, "ADD_BATCH", 4)  # six entries on two days: the second addition adds to the first
    made = TimeEntry.objects.bulk_create(
        TimeEntry(coach=coach_b, team=team_b, date=today - timedelta(days=n % 2), minutes=15 + n, kind=entry.kind)
        for n in range(6)
    )
    assert_summary_equals_log()
    TimeEntry.objects.filter(coach=coach_b).update(minutes=20)
    assert_summary_equals_log()
    TimeEntry.objects.filter(coach=coach_b, date__lt=today).update(team=team_a, date=today)
    assert_summary_equals_log()
    for item in made:
        item.minutes, item.setting = 5, Setting.REMOTE
    TimeEntry.objects.bulk_update(made, ["minutes", "setting"])
    assert_summary_equals_log()
    TimeEntry.objects.update_or_create(pk=made[0].pk, defaults={"minutes": 99})
    TimeEntry.objects.get_or_create(coach=coach_a, team=team_b, date=today, minutes=7, kind=entry.kind)
    assert_summary_equals_log()
    TimeEntry.objects.filter(pk__in=[item.pk for item in made[:3]]).delete()
    assert_summary_equals_log()
    entry.delete()
    assert_summary_equals_log()
    TimeEntry.objects.all().delete()
    assert not DailyMinutes.objects.exists()


def test_writes_that_change_nothing_summed_leave_the_summary_alone(coach_a, team_a):
    """A note, or anonymisation's blanks, costs no refresh (the audit row is the only extra write)."""
    entry = _entry(coach=coach_a, team=team_a, minutes=30)
    entry.note = "Soitto"
    with CaptureQueriesContext(connection) as saved:
        entry.save(update_fields=["note"])
        TimeEntry.objects.filter(pk=entry.pk).update(note="")
        entry.refresh_from_db()
        entry.save()
    assert saved.captured_queries
    assert not [query for query in saved.captured_queries if DailyMinutes._meta.db_table in query["sql"]]
    entry.minutes = 40
    with CaptureQueriesContext(connection) as changed:
        entry.save()
    assert [query for query in changed.captured_queries if DailyMinutes._meta.db_table in query["sql"]]
    assert_summary_equals_log()


def test_the_rebuild_command_equals_the_maintained_table(coach_a, coach_b, nurse_a, team_a, team_b):
    today = timezone.localdate()
    for n in range(12):
        _entry(coach=coach_a, team=team_a, date=today - timedelta(days=n % 4), minutes=10 + n, setting="community")
        _entry(coach=coach_b, team=team_b, date=today - timedelta(days=n % 3), kind=activity_kind("job_search"))
    _entry(coach=nurse_a, team=team_a, coach_work=False)
    maintained = summary_rows()
    assert maintained == log_sums() and len(maintained) == 7
    # The table lost and gained rows by other means: the command puts it back.
    DailyMinutes.objects.filter(team=team_a).delete()
    DailyMinutes.objects.filter(team=team_b).update(minutes=1)
    out = io.StringIO()
    call_command("rebuild_daily_minutes", stdout=out)
    assert summary_rows() == maintained
    assert "7 rows" in out.getvalue()


# Writes below the model and queryset methods TimeEntry overrides: the collector, the query compiler's own
# insert/update/delete, raw SQL, the bench generator's COPY/executemany writer.
LOW_LEVEL_CALLS = {"Collector", "_insert", "_batched_insert", "_update", "_raw_delete", "executemany", "copy_expert"}
RAW_WRITE = ("INSERT", "UPDATE", "DELETE", "COPY")
REFRESHERS = {"refresh_daily_minutes", "rebuild_daily_minutes"}
# Modules whose low-level writes never reach the log, each with the reason.
NEVER_THE_LOG = {
    "ips/audit.py": "inserts auditlog rows only",
    "ips/models/activity.py": "the summary's own refresh and rebuild",
    "bench/national/writer.py": "the generator's writer; bench/national/generate.py rebuilds the summary after it",
}


def _name_of(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    return node.attr if isinstance(node, ast.Attribute) else ""


def low_level_writes(source: str) -> tuple[list[int], bool]:
    """The lines of a module that write past TimeEntry's overrides, and whether the module refreshes the summary."""
    lines, refreshes = [], False
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = _name_of(node.func)
        refreshes |= name in REFRESHERS
        first = node.args[0] if node.args else None
        text = ""
        if isinstance(first, ast.Constant) and isinstance(first.value, str):
            text = first.value
        elif isinstance(first, ast.JoinedStr):
            text = "".join(part.value for part in first.values if isinstance(part, ast.Constant))
        passes_the_log = any(isinstance(arg, ast.Name) and arg.id == "TimeEntry" for arg in node.args)
        if (
            name in LOW_LEVEL_CALLS
            or (name in {"execute", "copy"} and text.lstrip().upper().startswith(RAW_WRITE))
            or (name == "insert" and passes_the_log)
        ):
            lines.append(node.lineno)
    return lines, refreshes


def test_the_check_finds_writes_past_the_model():
    assert low_level_writes("Collector(using='default').delete()") == ([1], False)
    assert low_level_writes("cursor.execute(f'DELETE FROM {table}')\nrefresh_daily_minutes(keys)") == ([1], True)
    assert low_level_writes("self.w.insert(TimeEntry, columns, rows)") == ([1], False)
    assert low_level_writes("cursor.execute('SELECT 1')\nTimeEntry.objects.filter(pk=1).delete()") == ([], False)


def test_no_module_writes_entries_past_the_model_without_refreshing_the_summary():
    """TimeEntry.save()/delete() and its queryset's bulk_create/update/delete refresh the summary themselves; a
    module that writes below them (the import's undo uses the collector) must refresh it on its own."""
    bypassing = {}
    for path in python_modules(ROOT):
        relative = path.relative_to(ROOT).as_posix()
        if relative.startswith("tests/") or relative in NEVER_THE_LOG:
            continue
        lines, refreshes = low_level_writes(path.read_text(encoding="utf-8"))
        if lines and not refreshes:
            bypassing[relative] = lines
    assert bypassing == {}
    for relative in NEVER_THE_LOG:
        assert low_level_writes((ROOT / relative).read_text(encoding="utf-8"))[0], f"{relative}: drop it from the list"


def test_nothing_deletes_entries_by_cascade():
    """A cascade would delete entries through the collector, past TimeEntry.delete(): every relation protects."""
    for field in TimeEntry._meta.concrete_fields:
        if field.is_relation:
            assert field.remote_field.on_delete is PROTECT, field.name


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite lets one writer in at a time")
@pytest.mark.django_db(transaction=True)
def test_two_transactions_changing_entries_of_one_team_and_day_take_turns(coach_a, coach_a2, team_a, monkeypatch):
    """Both edits are written before either refresh starts: without the team lock, each aggregate would see only
    its own edit and the later one would put back the other's old minutes. (New entries need no lock: the database
    adds one transaction's minutes after the other's, which the first half shows.)"""
    restore_migrated_rows()  # an earlier transactional test may have emptied the activity kinds
    today, kind = timezone.localdate(), activity_kind("job_search")
    both_written = threading.Barrier(2, timeout=10)
    refresh = activity.refresh_daily_minutes

    def refresh_after_both_wrote(keys):
        both_written.wait()
        refresh(keys)

    errors = []

    def in_a_thread(write):
        def run(*args):
            try:
                write(*args)
            except Exception as error:
                errors.append(error)
            finally:
                connection.close()

        return run

    @in_a_thread
    def log(coach, minutes):
        TimeEntry.objects.create(coach=coach, team=team_a, date=today, minutes=minutes, kind=kind)

    @in_a_thread
    def edit(coach, minutes):
        entry = TimeEntry.objects.get(coach=coach)
        entry.minutes = minutes
        entry.save()

    for write, values in ((log, (30, 45)), (edit, (40, 50))):
        if write is edit:
            monkeypatch.setattr(activity, "refresh_daily_minutes", refresh_after_both_wrote)
        writers = [threading.Thread(target=write, args=args) for args in zip((coach_a, coach_a2), values, strict=True)]
        for writer in writers:
            writer.start()
        for writer in writers:
            writer.join()
        assert errors == []
        assert DailyMinutes.objects.get(team=team_a).minutes == sum(values)
        assert_summary_equals_log()


def test_the_demo_and_the_load_tests_seed_leave_the_summary_equal(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_demo", stdout=io.StringIO())  # the second load deletes the demo's log and writes it again
    assert_summary_equals_log()
    seed_coaches(2)
    assert_summary_equals_log()


def test_the_national_generator_writes_its_log_raw_and_then_the_summary():
    counts = generate("tiny", today=timezone.localdate())
    assert counts["ips.DailyMinutes"] == DailyMinutes.objects.count() > 0
    assert_summary_equals_log()
