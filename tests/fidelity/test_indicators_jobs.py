"""V8, V9, V10, V12 and the V1 figures from jobs, hand-computed on small made-up data."""

from datetime import date

import pytest

from employers.models import FollowUp
from fidelity.indicators.jobs import (
    v1_benefits,
    v8_job_types,
    v9_employers,
    v10_competitive,
    v12_follow_along,
    v12_ladder,
)
from ips.models import ClientAssignment
from tests.employers.factories import EmployerContactFactory, EmployerFactory, JobFactory
from tests.factories import TimeEntryFactory, activity_kind
from tests.fidelity.indicators_data import START, client, coach, period

pytestmark = pytest.mark.django_db


def _job(team, *, start=date(2025, 1, 10), code="5223", employer=None, end=None, competitive=True, person=None):
    person = person or client(team)
    employer = employer or EmployerFactory(organisation=team.organisation)
    return JobFactory(
        client=person, employer=employer, occupation_code=code, start_date=start, end_date=end, competitive=competitive
    )


def test_no_jobs_in_the_period_give_no_v8_v9_v10_suggestion(team_a):
    _job(team_a, start=date(2024, 6, 1), end=date(2024, 8, 1))
    for indicator in (v8_job_types, v9_employers, v10_competitive, v12_follow_along):
        suggestion = indicator(period(team_a))
        assert (suggestion.score, suggestion.measured_value) == (None, None)


