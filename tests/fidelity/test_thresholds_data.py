"""The thresholds that moved from code to rows (fidelity3_thresholds), from made-up data: O3, V7, V11, O7, V14 and V10
just below, at and just above their boundaries, and a changed row changing the suggested score with no code change."""

from datetime import date, timedelta

import pytest

from fidelity import indicators
from fidelity.indicators.jobs import v10_competitive
from fidelity.indicators.ladders import (
    o3_agencies,
    o7_employment_rate,
    v7_employer_relationships,
    v11_follow_along_variety,
)
from fidelity.indicators.work import v14_outreach
from fidelity.models import AnchorRule
from tests.employers.factories import EmployerContactFactory, EmployerFactory, JobFactory
from tests.factories import TimeEntryFactory, activity_kind
from tests.fidelity.conftest import make_review
from tests.fidelity.indicators_data import client, coach, period, shown_rungs, workplace_support

pytestmark = pytest.mark.django_db

# indicators_data.period(): 2025-01-01 - 2025-01-28, four weeks, one month, one quarter.


def _log(team, worker, code, days, setting="office"):
    for day in days:
        TimeEntryFactory(team=team, coach=worker, kind=activity_kind(code), setting=setting, date=day)


def _jan(*days):
    return [date(2025, 1, day) for day in days]


@pytest.mark.parametrize(
    ("remote_contacts", "score"),
    [(2, 4), (3, 5), (4, 5)],  # with the meeting: 3, 4, 5 contacts in 4 weeks (0.75, 1, 1.25 a week)
)
def test_o3_with_a_monthly_meeting_reaches_5_at_one_contact_a_week(team_a, remote_contacts, score):
    worker = coach(team_a)
    _log(team_a, worker, "agency_meeting", _jan(9))
    _log(team_a, worker, "agency_contact", _jan(*range(12, 12 + remote_contacts)), setting="remote")
    assert o3_agencies(period(team_a)).score == score  # below weekly: 4 by the quarterly meeting


@pytest.mark.parametrize(("contacts", "score"), [(3, 3), (4, 4), (5, 4)])
def test_o3_without_a_face_to_face_meeting_reaches_4_by_weekly_contacts_alone(team_a, contacts, score):
    _log(team_a, coach(team_a), "agency_contact", _jan(*range(2, 2 + contacts)), setting="remote")
    assert o3_agencies(period(team_a)).score == score  # 3: a contact in the (only) month


def test_o3_meetings_in_two_of_three_months_with_weekly_contacts_score_4_and_in_all_three_5(team_a):
    worker = coach(team_a)
    quarter = period(team_a, date(2025, 1, 1), date(2025, 3, 31))  # 12 6/7 weeks
    _log(team_a, worker, "agency_meeting", [date(2025, 1, 9), date(2025, 2, 6)])
    _log(team_a, worker, "agency_contact", [date(2025, 1, 2) + timedelta(weeks=n) for n in range(11)], "remote")
    suggestion = o3_agencies(quarter)
    assert suggestion.score == 4  # 13 contacts ≥ 12.86 weeks, but a meeting in 66.67 % of the months
    assert dict(suggestion.detail["figures"])["Months with a face-to-face meeting (%)"] == 66.67
    _log(team_a, worker, "agency_meeting", [date(2025, 3, 6)])
    assert o3_agencies(quarter).score == 5


def test_o3_a_contact_in_two_of_three_months_is_2_and_in_all_three_3(team_a):
    worker = coach(team_a)
    quarter = period(team_a, date(2025, 1, 1), date(2025, 3, 31))
    _log(team_a, worker, "agency_contact", [date(2025, 1, 9), date(2025, 2, 6)], "remote")
    assert o3_agencies(quarter).score == 2
    _log(team_a, worker, "agency_contact", [date(2025, 3, 6)], "remote")
    assert o3_agencies(quarter).score == 3


def _employers_met(team, worker, visits_each):
    """One employer per number, met face to face that many times in January."""
    for index, visits in enumerate(visits_each):
        employer = EmployerFactory(organisation=team.organisation, name=f"Työnantaja {index}")
        for day in range(visits):
            EmployerContactFactory(coach=worker, team=team, employer=employer, date=date(2025, 1, 2 + day + index))


