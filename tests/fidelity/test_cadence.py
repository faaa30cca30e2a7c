"""When the next review is due: six months after a total under the good band (100), a year after one reaching it."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from fidelity.cadence import next_review, next_reviews
from fidelity.models import Review
from tests.fidelity.conftest import finalise, make_review, score_all

pytestmark = pytest.mark.django_db


def _finalised(team, scale, reviewer, scores, review_end=date(2026, 1, 16)):
    review = make_review(team, scale, [reviewer])
    score_all(review, scores)
    finalise(review, reviewer)
    Review.objects.filter(pk=review.pk).update(review_end=review_end)
    return review


# 25 items: 24 fours and one three is 99, all fours 100.
@pytest.mark.parametrize(("scores", "due"), [([4] * 24 + [3], date(2026, 7, 16)), (4, date(2027, 1, 16))])
def test_the_next_review_is_due_six_months_under_100_and_a_year_from_100(team_a, scale, reviewer, scores, due):
    review = _finalised(team_a, scale, reviewer, scores)
    (entry,) = next_reviews([team_a.pk])
    assert entry.due == due
    assert next_review(Review.objects.with_totals().get(pk=review.pk), review.totals()).due == due


def test_the_team_history_page_shows_the_next_review(client, team_a, scale, reviewer, supervisor_a):
    _finalised(team_a, scale, reviewer, 4)
    client.force_login(supervisor_a)
    response = client.get(reverse("fidelity:team_history", args=[team_a.uuid]))
    assert 'id="next-review"' in response.content.decode()
    assert response.context["next_review"].due == date(2027, 1, 16)


def test_the_supervisor_sees_a_review_due_within_30_days_and_not_one_further(
    client, team_a, scale, reviewer, supervisor_a
):
    today = timezone.localdate()
    review = _finalised(team_a, scale, reviewer, 3, review_end=today - timedelta(days=160))  # due in about 20 days
    client.force_login(supervisor_a)
    response = client.get(reverse("fidelity:reviews_due"))
    assert [entry.team for entry in response.context["due"]] == [team_a]
    Review.objects.filter(pk=review.pk).update(review_end=today - timedelta(days=100))  # due in about 80 days
    assert client.get(reverse("fidelity:reviews_due")).context["due"] == []


def test_the_due_fragment_is_for_supervisors(client, coach_a):
    client.force_login(coach_a)
    assert client.get(reverse("fidelity:reviews_due")).status_code == 403
