"""When a team's next fidelity review is due: six months after a review whose total is below the "good" band,
a year after one that reaches it (the band's lowest total is a row of the scale, 100 on IPS-25).

The date counts from the last day of the finalised review (review_end). A supervisor sees it 30 days ahead.
"""

from dataclasses import dataclass
from datetime import date

from fidelity.models import Review, Totals
from ips.periods import add_months

GOOD_BAND = "good"
SHORT_MONTHS, LONG_MONTHS = 6, 12
NOTICE_DAYS = 30


@dataclass(frozen=True)
class NextReview:
    team: object
    last: Review
    due: date
    months: int

    def is_near(self, today: date) -> bool:
        return (self.due - today).days <= NOTICE_DAYS


def next_review(review: Review, totals: Totals) -> NextReview:
    """The due date after a finalised review; its scale's bands come prefetched (scale__bands)."""
    good = next((band.min_total for band in review.scale.bands.all() if band.code == GOOD_BAND), None)
    reached = totals.total is not None and good is not None and totals.total >= good
    months = LONG_MONTHS if reached else SHORT_MONTHS
    return NextReview(team=review.team, last=review, due=add_months(review.review_end, months), months=months)


def next_reviews(teams) -> list[NextReview]:
    """The next review of each team that has a finalised review: two queries whatever the number of teams."""
    latest = {}
    reviews = (
        Review.objects.finalised()
        .filter(team__in=teams)
        .select_related("team", "scale")
        .with_totals()
        .prefetch_related("scale__bands")
        .order_by("team_id", "-review_end", "-created")
    )
    for review in reviews:
        latest.setdefault(review.team_id, review)
    return sorted((next_review(r, r.totals()) for r in latest.values()), key=lambda n: n.due)
