"""Fidelity indicators computed from Polku's own data, one function per scale item.

Each function takes an ips.periods.TeamPeriod (team and data period of a review) and returns a Suggestion: the
suggested score by the item's anchors (None when there is no data, never 0), the measured value and the rows
behind it (client pseudonym codes only). Every function runs a fixed number of aggregate queries, so compute_all()
costs the same for a week of data as for a year. Shared definitions (caseload, FTE, rounding) are in common.py.
"""

from fidelity.indicators.common import CutPoints
from fidelity.indicators.jobs import v1_benefits, v8_job_types, v9_employers, v10_competitive, v12_follow_along
from fidelity.indicators.ladders import (
    o3_agencies,
    o7_employment_rate,
    v7_employer_relationships,
    v11_follow_along_variety,
)
from fidelity.indicators.staffing import o1_treatment_teams, o6_referrals, s1_caseload, s2_employment_time
from fidelity.indicators.work import (
    v2_disclosure,
    v3_profiles,
    v4_rapid_search,
    v5_individualised,
    v6_employer_contacts,
    v13_community,
    v14_outreach,
)
from fidelity.services import Suggestion, review_apply_suggestions
from ips.periods import TeamPeriod

INDICATORS = {
    "S1": s1_caseload,
    "S2": s2_employment_time,
    "O1": o1_treatment_teams,
    "O3": o3_agencies,
    "O6": o6_referrals,
    "O7": o7_employment_rate,
    "V1": v1_benefits,
    "V2": v2_disclosure,
    "V3": v3_profiles,
    "V4": v4_rapid_search,
    "V5": v5_individualised,
    "V6": v6_employer_contacts,
    "V7": v7_employer_relationships,
    "V8": v8_job_types,
    "V9": v9_employers,
    "V10": v10_competitive,
    "V11": v11_follow_along_variety,
    "V12": v12_follow_along,
    "V13": v13_community,
    "V14": v14_outreach,
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
