"""Fidelity figures of the scope's teams, and the summary: every headline figure of a scope and period."""

from fidelity.models import Review
from ips.periods import Period
from reports.metrics.clients import client_figures, job_figures
from reports.metrics.scope import Scope
from reports.metrics.work import staff_figures, time_figures


def fidelity_reviews(scope: Scope, period: Period) -> list[Review]:
    """Finalised reviews of the scope's teams whose data period ends by the period's end, oldest first."""
    if scope.coach_id:
        return []
    return list(
        Review.objects.finalised()
        .filter(team__in=scope.team_ids, period_end__lte=period.end)
        .with_totals()
        .select_related("team", "scale")
        .prefetch_related("scale__bands")
        .order_by("period_end", "team__name")
    )


def fidelity_figures(reviews: list[Review]) -> list[dict]:
    """The latest finalised review of each team, with total, item mean and band."""
    latest = {}
    for review in reviews:
        latest[review.team_id] = review
    rows = []
    for review in sorted(latest.values(), key=lambda r: r.team.name):
        totals = review.totals()
        rows.append({"review": review, "team": review.team, "totals": totals, "band": totals.band})
    return rows


def summary(scope: Scope, period: Period) -> dict:
    """Every headline figure of a scope and period."""
    reviews = fidelity_reviews(scope, period)
    return {
        "scope": scope,
        "period": period,
        **client_figures(scope, period),
        **job_figures(scope, period),
        **time_figures(scope, period),
        **staff_figures(scope, period),
        "fidelity": fidelity_figures(reviews),
        "reviews": reviews,
    }
