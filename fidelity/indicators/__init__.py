"""Fidelity indicators computed from Polku's own data, one function per scale item.

Each function takes an ips.periods.TeamPeriod (team and data period of a review) and returns a Suggestion: the
suggested score by the item's anchors (None when there is no data, never 0), the measured value and the rows
behind it (client pseudonym codes only). Every function runs a fixed number of aggregate queries, so compute_all()
costs the same for a week of data as for a year. Shared definitions (caseload, FTE, rounding) are in common.py.
"""

from fidelity.indicators import jobs, ladders, staffing, work
from fidelity.indicators.common import CutPoints
from fidelity.services import Suggestion, review_apply_suggestions
from ips.periods import TeamPeriod

INDICATORS = {
    "S1": staffing.s1_caseload,
    "S2": staffing.s2_employment_time,
    "O1": staffing.o1_treatment_teams,
    "O3": ladders.o3_agencies,
    "O6": staffing.o6_referrals,
    "O7": ladders.o7_employment_rate,
    "V1": jobs.v1_benefits,
    "V2": work.v2_disclosure,
    "V3": work.v3_profiles,
    "V4": work.v4_rapid_search,
    "V5": work.v5_individualised,
    "V6": work.v6_employer_contacts,
    "V7": ladders.v7_employer_relationships,
    "V8": jobs.v8_job_types,
    "V9": jobs.v9_employers,
    "V10": jobs.v10_competitive,
    "V11": ladders.v11_follow_along_variety,
    "V12": jobs.v12_follow_along,
    "V13": work.v13_community,
    "V14": work.v14_outreach,
}


def compute_all(review) -> dict[str, Suggestion]:
    """Every indicator for the review's team and data period, keyed by item code."""
    period = TeamPeriod.of(review)
    cut = CutPoints.of_scale(review.scale_id)
    return {code: indicator(period, cut) for code, indicator in INDICATORS.items()}


def refresh_review(review) -> int:
    """Compute and store the suggestions on a draft review; returns how many items got figures."""
    return review_apply_suggestions(review=review, suggestions=compute_all(review))


__all__ = ["INDICATORS", "compute_all", "refresh_review"]
