"""Closing a client's service cancels their open follow-along contacts, in the closure's own transaction."""

import datetime
import importlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from employers import services
from employers.models import FollowUp
from fidelity.indicators.jobs import v12_follow_along
from ips import services as ips_services
from ips.models import Client, Stage
from ips.periods import TeamPeriod
from tests.employers.factories import EmployerContactFactory, EmployerFactory, FollowUpFactory, JobFactory

pytestmark = pytest.mark.django_db

CLOSED = FollowUp.CancelReason.SERVICE_CLOSED


def _today():
    return timezone.localdate()


def _days_ago(days):
    return _today() - datetime.timedelta(days=days)


@pytest.fixture
def working(client_a, coach_a, org_a):
    """client_a started a job 40 days ago: the start's follow-up was met by a visit, one weekly one was marked
    done by hand, the other weekly ones are overdue and the monthly ones are ahead."""
    client_a.assignments.update(started=_days_ago(60))
    Client.objects.filter(pk=client_a.pk).update(programme_entry=_days_ago(60), stage_since=_days_ago(60))
    client_a.refresh_from_db()
    job = services.job_start_record(
        client=client_a,
        employer=EmployerFactory(organisation=org_a),
        title="Myyjä",
        occupation_code="5223",
        start_date=_days_ago(40),
        hours_per_week=Decimal("20"),
        contract_type="fixed_term",
        by=coach_a,
    )
    EmployerContactFactory(coach=coach_a, client=client_a, date=_days_ago(38))
    weekly = job.follow_ups.filter(kind=FollowUp.Kind.WEEKLY).order_by("due_on")
    services.follow_up_mark_done(follow_up=weekly[0], on=_days_ago(30), by=coach_a)
    client_a.refresh_from_db()
    return job


def _close(as_user, user, client, **extra):
    data = {"closed_on": _today().isoformat(), "outcome": "open_market_job", "closure_reason": "", **extra}
    return as_user(user).post(reverse("ips:client_close", args=[client.uuid]), data)


def test_closing_cancels_the_open_follow_ups_as_of_the_closure_and_keeps_the_rows(as_user, coach_a, client_a, working):
    assert FollowUp.objects.filter(client=client_a).pending(_today()).exists()  # the test can fail
    assert _close(as_user, coach_a, client_a).status_code == 302
    rows = FollowUp.objects.filter(client=client_a)
    assert rows.count() == 16  # nothing deleted
    cancelled = rows.filter(cancelled_on=_today(), cancel_reason=CLOSED)
    assert cancelled.count() == 14
    assert not rows.open().with_state(_today()).exclude(state=FollowUp.State.DONE).exists()
    assert not FollowUp.objects.filter(client=client_a).pending(_today()).exists()


def test_met_follow_ups_stay_done_and_are_not_cancelled(as_user, coach_a, client_a, working):
    _close(as_user, coach_a, client_a)
    kept = FollowUp.objects.filter(client=client_a, cancelled_on__isnull=True).with_state(_today())
    assert sorted((row.kind, row.state) for row in kept) == [("after_start", "done"), ("weekly", "done")]


def test_follow_ups_a_job_end_cancelled_keep_their_date_and_reason(as_user, coach_a, client_a, working):
    services.job_end_record(job=working, end_date=_days_ago(5), end_reason="contract_ended", by=coach_a)
    ended = set(working.follow_ups.filter(cancel_reason=FollowUp.CancelReason.JOB_ENDED).values_list("pk", flat=True))
    assert ended
    _close(as_user, coach_a, client_a)
    assert (
        set(
            working.follow_ups.filter(
                cancel_reason=FollowUp.CancelReason.JOB_ENDED, cancelled_on=_days_ago(5)
            ).values_list("pk", flat=True)
        )
        == ended
    )
    # The after-end contact, overdue or not, is open no more.
    assert working.follow_ups.get(kind=FollowUp.Kind.AFTER_END).cancel_reason == CLOSED


def test_a_refused_closure_cancels_nothing(as_user, coach_a, client_a, working):
    response = _close(as_user, coach_a, client_a, outcome="")
    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    assert not FollowUp.objects.filter(cancel_reason=CLOSED).exists()
    client_a.refresh_from_db()
    assert client_a.stage != Stage.CLOSED


def test_an_outsider_cannot_close_and_cancels_nothing(as_user, coach_b, client_a, working):
    assert _close(as_user, coach_b, client_a).status_code == 404
    assert not FollowUp.objects.filter(cancel_reason=CLOSED).exists()


