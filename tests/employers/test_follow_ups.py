import datetime
from decimal import Decimal

import pytest

from employers import services
from employers.models import Employer, FollowUp
from employers.models.jobs import FOLLOW_UP_TIME_ENTRY_KINDS
from ips.models import ActivityKind, Stage, StageChange, TimeEntry
from tests.employers.factories import EmployerContactFactory, EmployerFactory, FollowUpFactory, JobFactory

pytestmark = pytest.mark.django_db

D = datetime.date


def test_the_plan_for_a_job_starting_on_15_january_2026_has_exact_dates():
    plan = services.follow_up_plan(D(2026, 1, 15))
    assert [(p.kind, p.window_start, p.due_on) for p in plan[:6]] == [
        ("after_start", D(2026, 1, 15), D(2026, 1, 18)),
        ("weekly", D(2026, 1, 19), D(2026, 1, 22)),
        ("weekly", D(2026, 1, 23), D(2026, 1, 29)),
        ("weekly", D(2026, 1, 30), D(2026, 2, 5)),
        ("weekly", D(2026, 2, 6), D(2026, 2, 12)),
        ("monthly", D(2026, 2, 13), D(2026, 3, 15)),
    ]
    monthly = [p.due_on for p in plan if p.kind == "monthly"]
    assert monthly == [D(2026, m, 15) for m in range(3, 13)] + [D(2027, 1, 15)]
    assert len(plan) == 16


def test_monthly_follow_ups_after_a_start_on_the_31st_fall_on_the_last_day_of_short_months():
    monthly = [p.due_on for p in services.follow_up_plan(D(2026, 1, 31)) if p.kind == "monthly"]
    assert monthly[:3] == [D(2026, 3, 31), D(2026, 4, 30), D(2026, 5, 31)]


START = D(2026, 1, 15)


def _start(client, coach, employer, start=START):
    return services.job_start_record(
        client=client,
        employer=employer,
        title="Myyjä",
        occupation_code="5223",
        start_date=start,
        hours_per_week=Decimal("20"),
        hourly_wage=Decimal("12.40"),
        contract_type="fixed_term",
        by=coach,
    )


def test_starting_a_job_plans_follow_ups_and_moves_the_client_to_support(client_a, coach_a, org_a):
    employer = EmployerFactory(organisation=org_a, status=Employer.Status.LEAD)
    job = _start(client_a, coach_a, employer)
    assert job.follow_ups.count() == 16
    client_a.refresh_from_db()
    assert client_a.stage == Stage.SUPPORT
    assert client_a.stage_since == D(2026, 1, 15)
    assert StageChange.objects.filter(client=client_a, stage=Stage.SUPPORT).exists()
    employer.refresh_from_db()
    assert employer.status == Employer.Status.HIRING_PARTNER


def test_ending_a_job_plans_a_contact_within_three_days_and_cancels_later_ones(client_a, coach_a, org_a):
    job = _start(client_a, coach_a, EmployerFactory(organisation=org_a))
    services.job_end_record(job=job, end_date=D(2026, 2, 20), end_reason="contract_ended", by=coach_a)
    after_end = job.follow_ups.get(kind=FollowUp.Kind.AFTER_END)
    assert (after_end.window_start, after_end.due_on) == (D(2026, 2, 20), D(2026, 2, 23))
    open_dues = list(job.follow_ups.open().values_list("due_on", flat=True))
    assert open_dues == [D(2026, 1, 18), D(2026, 1, 22), D(2026, 1, 29), D(2026, 2, 5), D(2026, 2, 12), D(2026, 2, 23)]
    assert job.follow_ups.filter(cancelled_on=D(2026, 2, 20)).count() == 11


def _state(follow_up, today):
    return FollowUp.objects.with_state(today).get(pk=follow_up.pk).state


