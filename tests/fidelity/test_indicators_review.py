"""Indicators on a review: "Refresh from data", access, pseudonymised rows, bounded queries, the demo draft."""

import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from fidelity import indicators
from fidelity.models import ItemRating, Review
from ips.models import Referral, TreatmentTeam, TreatmentTeamMembership, VocationalProfile
from tests.employers.factories import EmployerContactFactory, EmployerFactory, FollowUpFactory, JobFactory
from tests.factories import ReferralFactory, TeamFactory, TimeEntryFactory, activity_kind
from tests.fidelity.conftest import make_review
from tests.fidelity.indicators_data import client, coach

pytestmark = pytest.mark.django_db

PERIOD_START = date(2025, 7, 1)  # the period of make_review: 2025-07-01 – 2025-12-31


def _team_data(team, size):
    """`size` coaches, each with clients, log entries, employer contacts, jobs and referrals in the period."""
    employer = EmployerFactory(organisation=team.organisation)
    treatment = TreatmentTeam.objects.create(organisation=team.organisation, name=f"Hoitotiimi {team.pk}")
    made = []
    for index in range(size):
        worker = coach(team, "0.80")
        treatment.coaches.add(worker)
        TreatmentTeamMembership.objects.create(treatment_team=treatment, user=worker, started=date(2025, 1, 1))
        day = PERIOD_START + timedelta(days=index)
        for _ in range(3):
            person = client(team, coach=worker, treatment_team=treatment, started=date(2025, 6, 1))
            made.append(person)
            VocationalProfile.objects.create(client=person)
            TimeEntryFactory(team=team, coach=worker, client=person, setting="community", date=day)
            TimeEntryFactory(
                team=team, coach=worker, client=person, kind=activity_kind("benefits_counselling"), date=day
            )
            EmployerContactFactory(
                coach=worker, team=team, employer=employer, client=person, date=day, matches_client_preferences=True
            )
            job = JobFactory(client=person, employer=employer, start_date=day + timedelta(days=1))
            FollowUpFactory(job=job, kind="after_start", window_start=job.start_date, due_on=job.start_date)
        ReferralFactory(team=team, referred_on=day)
    return made


def test_compute_all_runs_the_same_number_of_queries_for_ten_times_the_data(org_a, scale, reviewer):
    small, large = TeamFactory(organisation=org_a), TeamFactory(organisation=org_a)
    _team_data(small, 1)
    _team_data(large, 10)
    counts = []
    for team in (small, large):
        review = make_review(team, scale, [reviewer])
        with CaptureQueriesContext(connection) as queries:
            suggestions = indicators.compute_all(review)
        counts.append(len(queries))
        assert suggestions["S1"].score == 5
        assert suggestions["V5"].measured_value == 100
    assert counts[0] == counts[1]


def test_compute_all_stays_within_a_fixed_query_budget(org_a, scale, reviewer, django_assert_max_num_queries):
    team = TeamFactory(organisation=org_a)
    _team_data(team, 10)
    review = make_review(team, scale, [reviewer])
    # 35 since O3, O7, V7 and V11 compute from data, V12 reads the whole follow-along ladder (three reads) and V6
    # names the coaches of its FTE shares.
    with django_assert_max_num_queries(35):
        suggestions = indicators.compute_all(review)
    assert set(suggestions) == set(indicators.INDICATORS)


# The POST "Refresh from data": session with user, roles, the review, the indicators, storing each item's suggestion
# (no session write within its minute: ips/sessions.py). The ratings are read once and written in one bulk UPDATE.
REFRESH_QUERIES = 43


@pytest.mark.parametrize("size", [1, 10])
def test_refresh_from_data_has_a_fixed_query_budget(org_a, scale, reviewer, client, size, django_assert_num_queries):
    team = TeamFactory(organisation=org_a)
    _team_data(team, size)
    review = make_review(team, scale, [reviewer])
    client.force_login(reviewer)
    with django_assert_num_queries(REFRESH_QUERIES):
        response = client.post(reverse("fidelity:review_refresh", args=[review.uuid]))
    assert response.status_code == 302
    scored = {code for code, suggestion in indicators.compute_all(review).items() if suggestion.score is not None}
    assert scored
    assert set(review.ratings.filter(suggested_score__isnull=False).values_list("item__code", flat=True)) == scored


