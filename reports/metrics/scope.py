"""Whose figures and which rows: the scope, the clients and jobs it served in a period, and the rounding rules."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from django.db.models import Exists, OuterRef, Q

from employers.models import Job
from ips.models import Client, served
from ips.periods import Period, overlapping

# IPS Learning Community benchmarks for the quarterly employment rate, and IPS Grow's single benchmark.
BENCHMARKS = {"minimum": Decimal("0.31"), "average": Decimal("0.41"), "excellent": Decimal("0.50")}
GROW_BENCHMARK = Decimal("0.40")
SUSTAINED_MONTHS = (3, 6, 12)


@dataclass(frozen=True)
class Scope:
    """Whose figures: a set of teams, optionally narrowed to one coach's own clients and work."""

    team_ids: frozenset[int]
    label: str
    kind: str  # "team", "organisation", "organisations" or "coach"
    coach_id: int | None = None
    organisation_ids: frozenset[int] = field(default_factory=frozenset)

    def q(self) -> Q:
        """For rows that carry their own team and coach (log entries, employer contacts); clients use served_in()."""
        condition = Q(team__in=self.team_ids)
        if self.coach_id:
            condition &= Q(coach=self.coach_id)
        return condition


def rounded(value, places="0.1") -> Decimal | None:
    if value is None:
        return None
    if isinstance(value, Fraction):
        return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal(places), rounding=ROUND_HALF_UP)
    return Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def per_week(count, period: Period) -> Decimal:
    """A count per week of the period, as a decimal (days / 7 weeks)."""
    return Decimal(count) / (Decimal(period.days) / 7)


def active_in(period: Period) -> Q:
    """Clients in the project at any time in the period: entered by its end, not closed before its start (the
    closing day is the programme's last day)."""
    return overlapping(period.start, period.end, started="programme_entry", ended="closed_on", last_day=True)


def jobs_held_in(period: Period) -> Q:
    """Jobs held at any time in the period (a job still runs on its end date)."""
    return overlapping(period.start, period.end, started="start_date", ended="end_date", last_day=True)


def held_job(period: Period, *, competitive_only: bool) -> Exists:
    jobs = Job.objects.filter(jobs_held_in(period), client=OuterRef("pk"))
    if competitive_only:
        jobs = jobs.filter(competitive=True)
    return Exists(jobs)


def served_in(scope: Scope, period: Period) -> Q:
    """The client was the scope's at some time in the period: the definition caseloads and fidelity items share."""
    return served(scope.team_ids, period.start, period.end, coach_id=scope.coach_id)


def scope_clients(scope: Scope, period: Period):
    """Clients the scope served at some time in the period; a client who moved teams counts for both teams."""
    return Client.objects.filter(served_in(scope, period)).order_by()


def scope_jobs(scope: Scope, period: Period):
    """Jobs of the clients the scope served in the period."""
    return Job.objects.filter(client__in=scope_clients(scope, period).values("pk")).order_by()


def open_at(scope: Scope, day):
    """Clients in the scope's caseload on a day: served that day, entered by then and not closed by then."""
    return scope_clients(scope, Period(day, day)).filter(active_in(Period(day, day)))
