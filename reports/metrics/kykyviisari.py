"""Kykyviisari by area: per area, the mean of the clients' first and latest scores and the share who improved.

A client counts in an area when two of their measurements up to the period's end scored it: the first is "before",
the latest "after". One read of the clients' scored measurements in client order, summed client by client: as three
correlated subqueries per area and client inside client_figures()'s query they cost more than all its other
figures together, and lists of every client's scores kept so many objects alive that the garbage collector's full
passes became frequent (docs/performance.md, "The organisation dashboard's client figures").
"""

from fractions import Fraction
from functools import reduce
from operator import or_

from django.db.models import Q

from ips.models import KYKYVIISARI_AREA_FIELDS, KYKYVIISARI_AREAS, KykyviisariScore
from ips.periods import Period, ratio
from reports.metrics.scope import rounded

AREAS = tuple((code, field) for (code, _name), field in zip(KYKYVIISARI_AREAS, KYKYVIISARI_AREA_FIELDS, strict=True))


class _Area:
    """One area's sums over the clients measured twice, fed one client at a time."""

    def __init__(self):
        self.clients = self.improved = 0
        self.before = self.after = 0

    def add(self, first, last):
        self.clients += 1
        self.improved += last > first
        self.before += first
        self.after += last

    def row(self, code: str) -> dict:
        return {
            "code": code,
            "clients": self.clients,
            "improved": self.improved,
            "before": _mean(self.before, self.clients),
            "after": _mean(self.after, self.clients),
            "improved_share": ratio(self.improved, self.clients),
        }


def area_rows(clients, period: Period) -> list[dict]:
    """One row per area (KYKYVIISARI_AREAS order) for the clients of the queryset `clients`: code, clients, improved,
    before, after (means to one decimal), improved_share. One query."""
    scored = reduce(or_, (Q(**{f"{field}__isnull": False}) for _code, field in AREAS))
    measurements = (
        KykyviisariScore.objects.filter(scored, client__in=clients.values("pk"), measured_on__lte=period.end)
        .order_by("client_id", "measured_on", "pk")
        .values_list("client_id", *(field for _code, field in AREAS))
    )
    areas = [_Area() for _area in AREAS]
    # The current client's first score of each area, and the latest of another measurement (None: measured once).
    current, firsts, lasts = None, [None] * len(AREAS), [None] * len(AREAS)
    for client_id, *values in measurements.iterator(chunk_size=2000):
        if client_id != current:
            _close(areas, firsts, lasts)
            current, firsts, lasts = client_id, [None] * len(AREAS), [None] * len(AREAS)
        for index, value in enumerate(values):
            if value is None:
                continue
            if firsts[index] is None:
                firsts[index] = value
            else:
                lasts[index] = value
    _close(areas, firsts, lasts)
    return [area.row(code) for area, (code, _field) in zip(areas, AREAS, strict=True)]


def _close(areas, firsts, lasts):
    """Add one client's first and latest scores to the areas they were measured twice in."""
    for area, first, last in zip(areas, firsts, lasts, strict=True):
        if last is not None:
            area.add(first, last)


def _mean(total, count):
    return rounded(Fraction(total) / count) if count else None
