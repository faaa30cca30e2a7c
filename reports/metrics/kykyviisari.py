"""Kykyviisari by area: per area, the mean of the clients' first and latest scores and the share who improved.

A client counts in an area when two of their measurements up to the period's end scored it: the first is "before",
the latest "after". One read of the clients' scored measurements, counted in Python: as three correlated
subqueries per area and client inside client_figures()'s query they cost more than all its other figures together
(docs/performance.md, "The organisation dashboard's client figures").
"""

from collections import defaultdict
from fractions import Fraction
from functools import reduce
from operator import or_

from django.db.models import Q

from ips.models import KYKYVIISARI_AREA_FIELDS, KYKYVIISARI_AREAS, KykyviisariScore
from ips.periods import Period, ratio
from reports.metrics.scope import rounded

AREAS = tuple((code, field) for (code, _name), field in zip(KYKYVIISARI_AREAS, KYKYVIISARI_AREA_FIELDS, strict=True))


def area_rows(clients, period: Period) -> list[dict]:
    """One row per area (KYKYVIISARI_AREAS order) for the clients of the queryset `clients`: code, clients, improved,
    before, after (means to one decimal), improved_share. One query."""
    scored = reduce(or_, (Q(**{f"{field}__isnull": False}) for _code, field in AREAS))
    measurements = (
        KykyviisariScore.objects.filter(scored, client__in=clients.values("pk"), measured_on__lte=period.end)
        .order_by("client_id", "measured_on", "pk")
        .values_list("client_id", *(field for _code, field in AREAS))
    )
    # Per area and client, the scores in the order measured: the first and the last are all that count.
    scores = [defaultdict(list) for _area in AREAS]
    for client_id, *values in measurements:
        for by_client, value in zip(scores, values, strict=True):
            if value is not None:
                by_client[client_id].append(value)
    rows = []
    for (code, _field), by_client in zip(AREAS, scores, strict=True):
        pairs = [(values[0], values[-1]) for values in by_client.values() if len(values) > 1]
        improved = sum(1 for before, after in pairs if after > before)
        rows.append(
            {
                "code": code,
                "clients": len(pairs),
                "improved": improved,
                "before": _mean(before for before, _after in pairs),
                "after": _mean(after for _before, after in pairs),
                "improved_share": ratio(improved, len(pairs)),
            }
        )
    return rows


def _mean(values):
    values = [Fraction(value) for value in values]
    return rounded(sum(values) / len(values)) if values else None