def test_a_period_with_no_data_gives_no_suggestions_and_no_zero_scores(team_a, scale, reviewer):
    review = make_review(team_a, scale, [reviewer])
    suggestions = indicators.compute_all(review)
    assert {code: s.score for code, s in suggestions.items()} == dict.fromkeys(indicators.INDICATORS)
    indicators.refresh_review(review)
    assert not review.ratings.filter(suggested_score__isnull=False).exists()


@pytest.fixture
def team_with_data(team_a):
    return _team_data(team_a, 2)


def test_refresh_from_data_stores_the_suggestions_on_the_review(team_with_data, review, reviewer, as_user):
    response = as_user(reviewer).post(reverse("fidelity:review_refresh", args=[review.uuid]))
    assert response.status_code == 302
    s1 = review.ratings.get(item__code="S1")
    assert (s1.suggested_score, s1.measured_value) == (5, 6 / 1.6)  # 6 clients / 1.6 FTE = 3.75
    assert s1.score is None
    o6 = review.ratings.get(item__code="O6")
    assert (o6.suggested_score, o6.measured_detail["figures"][0]) == (None, ["Referrals in the period", 2])


def test_the_review_page_shows_the_rows_behind_a_suggestion_with_codes_and_never_names(
    team_with_data, review, reviewer, as_user
):
    for index, person in enumerate(team_with_data):
        # Names no staff member can share by chance (factory names are random Finnish names).
        person.first_name, person.last_name = f"Clientfirst{index}x", f"Clientlast{index}x"
        person.save(update_fields=["first_name", "last_name"])
    indicators.refresh_review(review)
    html = as_user(reviewer).get(reverse("fidelity:review_detail", args=[review.uuid])).content.decode()
    for person in team_with_data:
        assert person.code in html
        assert person.first_name not in html
        assert person.last_name not in html
    assert reverse("fidelity:review_refresh", args=[review.uuid]) in html
    assert reverse("fidelity:rating_accept", args=[review.uuid, "V13"]) in html


def test_partial_items_show_their_figures_translated(team_a, review, reviewer, as_user):
    ReferralFactory(
        team=team_a, referred_on=PERIOD_START, declined=True, decline_reason=Referral.DeclineReason.OUTSIDE_AREA
    )
    indicators.refresh_review(review)
    reviewer.language = "en"
    reviewer.save()
    html = as_user(reviewer).get(reverse("fidelity:review_detail", args=[review.uuid])).content.decode()
    assert "Lives outside the service area" in html
    assert "Declined referrals" in html


def test_only_an_assigned_reviewer_may_refresh(team_with_data, review, supervisor_a, coach_b, as_user):
    url = reverse("fidelity:review_refresh", args=[review.uuid])
    assert as_user(coach_b).post(url).status_code == 404
    assert as_user(supervisor_a).post(url).status_code == 403
    assert not review.ratings.filter(suggested_at__isnull=False).exists()


def test_refresh_needs_a_post(review, reviewer, as_user):
    assert as_user(reviewer).get(reverse("fidelity:review_refresh", args=[review.uuid])).status_code == 405


def test_a_finalised_review_is_not_refreshed(team_with_data, review, reviewer, as_user):
    Review.objects.filter(pk=review.pk).update(status=Review.Status.FINALISED, finalised_at="2026-01-16T12:00Z")
    response = as_user(reviewer).post(reverse("fidelity:review_refresh", args=[review.uuid]))
    assert response.status_code == 403
    assert not review.ratings.filter(suggested_at__isnull=False).exists()


def test_an_accepted_suggestion_is_marked_as_from_data(team_with_data, review, reviewer, as_user):
    indicators.refresh_review(review)
    rating = review.ratings.get(item__code="V13")
    as_user(reviewer).post(reverse("fidelity:rating_accept", args=[review.uuid, "V13"]), {"version": rating.version})
    rating.refresh_from_db()
    assert (rating.score, rating.source) == (rating.suggested_score, ItemRating.Source.DATA_ACCEPTED)
    assert rating.score == 4  # half of the logged minutes in the community: 50 %


def test_the_demo_draft_review_gets_suggestions_from_data(db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_employers_demo", stdout=io.StringIO())
    call_command("seed_fidelity_demo", stdout=io.StringIO())
    draft = Review.objects.get(team__name="Vaasan työkykytiimi", status=Review.Status.DRAFT)
    suggested = set(draft.ratings.filter(suggested_score__isnull=False).values_list("item__code", flat=True))
    assert {"S1", "S2", "V5", "V6", "V13"} <= suggested