def test_v7_employers_only_phoned_show_no_rung_and_score_1(team_a):
    worker = coach(team_a)
    EmployerContactFactory(coach=worker, team=team_a, date=date(2025, 1, 6), face_to_face=False)
    suggestion = v7_employer_relationships(period(team_a))
    assert (suggestion.detail["data_components"], suggestion.score) == ([], 1)


def _working(team, worker, kinds_each):
    """Working clients, each with log entries of that many kinds in January."""
    codes = ["on_the_job_support", "off_the_job_support", "client_meeting"]
    for kinds in kinds_each:
        person = client(team, coach=worker)
        JobFactory(client=person, start_date=date(2024, 12, 1))
        for index in range(kinds):
            TimeEntryFactory(
                team=team, coach=worker, client=person, kind=activity_kind(codes[index]), date=date(2025, 1, 5 + index)
            )


V7, V11 = v7_employer_relationships, v11_follow_along_variety


# V7's rung 2 shows from half of the employers met face to face met twice; a rung of V11 shows when it holds for
# more than half of the working clients (not at half). Each case: the indicator, what makes its data, the numbers.
@pytest.mark.parametrize(
    ("indicator", "make", "each", "rungs", "score"),
    [
        pytest.param(V7, _employers_met, (2, 1, 1), [1], 2, id="V7-33%-met-twice-below-half"),
        pytest.param(V7, _employers_met, (2, 1), [1, 2], 3, id="V7-50%-at"),
        pytest.param(V7, _employers_met, (2, 2, 1), [1, 2], 3, id="V7-67%-above"),
        pytest.param(V7, _employers_met, (1,), [1], 2, id="V7-one-employer-met-once-rung-1-only"),
        pytest.param(V11, _working, (2, 1, 1), [1], 1, id="V11-two-kinds-for-33%-below"),
        pytest.param(V11, _working, (2, 1), [1], 1, id="V11-50%-more-than-half-does-not-hold-at-half"),
        pytest.param(V11, _working, (2, 2, 1), [1, 2], 2, id="V11-67%-above"),
        pytest.param(V11, _working, (0, 0, 1), [], 1, id="V11-any-support-for-33%-not-even-rung-1"),
    ],
)
def test_a_rung_shows_at_its_share_of_the_employers_or_working_clients(team_a, indicator, make, each, rungs, score):
    make(team_a, coach(team_a), each)
    suggestion = indicator(period(team_a))
    assert shown_rungs(suggestion) == rungs
    assert suggestion.score == score


def test_o7_component_5_needs_an_employment_rate_in_every_quarter(team_a):
    worker = coach(team_a)
    half_year = period(team_a, date(2025, 1, 1), date(2025, 6, 30))
    client(team_a, coach=worker, started=date(2025, 4, 15))  # Q1 has no caseload: 50 % of the quarters
    assert o7_employment_rate(half_year).detail["data_components"] == []
    client(team_a, coach=worker, started=date(2025, 3, 31))  # the last day of Q1: 100 %
    assert o7_employment_rate(half_year).detail["data_components"] == [[5, "Quarters with an employment rate", 2]]


def test_v14_pre_ticks_outreach_and_home_visits_from_the_first_one_logged(team_a):
    worker = coach(team_a)
    _log(team_a, worker, "client_meeting", _jan(3))
    assert v14_outreach(period(team_a)).detail["data_components"] == []
    _log(team_a, worker, "outreach_attempt", _jan(4))
    assert v14_outreach(period(team_a)).detail["data_components"] == [[2, "Outreach attempts logged", 1]]
    _log(team_a, worker, "client_meeting", _jan(5, 6), setting="client_home")
    shown = v14_outreach(period(team_a)).detail["data_components"]
    assert shown == [[2, "Outreach attempts logged", 1], [4, "Entries in clients' homes", 2]]


@pytest.mark.parametrize(("jobs", "score"), [(9, 1), (10, 5), (11, 5)])
def test_v10_needs_ten_current_jobs_for_more_than_1(team_a, jobs, score):
    for _ in range(jobs):
        JobFactory(client=client(team_a), start_date=date(2024, 3, 1), competitive=True)
    suggestion = v10_competitive(period(team_a))
    assert suggestion.score == score
    assert ("note" in suggestion.detail) is (jobs < 10)


# A changed row, as a data migration of a new scale version would make it, changes the suggested score that a
# refresh stores, with no code change. The review's period is 2025-07-01 - 2025-12-31 (184 days, 26 2/7 weeks).


