"""Hand-overs by destination: how many clients a scope's teams handed over, accompanied, to each other service in
a period, how many of those closed the service with Polku, and at how many first meetings the coach or the
asiakasvastaava went along. Aggregates only, through the same suppression as the dashboard and the workbook.

A hand-over counts for the team the client was in when it was made (HandOver.team) and for the period its first
meeting at the new service falls in. Two queries, whatever the number of hand-overs: the counts, and the list.
"""

from dataclasses import dataclass

from django.db.models import Count, Q

from ips.models import Destination, HandOver
from ips.periods import Period
from reports.metrics import Scope
from reports.metrics.suppression import HIDDEN, Grid, protect

# The columns of the report, each a count of hand-overs; "all" is the total row.
COLUMNS = ("hand_overs", "closing", "accompanied")
TOTAL = "all"


@dataclass
class Row:
    destination: Destination | None  # None: the total row
    hand_overs: int | str
    closing: int | str
    accompanied: int | str


def hand_over_counts(scope: Scope, period: Period) -> dict[int, dict[str, int]]:
    """{destination id: {column: count}} for the scope's teams and the period: one query."""
    rows = (
        HandOver.objects.filter(team__in=scope.team_ids)
        .in_period(period.start, period.end)
        .order_by()
        .values("destination")
        .annotate(
            hand_overs=Count("pk"),
            closing=Count("pk", filter=Q(closes_service=True)),
            accompanied=Count("pk", filter=Q(attended__in=HandOver.ATTENDED_BY_SOMEONE)),
        )
    )
    return {row["destination"]: {column: row[column] for column in COLUMNS} for row in rows}


def report_grid(destinations, counts) -> Grid:
    """Each column's destinations add up to its total: the equations the suppression keeps."""
    cells = Grid()
    for column in COLUMNS:
        keys = []
        for destination in destinations:
            key = f"{destination.code}.{column}"
            cells.counts[key] = counts.get(destination.pk, {}).get(column, 0)
            keys.append(key)
        cells.counts[f"{TOTAL}.{column}"] = sum(cells.counts[key] for key in keys)
        cells.equations.append((f"{TOTAL}.{column}", tuple(keys)))
    return cells


def hand_over_report(scope: Scope, period: Period, *, suppressed: bool = True) -> list[Row]:
    """The destinations in use (and any other one with hand-overs in the period), then the total row."""
    counts = hand_over_counts(scope, period)
    destinations = list(Destination.objects.filter(Q(active=True) | Q(pk__in=list(counts))))
    cells = report_grid(destinations, counts)
    hidden = protect(cells) if suppressed else set()

    def shown(key):
        return HIDDEN if key in hidden else cells.counts[key]

    rows = [
        Row(destination, *(shown(f"{destination.code}.{column}") for column in COLUMNS)) for destination in destinations
    ]
    rows.append(Row(None, *(shown(f"{TOTAL}.{column}") for column in COLUMNS)))
    return rows
