"""The funder workbook is built by a task worker while the user watches its progress, and only they can fetch it."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ips.models import Membership
from reports import workbook
from reports.metrics import Period, Scope
from reports.models import Export
from tests.reports.conftest import YEAR

START = reverse("reports:export_start")


def _params(org):
    return {"scope": f"org:{org.uuid}", "start": "2025-01-01", "end": "2025-12-31", "suppress": "on"}


@pytest.fixture
def worker_backend(settings, monkeypatch):
    """The database backend `make demo` uses: nothing runs until a worker picks the task up.

    The worker closes connections that are not in autocommit mode, as a long-running process should; inside the
    test's transaction that would close the test's own connection (PostgreSQL), so that one call is disabled.
    """
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "exports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
    }
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)


def test_the_worker_builds_the_export_while_the_page_polls_its_progress(
    worker_backend, outcomes, as_user, reporter, org_a
):
    http = as_user(reporter)
    started = http.post(START, _params(org_a))
    export = Export.objects.get()
    assert started.url == reverse("reports:export", args=[export.pk])
    waiting = http.get(started.url).content.decode()
    assert export.status == Export.Status.QUEUED
    assert 'hx-trigger="every 1s"' in waiting and "<progress" in waiting
    assert http.get(reverse("reports:export_download", args=[export.pk])).status_code == 404  # not ready yet

    call_command("db_worker", "--backend", "exports", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    export.refresh_from_db()
    assert (export.status, export.progress) == (Export.Status.DONE, 100)
    fragment = http.get(started.url, headers={"HX-Request": "true"}).content.decode()
    assert "hx-trigger" not in fragment  # polling stops
    assert "<html" not in fragment
    assert reverse("reports:export_download", args=[export.pk]) in fragment
    download = http.get(reverse("reports:export_download", args=[export.pk]))
    assert download["Content-Disposition"] == f'attachment; filename="{export.filename}"'
    assert download.streaming
    summary = list(
        load_workbook(BytesIO(b"".join(download.streaming_content))).worksheets[0].iter_rows(values_only=True)
    )
    assert summary[5][1] == 5  # clients in the project, org A in 2025


def test_nobody_else_sees_or_downloads_an_export(outcomes, as_user, reporter, org_admin, org_a):
    as_user(reporter).post(START, _params(org_a))
    export = Export.objects.get()
    assert export.status == Export.Status.DONE
    other = as_user(org_admin)  # may report on the same organisation, but did not ask for this file
    assert other.get(reverse("reports:export", args=[export.pk])).status_code == 404
    assert other.get(reverse("reports:export_download", args=[export.pk])).status_code == 404


def test_the_build_reports_progress_step_by_step(outcomes, team_a):
    steps = []
    scope = Scope(team_ids=frozenset({team_a.pk}), label=team_a.name, kind="team")
    workbook.build(scope, Period(*YEAR), progress=steps.append).workbook.save(BytesIO())
    assert steps == sorted(steps) and len(steps) >= 5
    assert steps[0] > 0 and steps[-1] < 100


def test_an_export_whose_requester_lost_the_role_fails_with_a_message(
    worker_backend, outcomes, as_user, reporter, org_a
):
    http = as_user(reporter)
    http.post(START, _params(org_a))
    Membership.objects.filter(user=reporter, role=Membership.Role.REPORTER).delete()
    call_command("db_worker", "--backend", "exports", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    export = Export.objects.get()
    assert (export.status, export.content) == (Export.Status.FAILED, None)
    page = http.get(reverse("reports:export", args=[export.pk])).content.decode()
    assert "ei voitu" in page  # "Työkirjaa ei voitu muodostaa" in the user's Finnish


def test_old_exports_are_deleted_when_a_new_one_starts(outcomes, as_user, reporter, org_a):
    http = as_user(reporter)
    http.post(START, _params(org_a))
    Export.objects.update(created=timezone.now() - timedelta(hours=25))
    http.post(START, _params(org_a))
    assert Export.objects.count() == 1
    assert Export.objects.get().created > timezone.now() - timedelta(minutes=5)


def test_a_bad_period_is_refused_next_to_the_field_and_nothing_is_queued(outcomes, as_user, reporter, org_a):
    response = as_user(reporter).post(START, {**_params(org_a), "end": "2024-01-01"})
    assert response.status_code == 400
    assert response.context["form"].errors["end"]
    assert not Export.objects.exists()
