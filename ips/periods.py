"""Periods, weeks, spans and shares: the date arithmetic that caseloads, fidelity items and reports share.

A period is a run of whole days, both ends included (a review's data period, a report's quarter).

A span is a stretch of time recorded as a start and an end field: a client's assignment to a team
(`started`/`ended`), a staff membership (`started`/`ended`), a client's programme (`programme_entry`/`closed_on`).
The rule for every span: **the end date is the first day the span no longer covers** (the end is exclusive).
`ips.services.client_assign` writes it so: the old assignment ends on the day the new one starts, and that day is
the new team's only; read inclusively, the handover day would count in both teams' caseloads. The closing day is
still a day of service: `client_close` ends the assignment the day after it, and a client's programme
(`programme_entry`/`closed_on`) is read with `last_day=True`, so a client closed on a period's first day is served
and counted as closed in that period. (The caseload *on a day* leaves out clients closed that day: they are no
longer carried.) A membership ended on D gives no role on D. A span always covers its first day, so one that ends
the day it starts covers that day (client_assign replaces such an assignment rather than leaving it). An open span
(no end) covers every day from its start; a span with no start date covers every day up to its end.

Two ends are the last day covered, and say so where they are used (`last_day=True`): a job's `end_date` (employers
report the last day at work) and a client's `closed_on` (the closing day is the programme's last).
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import CheckConstraint, F, Q, UniqueConstraint
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext


def short_date(day: date | None) -> str:
    """26.11.2026: the short date of every language Polku speaks (config/formats/); no date is an empty text."""
    return date_format(day, "SHORT_DATE_FORMAT") if day else ""


def span_ends_after_start(name: str) -> CheckConstraint:
    """A span's constraint: open (no `ended`), or ending on or after its `started`."""
    return CheckConstraint(condition=Q(ended__isnull=True) | Q(ended__gte=F("started")), name=name)


def one_open_span(fields: list[str], name: str) -> UniqueConstraint:
    """A span's constraint: at most one open span (no `ended`) for the same `fields` (a client's team, say)."""
    return UniqueConstraint(fields=fields, condition=Q(ended__isnull=True), name=name)


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Period:
    """Whole days from start to end, both included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def weeks(self) -> Fraction:
        """Days / 7, exactly: a 182-day period is 26 weeks."""
        return Fraction(self.days, 7)

    def __contains__(self, day) -> bool:
        return day is not None and self.start <= day <= self.end

    def quarters(self) -> list["Period"]:
        """Calendar quarters that overlap the period, each cut to the period."""
        result = []
        first = date(self.start.year, 3 * ((self.start.month - 1) // 3) + 1, 1)
        while first <= self.end:
            following = add_months(first, 3)
            result.append(Period(max(first, self.start), min(following - timedelta(days=1), self.end)))
            first = following
        return result

    @property
    def label(self) -> str:
        """'2025 Q1' for a whole calendar quarter, else the dates."""
        quarter = (self.start.month - 1) // 3 + 1
        if self.start == date(self.start.year, 3 * quarter - 2, 1) and self.end == add_months(
            self.start, 3
        ) - timedelta(days=1):
            return f"{self.start.year} Q{quarter}"
        return f"{short_date(self.start)}–{short_date(self.end)}"


@dataclass(frozen=True)
class TeamPeriod(Period):
    """One team's period: what a fidelity review scores (the team and its data period)."""

    team_id: int

    @classmethod
    def of(cls, review) -> "TeamPeriod":
        return cls(team_id=review.team_id, start=review.period_start, end=review.period_end)


# --- spans ---------------------------------------------------------------------------------------------------------


def overlapping(start, end, *, started="started", ended="ended", open_start=False, last_day=False) -> Q:
    """Rows whose span [started, ended) covers some day from start to end (dates or expressions such as OuterRef).

    `open_start`: a row without a start date has covered every day up to its end (memberships). `last_day`: the end
    field is the span's last day, not the first day after it (jobs' end_date). A day is overlapping(day, day).
    """
    begins = Q(**{f"{started}__lte": end})
    if open_start:
        begins |= Q(**{f"{started}__isnull": True})
    lasts = Q(**{f"{ended}__isnull": True}) | Q(**{f"{ended}__gte" if last_day else f"{ended}__gt": start})
    # A span covers its first day even when it ended that day.
    return begins & (lasts | Q(**{f"{started}__gte": start}))