def test_a_follow_up_is_planned_then_due_then_overdue(client_a):
    follow_up = FollowUpFactory(job=JobFactory(client=client_a), window_start=D(2026, 3, 1), due_on=D(2026, 3, 4))
    assert _state(follow_up, D(2026, 2, 28)) == "planned"
    assert _state(follow_up, D(2026, 3, 1)) == "due"
    assert _state(follow_up, D(2026, 3, 4)) == "due"
    assert _state(follow_up, D(2026, 3, 5)) == "overdue"


def test_a_monthly_follow_up_shows_as_due_only_in_its_last_week(client_a):
    follow_up = FollowUpFactory(job=JobFactory(client=client_a), window_start=D(2026, 3, 1), due_on=D(2026, 3, 31))
    assert _state(follow_up, D(2026, 3, 10)) == "planned"
    assert _state(follow_up, D(2026, 3, 24)) == "due"


def test_an_employer_contact_naming_the_client_in_the_window_meets_the_follow_up(client_a, coach_a):
    job = JobFactory(client=client_a)
    follow_up = FollowUpFactory(job=job, window_start=D(2026, 3, 1), due_on=D(2026, 3, 4))
    EmployerContactFactory(coach=coach_a, client=client_a, employer=job.employer, date=D(2026, 2, 27))
    assert _state(follow_up, D(2026, 3, 5)) == "overdue"  # a contact before the window does not count
    EmployerContactFactory(
        coach=coach_a, client=client_a, employer=job.employer, date=D(2026, 3, 6), purpose="workplace_support"
    )
    row = FollowUp.objects.with_state(D(2026, 3, 7)).get(pk=follow_up.pk)
    assert (row.state, row.met_on) == ("done", D(2026, 3, 6))


def _hour_logged_on_2_march(client, coach, team, kind):
    TimeEntry.objects.create(date=D(2026, 3, 2), coach=coach, team=team, minutes=60, kind=kind, client=client)


def test_a_support_entry_in_the_daily_log_meets_the_follow_up(client_a, coach_a, team_a):
    follow_up = FollowUpFactory(job=JobFactory(client=client_a), window_start=D(2026, 3, 1), due_on=D(2026, 3, 4))
    _hour_logged_on_2_march(client_a, coach_a, team_a, ActivityKind.objects.get(code="on_the_job_support"))
    row = FollowUp.objects.with_state(D(2026, 3, 3)).get(pk=follow_up.pk)
    assert (row.state, row.met_on) == ("done", D(2026, 3, 2))


def test_an_unrelated_log_entry_does_not_meet_the_follow_up(client_a, coach_a, team_a):
    follow_up = FollowUpFactory(job=JobFactory(client=client_a), window_start=D(2026, 3, 1), due_on=D(2026, 3, 4))
    _hour_logged_on_2_march(
        client_a, coach_a, team_a, ActivityKind.objects.exclude(code__in=FOLLOW_UP_TIME_ENTRY_KINDS).first()
    )
    assert _state(follow_up, D(2026, 3, 3)) == "due"


def test_a_follow_up_marked_done_by_hand_is_done(client_a, coach_a):
    follow_up = FollowUpFactory(job=JobFactory(client=client_a), window_start=D(2026, 3, 1), due_on=D(2026, 3, 4))
    services.follow_up_mark_done(follow_up=follow_up, on=D(2026, 3, 10), by=coach_a)
    assert _state(follow_up, D(2026, 3, 11)) == "done"


def test_pending_lists_due_and_overdue_but_not_planned_or_cancelled(client_a):
    job = JobFactory(client=client_a)
    overdue = FollowUpFactory(job=job, window_start=D(2026, 2, 1), due_on=D(2026, 2, 4))
    due = FollowUpFactory(job=job, window_start=D(2026, 3, 1), due_on=D(2026, 3, 4))
    FollowUpFactory(job=job, window_start=D(2026, 4, 1), due_on=D(2026, 4, 4))
    FollowUpFactory(job=job, window_start=D(2026, 2, 1), due_on=D(2026, 2, 4), cancelled_on=D(2026, 2, 2))
    assert list(FollowUp.objects.pending(D(2026, 3, 2))) == [overdue, due]