def test_the_closure_and_the_cancellation_are_one_transaction(coach_a, client_a, working, monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("the follow-ups could not be cancelled")

    monkeypatch.setattr(services, "follow_ups_cancel_for_closure", fail)
    with pytest.raises(RuntimeError):
        ips_services.client_close(
            client=client_a, closed_on=_today(), outcome="open_market_job", reason="", satisfaction=None, by=coach_a
        )
    assert Client.objects.get(pk=client_a.pk).stage == Stage.SUPPORT
    assert not client_a.stage_changes.filter(stage=Stage.CLOSED).exists()


def test_a_corrected_closure_date_moves_the_cancellations(as_user, coach_a, client_a, working):
    _close(as_user, coach_a, client_a)
    _close(as_user, coach_a, client_a, closed_on=_days_ago(2).isoformat())
    assert set(FollowUp.objects.filter(cancel_reason=CLOSED).values_list("cancelled_on", flat=True)) == {_days_ago(2)}


def test_reopening_plans_again_the_follow_ups_still_ahead(as_user, coach_a, client_a, working):
    _close(as_user, coach_a, client_a)
    response = as_user(coach_a).post(
        reverse("ips:client_stage", args=[client_a.uuid]), {"stage": "support", "changed_on": _today().isoformat()}
    )
    assert response.status_code == 302
    reopened = FollowUp.objects.filter(client=client_a, cancelled_on__isnull=True, due_on__gte=_today())
    assert reopened.count() == 11  # the monthly ones
    # Those that fell due while the service was closed, or before, stay cancelled.
    assert not FollowUp.objects.filter(client=client_a, cancel_reason=CLOSED, due_on__gte=_today()).exists()
    assert FollowUp.objects.filter(client=client_a, cancel_reason=CLOSED, due_on__lt=_today()).count() == 3


def test_the_client_page_tells_what_the_closure_cancelled(as_user, coach_a, client_a, working):
    coach_a.language = "en"
    coach_a.save()
    _close(as_user, coach_a, client_a)
    response = as_user(coach_a).get(reverse("employers:client_jobs", args=[client_a.uuid]))
    assert response.context["follow_ups"] == []
    assert response.context["cancelled_at_closure"] == 14
    with translation.override("en"):
        day = date_format(_today(), "SHORT_DATE_FORMAT")
    assert f"When the service closed on {day}, 14 open follow-along contacts were cancelled." in (
        response.content.decode()
    )


def test_an_open_clients_page_does_not_mention_a_closure(as_user, coach_a, client_a, working):
    response = as_user(coach_a).get(reverse("employers:client_jobs", args=[client_a.uuid]))
    assert response.context["cancelled_at_closure"] == 0
    assert [f.state for f in response.context["follow_ups"]].count("overdue") == 3


def test_v12_gives_the_same_figures_before_and_after_the_closure(as_user, coach_a, client_a, team_a, working):
    period = TeamPeriod(team_id=team_a.pk, start=_days_ago(50), end=_today())
    before = v12_follow_along(period)
    # Met two days after the start, but not the week before nor every week of the first month (v12_ladder).
    assert before.measured_value == 0
    _close(as_user, coach_a, client_a)
    after = v12_follow_along(period)
    assert (after.score, after.measured_value, after.detail) == (before.score, before.measured_value, before.detail)


def test_ending_a_closed_clients_job_plans_no_follow_along(as_user, coach_a, client_a, working):
    _close(as_user, coach_a, client_a)
    response = as_user(coach_a).post(
        reverse("employers:job_end", args=[working.uuid]),
        {"end_date": _today().isoformat(), "end_reason": "contract_ended"},
    )
    assert response.status_code == 302
    assert not working.follow_ups.filter(kind=FollowUp.Kind.AFTER_END).exists()
    assert not FollowUp.objects.filter(client=client_a).open().with_state(_today()).exclude(state="done").exists()


def test_the_migration_cancels_the_open_follow_ups_of_clients_closed_before(coach_a, client_a, team_a):
    """Clients closed before this change kept open follow-ups: the data migration cancels them as of closure."""
    migration = importlib.import_module("employers.migrations.0004_fill_uuids_and_cancel_reasons")
    job = JobFactory(client=client_a, start_date=_days_ago(100))
    met = FollowUpFactory(job=job, window_start=_days_ago(100), due_on=_days_ago(97))
    EmployerContactFactory(coach=coach_a, client=client_a, date=_days_ago(99))
    unmet = FollowUpFactory(job=job, window_start=_days_ago(10), due_on=_days_ago(5))
    ahead = FollowUpFactory(job=job, window_start=_days_ago(2), due_on=_today() + datetime.timedelta(days=10))
    done = FollowUpFactory(job=job, window_start=_days_ago(10), due_on=_days_ago(6), done_on=_days_ago(6))
    ended = FollowUpFactory(job=job, window_start=_days_ago(10), due_on=_days_ago(6), cancelled_on=_days_ago(20))
    open_client = JobFactory(client__team=team_a)
    elsewhere = FollowUpFactory(job=open_client, window_start=_days_ago(10), due_on=_days_ago(5))
    # Closed the old way: no signal, the follow-ups left open.
    Client.objects.filter(pk=client_a.pk).update(stage=Stage.CLOSED, closed_on=_days_ago(3))

    migration.forwards(apps, None)

    def state(row):
        row.refresh_from_db()
        return row.cancelled_on, row.cancel_reason

    assert state(unmet) == (_days_ago(3), CLOSED)
    assert state(met) == (None, "")
    assert state(done) == (None, "")
    assert state(ended) == (_days_ago(20), FollowUp.CancelReason.JOB_ENDED)
    assert state(ahead) == (_days_ago(3), CLOSED)
    assert state(elsewhere) == (None, "")
