from datetime import date

import pytest

from fidelity import services
from fidelity.models import FidelityScale, ItemRating, Review
from ips.models import Membership
from tests.factories import MembershipFactory, UserFactory


@pytest.fixture
def scale(db):
    """IPS-25, loaded by the data migration."""
    return FidelityScale.objects.get(code="IPS-25")


@pytest.fixture
def reviewer2(org_a):
    user = UserFactory(username="reviewer2")
    MembershipFactory(user=user, role=Membership.Role.REVIEWER, organisation=org_a, team=None, fte=None)
    return user


def make_review(team, scale, reviewers=(), *, by=None, period_start=date(2025, 7, 1), period_end=date(2025, 12, 31)):
    return services.review_create(
        team=team,
        scale=scale,
        period_start=period_start,
        period_end=period_end,
        review_start=date(2026, 1, 15),
        review_end=date(2026, 1, 16),
        reviewers=list(reviewers),
        by=by or (reviewers[0] if reviewers else None),
    )


def score_all(review, scores):
    """Give every item a score: one number for all, or a list in scale order."""
    ratings = list(review.ratings.order_by("item__order"))
    if isinstance(scores, int):
        scores = [scores] * len(ratings)
    for rating, score in zip(ratings, scores, strict=True):
        ItemRating.objects.filter(pk=rating.pk).update(score=score)


def finalise(review, by):
    return services.review_finalise(review=review, by=by)


@pytest.fixture
def review(team_a, scale, reviewer) -> Review:
    """A draft review of team A with the reviewer assigned."""
    return make_review(team_a, scale, [reviewer])
