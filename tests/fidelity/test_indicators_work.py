"""V4, V5, V6, V13 and the V2, V3, V14 figures, hand-computed on small made-up data."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from fidelity.indicators.work import (
    v2_disclosure,
    v3_profiles,
    v4_rapid_search,
    v5_individualised,
    v6_employer_contacts,
    v13_community,
    v14_outreach,
)
from ips.models import VocationalProfile
from tests.employers.factories import EmployerFactory, bulk_contacts
from tests.factories import TimeEntryFactory, activity_kind
from tests.fidelity.indicators_data import START, client, coach, period

pytestmark = pytest.mark.django_db


def _contacts(team, worker, count, *, face_to_face=True, day=START, **extra):
    """Bulk: hundreds of contacts for the boundary cases without hundreds of factory round trips."""
    employer = EmployerFactory(organisation=team.organisation)
    bulk_contacts(
        [{}] * count,
        date=day,
        coach=worker,
        team=team,
        employer=employer,
        face_to_face=face_to_face,
        **{"about_competitive_job": extra.get("client") is not None, **extra},
    )


@pytest.mark.parametrize(
    ("count", "score"), [(599, 4), (600, 5), (500, 4), (499, 3), (400, 3), (399, 2), (200, 2), (199, 1)]
)
def test_face_to_face_contacts_per_coach_week_score_by_the_anchors(team_a, count, score):
    # 700 days = 100 weeks with one full-time coach: 599 contacts are 5.99 a week, 600 are 6.
    worker = coach(team_a, "1.00")
    _contacts(team_a, worker, count)
    suggestion = v6_employer_contacts(period(team_a, START, START + timedelta(days=699)))
    assert suggestion.score == score
    assert suggestion.measured_value == Decimal(count) / 100


def test_contacts_per_week_count_part_time_coaches_by_their_share_and_skip_phone_contacts(team_a):
    full = coach(team_a, "1.00")
    coach(team_a, "0.50")
    _contacts(team_a, full, 35)
    _contacts(team_a, full, 10, face_to_face=False)
    suggestion = v6_employer_contacts(period(team_a))  # 4 weeks × 1.5 FTE = 6 coach weeks
    assert (str(suggestion.measured_value), suggestion.score) == ("5.83", 4)
    _contacts(team_a, full, 1)
    assert v6_employer_contacts(period(team_a)).score == 5


def test_no_employer_contacts_give_no_v6_suggestion(team_a):
    coach(team_a)
    assert v6_employer_contacts(period(team_a)).score is None


def _minutes(team, minutes, setting):
    TimeEntryFactory(team=team, coach=coach(team), minutes=minutes, setting=setting, date=START)


@pytest.mark.parametrize(
    ("community", "score"), [(649, 4), (650, 5), (500, 4), (499, 3), (400, 3), (399, 2), (300, 2), (299, 1)]
)
def test_share_of_time_in_the_community_scores_by_the_anchors(team_a, community, score):
    _minutes(team_a, community, "community")
    _minutes(team_a, 1000 - community, "office")
    suggestion = v13_community(period(team_a))
    assert (suggestion.score, suggestion.measured_value * 10) == (score, community)


def test_workplaces_and_homes_are_community_but_phone_and_video_are_not(team_a):
    _minutes(team_a, 100, "workplace")
    _minutes(team_a, 100, "client_home")
    _minutes(team_a, 200, "remote")
    assert v13_community(period(team_a)).measured_value == 50


def test_no_logged_time_gives_no_v13_suggestion(team_a):
    assert v13_community(period(team_a)).score is None


def _first_contact(team, days_after_entry, entry=date(2024, 12, 1)):
    worker = coach(team)
    person = client(team, started=entry)
    _contacts(team, worker, 1, client=person, day=entry + timedelta(days=days_after_entry))
    return person


@pytest.mark.parametrize(
    ("days", "score"), [(30, 5), (31, 4), (60, 4), (61, 3), (150, 3), (151, 2), (270, 2), (271, 1)]
)
def test_days_to_the_first_face_to_face_employer_contact_score_by_the_anchors(team_a, days, score):
    _first_contact(team_a, days, entry=date(2025, 1, 20) - timedelta(days=days))
    suggestion = v4_rapid_search(period(team_a))
    assert (suggestion.score, suggestion.measured_value) == (score, days)


def test_v4_takes_the_mean_and_only_first_contacts_in_the_period(team_a):
    _first_contact(team_a, 35)  # 2025-01-05
    _first_contact(team_a, 40)  # 2025-01-10
    _first_contact(team_a, 10)  # 2024-12-11: before the period, not counted
    waiting = client(team_a, started=date(2025, 1, 2))
    suggestion = v4_rapid_search(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (37.5, 4)
    assert dict(suggestion.detail["figures"])["Clients still without a face-to-face employer contact"] == 1
    assert waiting.code not in [row[0] for row in suggestion.detail["rows"]]


def test_v4_takes_the_median_of_each_clients_days(team_a):
    _first_contact(team_a, 35)  # 2025-01-05
    _first_contact(team_a, 40)  # 2025-01-10
    _first_contact(team_a, 50)  # 2025-01-20: median of 35, 40, 50 is 40 (the mean would be 41.67)
    suggestion = v4_rapid_search(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (40, 4)
    assert sorted(row[3] for row in suggestion.detail["rows"]) == [35, 40, 50]


def test_v4_counts_only_contacts_about_a_competitive_job_for_the_client(team_a):
    worker = coach(team_a)
    person = client(team_a, started=date(2024, 12, 1))
    _contacts(team_a, worker, 1, client=person, day=date(2025, 1, 5), about_competitive_job=False)  # 35 days
    assert v4_rapid_search(period(team_a)).score is None
    _contacts(team_a, worker, 1, client=person, day=date(2025, 1, 25))  # 55 days, about a competitive job
    suggestion = v4_rapid_search(period(team_a))
    assert (suggestion.measured_value, suggestion.score) == (55, 4)


def test_v4_ignores_phone_contacts(team_a):
    worker = coach(team_a)
    person = client(team_a, started=date(2024, 12, 1))
    _contacts(team_a, worker, 1, client=person, day=date(2025, 1, 5), face_to_face=False)
    assert v4_rapid_search(period(team_a)).score is None


@pytest.mark.parametrize(("matching", "score"), [(9, 5), (8, 4), (5, 3), (4, 2), (3, 2), (2, 1)])
def test_share_of_contacts_matching_preferences_scores_by_the_anchors(team_a, matching, score):
    worker = coach(team_a)
    person = client(team_a)
    _contacts(team_a, worker, matching, client=person, matches_client_preferences=True)
    _contacts(team_a, worker, 10 - matching - 1, client=person, matches_client_preferences=False)
    _contacts(team_a, worker, 1, client=person)  # unmarked: counts as not matching
    _contacts(team_a, worker, 5)  # not about a client: not counted
    suggestion = v5_individualised(period(team_a))
    assert (suggestion.score, suggestion.measured_value) == (score, matching * 10)


def test_v5_without_client_specific_contacts_gives_no_suggestion(team_a):
    _contacts(team_a, coach(team_a), 3)
    assert v5_individualised(period(team_a)).score is None


def test_v2_v3_v14_show_figures_without_a_score(team_a):
    worker = coach(team_a)
    person = client(team_a, coach=worker)
    other = client(team_a, coach=worker)
    for day in (START, START + timedelta(days=7)):
        TimeEntryFactory(
            team=team_a, coach=worker, client=person, kind=activity_kind("disclosure_discussion"), date=day
        )
    TimeEntryFactory(team=team_a, coach=worker, client=other, kind=activity_kind("outreach_attempt"), date=START)
    VocationalProfile.objects.create(client=person, preferences="Varastotyö")

    v2 = v2_disclosure(period(team_a))
    assert (v2.score, v2.measured_value) == (None, 50)
    assert dict(v2.detail["figures"])["Clients with the discussion revisited"] == 1
    v3 = v3_profiles(period(team_a))
    assert (v3.score, v3.measured_value) == (None, 50)
    v14 = v14_outreach(period(team_a))
    assert v14.score is None
    assert dict(v14.detail["figures"])["Outreach attempts logged"] == 1


def test_v3_counts_a_profile_updated_on_the_periods_days_in_helsinki_time(team_a):
    """A profile's update counts on its local (Europe/Helsinki) day: 23:30 UTC on the day before the period is
    01:30 on its first day (in); 22:30 UTC on its last day is 00:30 the day after (out)."""
    worker = coach(team_a)
    on_first_day, after_last_day = client(team_a, coach=worker), client(team_a, coach=worker)
    for person, moment in (
        (on_first_day, datetime(2024, 12, 31, 23, 30, tzinfo=UTC)),
        (after_last_day, datetime(2025, 1, 28, 22, 30, tzinfo=UTC)),
    ):
        profile = VocationalProfile.objects.create(client=person, preferences="Varastotyö")
        VocationalProfile.objects.filter(pk=profile.pk).update(updated=moment)

    figures = dict(v3_profiles(period(team_a)).detail["figures"])
    assert figures["Clients with a vocational profile"] == 2
    assert figures["Profiles updated in the period"] == 1
