"""Shared ground of the indicators: the review period, the team's caseload, scoring by anchors, the detail.

Definitions that every indicator shares (a reviewer reads them in the item's detail, so keep them stable):

- The period is the review's data period, both ends included. Weeks in the period = days / 7.
- A client belongs to the team's caseload for the period when a ClientAssignment to the team overlaps the period
  at any time (started on or before the last day, ended after the first: the end day belongs to the next
  assignment, ips/periods.py). A client who moved from team A to team B mid-period therefore counts in the
  caseload of both teams for that period.
- A coach counts with their FTE share weighted by the days their coach membership of the team covers in the
  period (share × days ÷ period days), so an FTE change or a hand-over between coaches counts each day once; a
  coach without an FTE share counts as full-time (1.0).
- Scores compare the exact value with the anchors, never a rounded one: S1 20.4 clients per FTE is above 20 and
  scores 4; V13 64.9 % is below 65 and scores 4. The measured value is shown rounded to two decimals.
- No data for an item gives no suggestion (score None), never a zero or a 1.
"""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_noop

from employers.models import EmployerContact
from fidelity.rules import CutPoints
from fidelity.services import Suggestion
from ips.models import Client, ClientAssignment, Membership, TimeEntry
from ips.periods import TeamPeriod, overlapping

# The review page lists at most this many rows behind a figure; the stored detail and its download hold all.
MAX_ROWS = 50


def assigned_on(team_id: int, day_ref, client_ref="client") -> Exists:
    """The client was assigned to the team on a given day (an OuterRef or a date): jobs count for that team."""
    return Exists(
        ClientAssignment.objects.filter(overlapping(day_ref, day_ref), client=OuterRef(client_ref), team_id=team_id)
    )


def caseload(period: TeamPeriod):
    """Clients in the team's caseload at any time in the period: ips.models.served(), shared with the reports."""
    return Client.objects.served_by([period.team_id], period.start, period.end)


def team_contacts(period: TeamPeriod):
    """The employer contacts the team recorded in the period."""
    return EmployerContact.objects.filter(team_id=period.team_id, date__gte=period.start, date__lte=period.end)


def team_work(period: TeamPeriod):
    """The daily-log entries of the team's coaches' own work in the period (ips TimeEntry.coaches_work)."""
    return TimeEntry.objects.coaches_work().filter(team_id=period.team_id, date__gte=period.start, date__lte=period.end)


def team_client_on(period: TeamPeriod, day_ref) -> Q:
    """For rows with a client (jobs): the client was in the team on a day, the row's own date (an OuterRef to
    e.g. the job start) or a fixed date.

    The first condition is implied by the second and changes no result: it lets the database start from the
    team's clients (one IN list) instead of testing every row of the installation.
    """
    ever_in_team = Q(client__in=ClientAssignment.objects.filter(team_id=period.team_id).order_by().values("client_id"))
    return ever_in_team & Q(assigned_on(period.team_id, day_ref))


def coach_fte(period: TeamPeriod) -> Fraction:
    """The team's coach FTE over the period, each share weighted by the days it covers (one query)."""
    return Membership.objects.fte_weighted([period.team_id], period)


def scored(cut: "CutPoints | None", code: str, value) -> int | None:
    """An indicator's score by the scale's rows: those of the review (compute_all passes them) or the default."""
    return (cut or CutPoints.default()).score(code, value)


def scored_of(cut: "CutPoints | None", code: str, figures: dict) -> int | None:
    """The score of an item whose rows read several named figures (O1, O3, V10)."""
    return (cut or CutPoints.default()).score_of(code, figures)


def data_components(cut: "CutPoints | None", code: str, figures: dict, labelled: dict[int, tuple]) -> list[list]:
    """[number, label msgid, value] of each component the figures show by the item's component rows (V7, V11, O7,
    V14): the tick page ticks them in advance and notes the label and value beside the tick."""
    return [
        [number, *(shown(part) for part in labelled[number])]
        for number in (cut or CutPoints.default()).shown(code, figures)
        if number in labelled
    ]


def decimal(value) -> Decimal:
    """The shown measured value: exact input, rounded half up to two decimals."""
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    return Decimal(value).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def shown(value):
    """A JSON-safe figure for the detail: ints stay ints, fractions and decimals become rounded floats."""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, int):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (Fraction, Decimal, float)):
        return float(decimal(value))
    return value


def detail(*, figures, note="", columns=(), rows=(), row_count=None, translated=()) -> dict:
    """What the review page shows behind a figure.

    Labels, notes and column names are English msgids marked with gettext_noop: the page translates them into the
    reader's language when it shows them, and so does it for the row cells of the `translated` columns (English
    labels of choices). Rows carry client pseudonym codes only, never names.
    """
    rows = list(rows)
    data = {"figures": [[label, shown(value)] for label, value in figures]}
    if note:
        data["note"] = note
    if columns:
        data["columns"] = list(columns)
        # Every row is stored: the page shows the first MAX_ROWS, the Excel download all of them.
        data["rows"] = [[shown(cell) for cell in row] for row in rows]
        data["row_count"] = len(rows) if row_count is None else row_count
        if translated:
            data["translated"] = list(translated)
    return data


def suggested(cut: "CutPoints | None", code: str, value, **shown) -> Suggestion:
    """An item scored on one measured value: its score by the item's anchors, the value as shown, and the detail."""
    return Suggestion(score=scored(cut, code, value), measured_value=decimal(value), detail=detail(**shown))


def unscored(value, **shown) -> Suggestion:
    """A measured value and its detail for an item the data does not score: the reviewer scores it."""
    return Suggestion(score=None, measured_value=decimal(value), detail=detail(**shown))


NO_DATA_NOTE = gettext_noop("No data for this item in the period: no suggestion.")


def no_data(note: str = NO_DATA_NOTE) -> Suggestion:
    """No suggested score and no figures: the note says why (by default, that the period has no data)."""
    return Suggestion(score=None, measured_value=None, detail={"figures": [], "note": note})