def overlapping_span(started, ended, **options) -> Q:
    """Rows whose span shares a day with the span [started, ended), either end open (None): overlapping() of its
    days. A span that ends the day it starts covers that day, as the rule above says."""
    first = started or date.min
    last = max(first, ended - timedelta(days=1)) if ended else date.max
    return overlapping(first, last, **options)


def span_shown(started, ended) -> str:
    """A span's dates for a message, in the user's language and date format and as the forms ask for them (the end
    is the first day no longer covered): "from 1.1.2026 until 1.6.2026"."""
    dates = {name: day and short_date(day) for name, day in [("started", started), ("ended", ended)]}
    if started and ended:
        return gettext("from %(started)s until %(ended)s") % dates
    if started:
        return gettext("from %(started)s on") % dates
    if ended:
        return gettext("until %(ended)s") % dates
    return gettext("with no start or end date")


def on_days_of(field: str, period: Period) -> Q:
    """A timestamp falls on a day of the period in the current time zone: what `field__date__range` asks, as two
    comparisons of the stored value (no per-row conversion of the timestamp; in SQLite that is a Python function)."""
    start = timezone.make_aware(datetime.combine(period.start, time.min))
    after = timezone.make_aware(datetime.combine(period.end + timedelta(days=1), time.min))
    return Q(**{f"{field}__gte": start, f"{field}__lt": after})


def span_overlaps(began, ended, period: Period, *, last_day=False) -> bool:
    """Python's overlapping(), for spans fetched once and counted per sub-period: began may be None (open start)."""
    if began is not None and began > period.end:
        return False
    if ended is None or ended > period.start or (last_day and ended == period.start):
        return True
    return began is not None and began >= period.start


def days_covered(began, ended, period: Period) -> int:
    """How many of the period's days a span covers (the rule above: end exclusive, the first day always covered,
    an open start or end reaching the period's edge). For weighting by days: FTE shares (S1, V6), the caseload."""
    if began is not None and ended is not None and ended <= began:
        ended = began + timedelta(days=1)  # a span covers its own first day
    first = max(began or period.start, period.start)
    after = period.end + timedelta(days=1)
    stop = after if ended is None else min(ended, after)
    return max((stop - first).days, 0)


# --- weeks ---------------------------------------------------------------------------------------------------------


def week_of(day: date) -> tuple[date, date]:
    """The Monday and the Sunday of the day's week."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def week_days(day: date) -> list[date]:
    """Monday to Sunday of the day's week."""
    monday, _sunday = week_of(day)
    return [monday + timedelta(days=n) for n in range(7)]


# --- shares --------------------------------------------------------------------------------------------------------


def percent(part, whole) -> Fraction:
    """part / whole × 100, exactly (fidelity anchors compare the exact value); whole must not be 0."""
    return Fraction(int(part) * 100, int(whole))


def ratio(part, whole, places="0.001") -> Decimal | None:
    """part / whole as a decimal rounded half up (0.415 for 41.5 %), or None when there is no whole."""
    if not whole or part is None:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def whole_percent(part, whole) -> int | None:
    """part / whole as a whole percent (33 for 1 of 3), or None when there is no whole."""
    return round(100 * part / whole) if whole else None


def percent_step(part, whole, step=5) -> int:
    """part / whole as a percent in steps of `step`, at most 100 and 0 without a whole: a bar's width class."""
    if not whole:
        return 0
    return min(100, round(100 * (part or 0) / whole / step) * step)


def quarter_of(day: date, back: int = 0) -> Period:
    """The calendar quarter the day falls in, or the one `back` quarters before it: a report's default period."""
    first = add_months(date(day.year, 3 * ((day.month - 1) // 3) + 1, 1), -3 * back)
    return Period(first, add_months(first, 3) - timedelta(days=1))
