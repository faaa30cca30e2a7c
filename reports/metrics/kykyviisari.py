"""Kykyviisari by area: per area, the mean of the clients' first and latest scores and the share who improved.

A client counts in an area when two of their measurements up to the period's end scored it: the first is "before",
the latest "after". The annotations and aggregates join client_figures()'s one query (no query of their own).
"""

from django.db.models import Avg, Count, F, OuterRef, Q, Subquery

from ips.models import KYKYVIISARI_AREA_FIELDS, KYKYVIISARI_AREAS, KykyviisariScore
from ips.periods import Period, ratio
from reports.metrics.scope import rounded

AREAS = tuple((code, field) for (code, _name), field in zip(KYKYVIISARI_AREAS, KYKYVIISARI_AREA_FIELDS, strict=True))


def _scored(field: str, period: Period):
    return KykyviisariScore.objects.filter(
        client=OuterRef("pk"), measured_on__lte=period.end, **{f"{field}__isnull": False}
    )


def area_annotations(period: Period) -> dict:
    """Per area: the first score, and the latest score of another measurement (None when measured once)."""
    result = {}
    for code, field in AREAS:
        first = _scored(field, period).order_by("measured_on", "pk")
        result[f"kyky_{code}_first"] = Subquery(first.values("pk")[:1])
        result[f"kyky_{code}_before"] = Subquery(first.values(field)[:1])
        later = _scored(field, period).exclude(pk=OuterRef(f"kyky_{code}_first")).order_by("-measured_on", "-pk")
        result[f"kyky_{code}_after"] = Subquery(later.values(field)[:1])
    return result


def area_aggregates() -> dict:
    result = {}
    for code, _field in AREAS:
        after = f"kyky_{code}_after"
        measured = Q(**{f"{after}__isnull": False})
        result[f"kyky_{code}_clients"] = Count(after)
        result[f"kyky_{code}_improved"] = Count("pk", filter=Q(**{f"{after}__gt": F(f"kyky_{code}_before")}))
        result[f"kyky_{code}_before_mean"] = Avg(f"kyky_{code}_before", filter=measured)
        result[f"kyky_{code}_after_mean"] = Avg(after)
    return result


def area_rows(figures: dict) -> list[dict]:
    """The aggregates taken out of `figures` as one row per area (KYKYVIISARI_AREAS order): code, clients,
    improved, before, after (means to one decimal), improved_share."""
    rows = []
    for code, _field in AREAS:
        clients = figures.pop(f"kyky_{code}_clients")
        improved = figures.pop(f"kyky_{code}_improved")
        rows.append(
            {
                "code": code,
                "clients": clients,
                "improved": improved,
                "before": rounded(figures.pop(f"kyky_{code}_before_mean")),
                "after": rounded(figures.pop(f"kyky_{code}_after_mean")),
                "improved_share": ratio(improved, clients),
            }
        )
    return rows
