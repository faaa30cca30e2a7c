"""Per-coach rows of S2, V3, V6, V13 and V14: each item's figure for each coach, lowest first, so a reviewer sees
who pulls the team's figure down.

Coaches are staff, not clients: their names are shown to whoever may see the review (its assigned reviewers, the
team's supervisors and the organisation's admins, docs/permissions.md); no client is named in these rows. The team
figure stays the team's own ratio (all minutes, all FTE), not a mean of the coaches' figures.
"""

from django.utils.translation import gettext_noop

from ips.models import User
from ips.periods import percent

COACH_COLUMN = gettext_noop("Coach")


def _name(first: str, last: str, username: str) -> str:
    return f"{first} {last}".strip() or username


def by_coach(queryset, **aggregates) -> dict[int, dict]:
    """The aggregates per coach of rows with a `coach`, each with the coach's `name` (one GROUP BY query, the
    names joined in, so the rows cost no query of their own)."""
    rows = queryset.order_by().values("coach_id", "coach__first_name", "coach__last_name", "coach__username")
    result = {}
    for row in rows.annotate(**aggregates):
        names = (row.pop("coach__first_name"), row.pop("coach__last_name"), row.pop("coach__username"))
        row["name"] = _name(*names) if row["coach_id"] else "–"
        result[row.pop("coach_id")] = row
    return result


def coach_names(ids) -> dict[int, str]:
    """Names of coaches known only by id (V6's FTE shares): one query."""
    users = User.objects.filter(pk__in=list(ids)).values_list("pk", "first_name", "last_name", "username")
    return {pk: _name(first, last, username) for pk, first, last, username in users}


def total(per_coach: dict[int, dict], name: str):
    return sum(row[name] for row in per_coach.values())


def coach_rows(figures: dict[int, list], names: dict[int, str]) -> list[list]:
    """[coach name, *figures] per coach, the last figure lowest first (a figure that could not be computed last)."""
    rows = [[names.get(pk, "–"), *values] for pk, values in figures.items()]
    return sorted(rows, key=lambda row: (row[-1] is None, row[-1] if row[-1] is not None else 0, row[0]))


def share_row(whole, part) -> list:
    """[whole, part, part as a % of the whole] of one coach (the share None without a whole): S2's and V13's rows."""
    return [whole, part, percent(part, whole) if whole else None]


def names_of(*per_coach: dict[int, dict]) -> dict[int, str]:
    return {pk: row["name"] for rows in per_coach for pk, row in rows.items()}


def shown_rows(rows: list[list]) -> list[list]:
    """A figure that could not be computed (no FTE, no minutes) as "–"."""
    return [[("–" if cell is None else cell) for cell in row] for row in rows]
