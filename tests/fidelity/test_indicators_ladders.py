"""O3, O7, V7 and V11 from data, hand-computed; the ladders of S3, O4, V7 and V11 as components."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from fidelity import indicators
from fidelity.components import Tick, rating_ticks_save
from fidelity.indicators.ladders import (
    o3_agencies,
    o7_employment_rate,
    v7_employer_relationships,
    v11_follow_along_variety,
)
from fidelity.models import ItemRating, ScaleComponent
from fidelity.services import review_apply_suggestions
from tests.employers.factories import EmployerContactFactory, EmployerFactory, JobFactory
from tests.factories import TimeEntryFactory, activity_kind
from tests.fidelity.indicators_data import client, coach, period, shown_rungs, workplace_support

pytestmark = pytest.mark.django_db

Q1 = (date(2025, 1, 1), date(2025, 3, 31))  # 90 days: 12 6/7 weeks, three months, one quarter


def _weekly(count):
    return [date(2025, 1, 2) + timedelta(weeks=n) for n in range(count)]


def _log(team, worker, code, *days, setting="office"):
    for day in days:
        TimeEntryFactory(team=team, coach=worker, kind=activity_kind(code), setting=setting, date=day)


def test_o3_face_to_face_every_month_and_contacts_weekly_scores_5(team_a):
    worker = coach(team_a)
    _log(team_a, worker, "agency_meeting", date(2025, 1, 9), date(2025, 2, 6), date(2025, 3, 6))
    _log(team_a, worker, "agency_contact", *_weekly(10), setting="remote")
    suggestion = o3_agencies(period(team_a, *Q1))
    assert suggestion.score == 5  # 13 contacts ≥ 12.86 weeks, a meeting in each month
    assert str(suggestion.measured_value) == "1.01"
    assert suggestion.detail["rows"] == [["2025-01", 1, 6], ["2025-02", 1, 5], ["2025-03", 1, 2]]


def test_o3_one_contact_short_of_weekly_falls_to_the_quarterly_meeting(team_a):
    worker = coach(team_a)
    _log(team_a, worker, "agency_meeting", date(2025, 1, 9), date(2025, 2, 6), date(2025, 3, 6))
    _log(team_a, worker, "agency_contact", *_weekly(9), setting="remote")
    assert o3_agencies(period(team_a, *Q1)).score == 4  # 12 contacts < 12.86 weeks; meetings every quarter


def test_o3_a_remote_meeting_is_a_contact_not_a_face_to_face_meeting(team_a):
    worker = coach(team_a)
    _log(team_a, worker, "agency_meeting", date(2025, 1, 9), date(2025, 2, 6), date(2025, 3, 6), setting="remote")
    assert o3_agencies(period(team_a, *Q1)).score == 3  # contact every month, no face-to-face meeting


def test_o3_contact_once_a_quarter_scores_2_and_a_quarter_without_scores_1(team_a):
    worker = coach(team_a)
    _log(team_a, worker, "agency_contact", date(2025, 2, 12))
    assert o3_agencies(period(team_a, *Q1)).score == 2
    assert o3_agencies(period(team_a, date(2025, 1, 1), date(2025, 6, 30))).score == 1  # nothing in Q2


def test_o3_without_agency_entries_gives_no_suggestion(team_a):
    _log(team_a, coach(team_a), "client_meeting", date(2025, 2, 12))
    assert o3_agencies(period(team_a, *Q1)).score is None


def test_o7_shows_the_employment_rate_of_each_quarter_and_pre_ticks_component_5(team_a):
    worker = coach(team_a)
    first = client(team_a, coach=worker)
    client(team_a, coach=worker)
    client(team_a, coach=worker, started=date(2025, 4, 15))
    JobFactory(client=first, start_date=date(2025, 3, 1), end_date=date(2025, 4, 10), competitive=True)
    suggestion = o7_employment_rate(period(team_a, date(2025, 1, 1), date(2025, 6, 30)))
    assert suggestion.score is None
    assert suggestion.detail["rows"] == [["2025 Q1", 2, 1, 50.0], ["2025 Q2", 3, 1, 33.33]]
    assert shown_rungs(suggestion) == [5]


def test_v7_shows_visits_per_employer_and_the_rungs_the_data_shows(team_a):
    worker = coach(team_a)
    kept, once, phoned = (EmployerFactory(organisation=team_a.organisation, name=n) for n in ("Aa Oy", "Bb", "Cc"))
    for day in (3, 17):
        EmployerContactFactory(coach=worker, team=team_a, employer=kept, date=date(2025, 1, day))
    EmployerContactFactory(coach=worker, team=team_a, employer=once, date=date(2025, 1, 5))
    EmployerContactFactory(coach=worker, team=team_a, employer=phoned, date=date(2025, 1, 6), face_to_face=False)
    suggestion = v7_employer_relationships(period(team_a))
    assert suggestion.detail["rows"] == [["Aa Oy", 2, 2], ["Bb", 1, 1], ["Cc", 0, 1]]
    # 1 of the 2 employers met face to face was met twice: 50 %, rung 2 shows; two rungs score 3 by V7's rows.
    assert shown_rungs(suggestion) == [1, 2]
    assert (suggestion.score, suggestion.measured_value) == (3, 2)
    figures = dict(suggestion.detail["figures"])
    assert figures["Share of face-to-face visits that are repeat visits (%)"] == 33.33  # 1 of 3 visits


def test_v7_one_repeat_among_three_employers_shows_only_rung_1(team_a):
    worker = coach(team_a)
    for index, visits in enumerate((2, 1, 1)):
        employer = EmployerFactory(organisation=team_a.organisation)
        for day in range(visits):
            EmployerContactFactory(coach=worker, team=team_a, employer=employer, date=date(2025, 1, 3 + day + index))
    suggestion = v7_employer_relationships(period(team_a))
    assert (suggestion.score, suggestion.measured_value) == (2, 1)  # 33 % repeated: below half


def test_v11_counts_kinds_people_and_employer_supports_per_working_client(team_a):
    worker, other = coach(team_a), coach(team_a)
    varied, narrow, idle = (client(team_a, coach=worker) for _ in range(3))
    client(team_a, coach=worker)  # not working: not counted
    for person in (varied, narrow, idle):
        JobFactory(client=person, start_date=date(2024, 12, 1))
    TimeEntryFactory(
        team=team_a, coach=worker, client=varied, kind=activity_kind("on_the_job_support"), date=date(2025, 1, 5)
    )
    TimeEntryFactory(
        team=team_a, coach=other, client=varied, kind=activity_kind("off_the_job_support"), date=date(2025, 1, 9)
    )
    workplace_support(team_a, worker, varied, date(2025, 1, 7))
    TimeEntryFactory(
        team=team_a, coach=worker, client=narrow, kind=activity_kind("on_the_job_support"), date=date(2025, 1, 6)
    )
    TimeEntryFactory(
        team=team_a, coach=worker, client=narrow, kind=activity_kind("off_the_job_support"), date=date(2025, 1, 8)
    )
    suggestion = v11_follow_along_variety(period(team_a))
    rows = {row[0]: row[1:] for row in suggestion.detail["rows"]}
    assert rows == {varied.code: [2, 2, 1], narrow.code: [2, 1, 0], idle.code: [0, 0, 0]}
    # More than half of 3: any support 2 ✓, two kinds 2 ✓, two people 1 ✗, employer support 1 ✗ → 2 rungs, score 2.
    assert shown_rungs(suggestion) == [1, 2]
    assert suggestion.score == 2


LADDERS = {"S3": 6, "O4": 5, "V7": 4, "V11": 5}


def test_the_ladders_are_components_in_three_languages(scale):
    counts = {code: ScaleComponent.objects.filter(item__scale=scale, item__code=code).count() for code in LADDERS}
    assert counts == LADDERS
    assert not ScaleComponent.objects.filter(item__code__in=LADDERS, text_sv="").exists()


@pytest.mark.parametrize(
    ("code", "count", "score"),
    [
        *(("S3", count, score) for count, score in [(0, 1), (1, 3), (4, 3), (5, 4), (6, 5)]),
        *(("O4", count, score) for count, score in [(1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]),
        *(("V7", count, score) for count, score in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]),
        *(("V11", count, score) for count, score in [(1, 1), (2, 2), (4, 4), (5, 5)]),
    ],
)
def test_a_ladder_scores_by_the_rungs_ticked(review, reviewer, code, count, score):
    rating = review.ratings.get(item__code=code)
    ticks = [Tick(number, "INT") for number in range(1, count + 1)]
    rating = rating_ticks_save(rating=rating, based_on_version=rating.version, by=reviewer, ticks=ticks)
    assert (rating.suggested_score, rating.score) == (score, score)


def test_the_tick_page_pre_ticks_the_rungs_the_data_shows(client, review, reviewer):
    detail = {"figures": [], "data_components": [[2, "Employers met face to face twice or more (%)", 60.0]]}
    ItemRating.objects.filter(review=review, item__code="V7").update(measured_detail=detail)
    client.force_login(reviewer)
    form = client.get(reverse("fidelity:rating_components", args=[review.uuid, "V7"])).context["form"]
    assert form.initial["seen_2"] is True and form.initial["source_2"] == "MIS"
    assert form.initial["seen_1"] is False


def test_a_refresh_keeps_the_score_of_the_ticks(review, reviewer):
    rating = review.ratings.get(item__code="V7")
    rating_ticks_save(
        rating=rating, based_on_version=rating.version, by=reviewer, ticks=[Tick(n, "OBS") for n in (1, 2, 3)]
    )
    suggestions = {"V7": indicators.Suggestion(score=2, detail={"figures": []}), "S1": indicators.Suggestion(score=3)}
    review_apply_suggestions(review=review, suggestions=suggestions)
    assert review.ratings.get(item__code="V7").suggested_score == 4
    assert review.ratings.get(item__code="S1").suggested_score == 3
