"""One typed set of figures per scope and period: what the dashboard and the funder workbook both render.

Computed once by figures_for(); the dashboard, the workbook's sheets and the suppression of small counts all read
this object, so the same scope and period cannot show two different numbers in two places.
"""

from dataclasses import dataclass

from ips.periods import Period
from reports.metrics.clients import participant_figures, quarterly_rates
from reports.metrics.scope import Scope
from reports.metrics.summary import summary


@dataclass(frozen=True)
class Figures:
    scope: Scope
    period: Period
    # Every headline figure (reports.metrics.summary): counts, shares, means, fidelity reviews.
    summary: dict
    # One dict per calendar quarter of the period (reports.metrics.quarterly_rates).
    quarters: list[dict]
    # ESF+ participant indicators (reports.metrics.participant_figures).
    participants: dict

    def __getitem__(self, key):
        """Headline figures read as figures["clients"], as the templates and sheets did before."""
        return self.summary[key]


def figures_for(scope: Scope, period: Period) -> Figures:
    headline = summary(scope, period)
    # held_jobs: read once for both job_figures() and quarterly_rates(); rows, not a figure.
    quarters = quarterly_rates(
        scope, period, jobs=headline.pop("held_jobs"), hours_by_quarter=headline["hours_by_quarter"]
    )
    for index, quarter in enumerate(quarters):
        quarter["engaged"] = headline.pop(f"engaged_q{index}")
        quarter["first_job_starts"] = headline["first_job_starts_by_quarter"][index]
    return Figures(
        scope=scope,
        period=period,
        summary=headline,
        quarters=quarters,
        participants=participant_figures(scope, period),
    )
