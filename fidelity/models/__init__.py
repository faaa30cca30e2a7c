from fidelity.models.reviews import (
    ActionPlanItem,
    ItemRating,
    Review,
    ReviewQuerySet,
    ReviewTeamQuerySet,
    Totals,
    band_for,
    eligible_reviewers,
    totals_from_ratings,
)
from fidelity.models.scales import EVIDENCE_SOURCES, FidelityScale, ScaleBand, ScaleItem, ScaleSection

__all__ = [
    "EVIDENCE_SOURCES",
    "ActionPlanItem",
    "FidelityScale",
    "ItemRating",
    "Review",
    "ReviewQuerySet",
    "ReviewTeamQuerySet",
    "ScaleBand",
    "ScaleItem",
    "ScaleSection",
    "Totals",
    "band_for",
    "eligible_reviewers",
    "totals_from_ratings",
]