def _suggested(review, code):
    indicators.refresh_review(review)
    return review.ratings.get(item__code=code).suggested_score


def _rows(scale, code, **lookup):
    return AnchorRule.objects.filter(item__scale=scale, item__code=code, **lookup)


def test_a_changed_o3_row_changes_the_suggested_score(team_a, scale, reviewer):
    worker = coach(team_a)
    _log(team_a, worker, "agency_meeting", [date(2025, month, 10) for month in range(7, 13)])
    _log(team_a, worker, "agency_contact", [date(2025, 7, 2) + timedelta(weeks=n) for n in range(21)], "remote")
    review = make_review(team_a, scale, [reviewer])
    assert _suggested(review, "O3") == 5  # 27 contacts in 26.29 weeks, a meeting every month
    _rows(scale, "O3", measure="contacts_per_week").update(bound=2)  # "weekly" becomes twice a week
    assert _suggested(review, "O3") == 4  # still a meeting every quarter
    _rows(scale, "O3", score=4, measure="meeting_quarters_pct").update(measure="meeting_months_pct", bound=101)
    assert _suggested(review, "O3") == 3  # a contact every month


def test_changed_v7_rows_change_the_suggested_score(team_a, scale, reviewer):
    worker = coach(team_a)
    for index, visits in enumerate((2, 1, 1)):
        employer = EmployerFactory(organisation=team_a.organisation)
        for day in range(visits):
            EmployerContactFactory(coach=worker, team=team_a, employer=employer, date=date(2025, 8, 2 + day + index))
    review = make_review(team_a, scale, [reviewer])
    assert _suggested(review, "V7") == 2  # 33.33 % of the employers met twice: rung 1 only
    _rows(scale, "V7", component__number=2, measure="repeat_employers_pct").update(bound=30)
    assert _suggested(review, "V7") == 3  # rungs 1 and 2
    _rows(scale, "V7", score=3).update(bound=3)  # a version that asks three rungs for 3
    assert _suggested(review, "V7") == 2


def test_a_changed_v11_row_changes_the_suggested_score(team_a, scale, reviewer):
    worker = coach(team_a)
    for kinds in (2, 1):
        person = client(team_a, coach=worker)
        JobFactory(client=person, start_date=date(2025, 6, 1))
        for code in ["on_the_job_support", "off_the_job_support"][:kinds]:
            TimeEntryFactory(team=team_a, coach=worker, client=person, kind=activity_kind(code), date=date(2025, 8, 5))
    review = make_review(team_a, scale, [reviewer])
    assert _suggested(review, "V11") == 1  # two kinds for half of the working clients: not more than half
    _rows(scale, "V11", component__number=2).update(compare=AnchorRule.Compare.AT_LEAST)  # half is enough
    assert _suggested(review, "V11") == 2


def test_a_changed_v10_row_changes_the_suggested_score(team_a, scale, reviewer):
    for _ in range(9):
        JobFactory(client=client(team_a), start_date=date(2025, 3, 1), competitive=True)
    review = make_review(team_a, scale, [reviewer])
    assert _suggested(review, "V10") == 1  # fewer than ten current jobs
    _rows(scale, "V10", measure="current_jobs").update(bound=5)
    assert _suggested(review, "V10") == 5


def test_a_changed_component_row_changes_what_the_data_pre_ticks(team_a, scale, reviewer):
    _log(team_a, coach(team_a), "outreach_attempt", [date(2025, 8, 4)])
    review = make_review(team_a, scale, [reviewer])
    indicators.refresh_review(review)
    assert [n for n, *_rest in review.ratings.get(item__code="V14").measured_detail["data_components"]] == [2]
    _rows(scale, "V14", component__number=2).update(bound=2)  # two attempts needed
    indicators.refresh_review(review)
    assert review.ratings.get(item__code="V14").measured_detail["data_components"] == []


def test_v11_support_to_the_employer_alone_shows_rungs_1_and_4(team_a):
    worker = coach(team_a)
    person = client(team_a, coach=worker)
    JobFactory(client=person, start_date=date(2024, 12, 1))
    workplace_support(team_a, worker, person, date(2025, 1, 7))
    suggestion = v11_follow_along_variety(period(team_a))
    assert shown_rungs(suggestion) == [1, 4]
