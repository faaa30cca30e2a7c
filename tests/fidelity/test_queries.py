"""Query budgets: the list, the review page and the team history do not grow with reviews, items or plans."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from fidelity.models import ActionPlanItem, Review
from tests.fidelity.conftest import finalise, make_review, score_all

pytestmark = pytest.mark.django_db

# No session write within its minute (ips/sessions.py): three fewer than with a write on every request.
LIST_QUERIES = 5
DETAIL_QUERIES = 9
HISTORY_QUERIES = 8


def _reviews(team, scale, reviewer, count, *, finalised=True):
    reviews = []
    start = date(2020, 1, 1)
    for index in range(count):
        period_start = start + timedelta(days=200 * index)
        review = make_review(
            team, scale, [reviewer], period_start=period_start, period_end=period_start + timedelta(days=180)
        )
        Review.objects.filter(pk=review.pk).update(
            review_start=period_start + timedelta(days=185), review_end=period_start + timedelta(days=190)
        )
        score_all(review, 1 + index % 5)
        ActionPlanItem.objects.create(review=review, text=f"Toimenpide {index}", owner_user=reviewer).items.set(
            scale.items.all()[:3]
        )
        if finalised:
            finalise(review, reviewer)
        reviews.append(review)
    return reviews


@pytest.fixture
def get_within(client, django_assert_num_queries):
    """A page as the user sees it, asked for within a query budget."""

    def get(user, url, budget):
        client.force_login(user)
        with django_assert_num_queries(budget):
            return client.get(url)

    return get


@pytest.mark.parametrize("count", [1, 10])
def test_the_review_list_has_a_fixed_query_budget(team_a, scale, org_admin, reviewer, count, get_within):
    _reviews(team_a, scale, reviewer, count)
    response = get_within(org_admin, reverse("fidelity:review_list"), LIST_QUERIES)
    assert len(response.context["reviews"]) == count


@pytest.mark.parametrize("plans", [1, 10])
def test_the_review_page_has_a_fixed_query_budget(review, scale, reviewer, plans, get_within):
    score_all(review, 3)
    for index in range(plans):
        ActionPlanItem.objects.create(review=review, text=f"Toimenpide {index}", owner_user=reviewer).items.set(
            scale.items.all()[:5]
        )
    response = get_within(reviewer, reverse("fidelity:review_detail", args=[review.uuid]), DETAIL_QUERIES)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [2, 20])
def test_the_team_history_has_a_fixed_query_budget(team_a, scale, supervisor_a, reviewer, count, get_within):
    _reviews(team_a, scale, reviewer, count)
    response = get_within(supervisor_a, reverse("fidelity:team_history", args=[team_a.uuid]), HISTORY_QUERIES)
    assert len(response.context["chart"]["total"]) == count
