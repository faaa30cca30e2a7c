from decimal import Decimal

import pytest
from django.urls import reverse

from fidelity.models import Review, Totals, band_for
from tests.fidelity.conftest import score_all

pytestmark = pytest.mark.django_db


def _scores_for_total(total: int) -> list[int]:
    """25 item scores (1–5) that add up to the total."""
    scores = [1] * 25
    extra = total - 25
    for index in range(25):
        step = min(4, extra)
        scores[index] += step
        extra -= step
    assert sum(scores) == total
    return scores


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (25, "not_ips"),
        (73, "not_ips"),
        (74, "fair"),
        (99, "fair"),
        (100, "good"),
        (114, "good"),
        (115, "exemplary"),
        (125, "exemplary"),
    ],
)
def test_the_band_follows_the_scales_thresholds_at_each_boundary(review, total, band):
    score_all(review, _scores_for_total(total))
    totals = Review.objects.get(pk=review.pk).totals()
    assert totals.complete
    assert totals.total == total
    assert totals.band.code == band


def test_the_total_and_band_exist_only_when_every_item_is_scored(review):
    ratings = list(review.ratings.order_by("item__order"))
    for rating in ratings[:10]:
        rating.score = 4
        rating.save()
    totals = review.totals()
    assert (totals.scored, totals.item_count, totals.score_sum) == (10, 25, 40)
    assert totals.total is None
    assert totals.band is None
    assert totals.mean == Decimal("4.00")


def test_the_mean_has_two_decimals(review):
    score_all(review, [5] * 7 + [4] * 18)  # 107 / 25 = 4.28
    totals = review.totals()
    assert totals.total == 107
    assert totals.mean == Decimal("4.28")


def test_the_list_annotation_and_the_single_review_agree(review):
    score_all(review, _scores_for_total(101))
    annotated = Review.objects.with_totals().prefetch_related("scale__bands").get(pk=review.pk)
    assert annotated.totals() == review.totals()


def test_band_for_picks_the_highest_band_reached(scale):
    bands = list(scale.bands.all())
    assert band_for(None, bands) is None
    assert band_for(100, bands).code == "good"
    assert Totals(scored=0, item_count=25, score_sum=0).mean is None


def test_the_review_page_shows_total_mean_with_a_finnish_decimal_comma_and_band(review, reviewer, as_user):
    score_all(review, [5] * 7 + [4] * 18)
    page = as_user(reviewer).get(reverse("fidelity:review_detail", args=[review.uuid]), HTTP_ACCEPT_LANGUAGE="fi")
    html = page.content.decode()
    assert "107" in html
    assert "4,28" in html
    assert "Hyvä menetelmäuskollisuus" in html


def test_a_partly_scored_review_shows_progress_and_the_partial_sum(review, reviewer, as_user):
    for rating in list(review.ratings.order_by("item__order"))[:3]:
        rating.score = 3
        rating.save()
    response = as_user(reviewer).get(reverse("fidelity:review_detail", args=[review.uuid]))
    assert "3/25" in response.content.decode()
    assert response.context["totals"].score_sum == 9
    assert response.context["totals"].total is None