def test_v8_counts_distinct_two_digit_occupation_groups_among_jobs_started(team_a):
    _job(team_a, code="5223")
    _job(team_a, code="5230")  # the same group 52
    _job(team_a, code="9112")
    _job(team_a, code="4110")
    _job(team_a, code="7411", start=date(2024, 12, 31))  # before the period
    suggestion = v8_job_types(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (75, 4)  # 3 groups / 4 jobs


@pytest.mark.parametrize(
    ("jobs", "distinct", "score"),
    [(4, 1, 1), (10, 4, 1), (10, 5, 2), (10, 6, 3), (10, 7, 4), (20, 16, 4), (20, 17, 5), (4, 4, 5)],
)
def test_v9_counts_distinct_employers_among_jobs_started(team_a, jobs, distinct, score):
    employers = [EmployerFactory(organisation=team_a.organisation) for _ in range(distinct)]
    for index in range(jobs):
        _job(team_a, employer=employers[index % distinct])
    suggestion = v9_employers(period(team_a))
    assert suggestion.score == score
    assert suggestion.measured_value == distinct * 100 / jobs


@pytest.mark.parametrize(("competitive", "score"), [(10, 5), (9, 4), (8, 3), (7, 2), (6, 1)])
def test_v10_share_of_competitive_current_jobs_scores_by_the_anchors(team_a, competitive, score):
    for index in range(10):
        _job(team_a, start=date(2024, 3, 1), competitive=index < competitive)
    _job(team_a, start=date(2024, 3, 1), end=date(2025, 1, 27), competitive=False)  # ended: not current
    suggestion = v10_competitive(period(team_a))
    assert (suggestion.score, suggestion.measured_value) == (score, competitive * 10)


def test_v10_with_fewer_than_10_current_jobs_scores_1_and_says_why(team_a):
    for _ in range(9):
        _job(team_a, start=date(2024, 3, 1))
    suggestion = v10_competitive(period(team_a))
    assert (suggestion.score, suggestion.measured_value) == (1, 100)
    assert suggestion.detail["note"] == "Fewer than 10 current jobs: the scale scores this item 1."


def test_a_job_counts_for_the_team_the_client_was_in_on_its_start_date(team_a, team_b):
    person = client(team_a, ended=date(2025, 1, 14))
    ClientAssignment.objects.create(client=person, team=team_b, started=date(2025, 1, 15))
    _job(team_a, person=person, start=date(2025, 1, 5), code="5223")
    _job(team_a, person=person, start=date(2025, 1, 20), code="9112")
    assert v8_job_types(period(team_a)).detail["rows"][0][2] == "52"
    assert v8_job_types(period(team_b)).detail["rows"][0][2] == "91"
    # On the last day of the period the client is in team B: both current jobs are B's.
    assert v10_competitive(period(team_a)).score is None
    assert v10_competitive(period(team_b)).detail["row_count"] == 2


def _visit(team, worker, job, *days, setting="workplace"):
    for day in days:
        TimeEntryFactory(
            team=team,
            coach=worker,
            client=job.client,
            setting=setting,
            kind=activity_kind("on_the_job_support"),
            date=day,
        )


def test_v12_scores_each_job_against_the_whole_ladder(team_a):
    """Period 1–28 January, jobs starting 10 January. Due in the period: a week before (3–10 Jan), 3 days after
    (10–13 Jan), the first two weeks (10–16, 17–23 Jan; the third ends on the 30th); no month yet."""
    worker = coach(team_a)
    d = lambda day: date(2025, 1, day)  # noqa: E731
    full = _job(team_a)
    EmployerContactFactory(coach=worker, team=team_a, client=full.client, date=d(8))
    _visit(team_a, worker, full, d(12), d(20))
    no_visit_before = _job(team_a)
    _visit(team_a, worker, no_visit_before, d(12), d(20))
    by_phone = _job(team_a)
    _visit(team_a, worker, by_phone, d(8), d(11), d(18), setting="remote")
    missed_week_two = _job(team_a)
    _visit(team_a, worker, missed_week_two, d(5), d(11))
    ended = _job(team_a, end=d(15))  # last day at work 15 Jan: no week due while it ran, met 17 Jan after it
    _visit(team_a, worker, ended, d(9), d(11))
    EmployerContactFactory(coach=worker, team=team_a, client=ended.client, date=d(17))
    suggestion = v12_follow_along(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (40, 2)  # 2 of 5 jobs meet every step due
    rows = {row[1]: row[2:] for row in suggestion.detail["rows"]}
    assert rows == {
        full.client.code: ["✓", "✓", "✓", "–", "–", "✓"],
        no_visit_before.client.code: ["✗", "✓", "✓", "–", "–", "✗"],
        by_phone.client.code: ["✗", "✗", "✗", "–", "–", "✗"],
        missed_week_two.client.code: ["✓", "✓", "✗", "–", "–", "✗"],
        ended.client.code: ["✓", "✓", "–", "–", "✓", "✓"],
    }


def test_v12_monthly_steps_and_a_job_loss_count_once_due():
    start, days = date(2025, 1, 10), [date(2025, 1, 10 + 7 * week) for week in range(4)]
    # Weekly met; months 1 (10 Feb–9 Mar) and 2 (10 Mar–9 Apr) due by 30 April: only February met.
    steps = v12_ladder(start, None, [date(2025, 1, 5), *days, date(2025, 2, 20)], date(2025, 4, 30))
    assert steps == [True, True, True, False, None]
    # The job ended 28 April: the 3 days after it are not over on 30 April, so the step is not yet due.
    assert v12_ladder(start, date(2025, 4, 28), [date(2025, 1, 5), *days], date(2025, 4, 30))[4] is None
    assert v12_ladder(start, date(2025, 4, 20), [date(2025, 1, 5), *days], date(2025, 4, 30))[4] is False


def test_v12_a_follow_up_marked_done_counts_as_an_in_person_contact(team_a):
    job = _job(team_a)
    EmployerContactFactory(coach=coach(team_a), team=team_a, client=job.client, date=date(2025, 1, 8))
    for done in (date(2025, 1, 11), date(2025, 1, 19)):
        FollowUp.objects.create(
            client=job.client,
            job=job,
            kind=FollowUp.Kind.WEEKLY,
            window_start=job.start_date,
            due_on=done,
            done_on=done,
        )
    assert v12_follow_along(period(team_a)).score == 5


def test_v1_shows_job_starts_with_benefits_counselling_before_the_start(team_a):
    worker = coach(team_a)
    counselled = _job(team_a)
    TimeEntryFactory(
        team=team_a, coach=worker, client=counselled.client, kind=activity_kind("benefits_counselling"), date=START
    )
    _job(team_a)
    suggestion = v1_benefits(period(team_a))
    assert (suggestion.score, suggestion.measured_value) == (None, 50)
