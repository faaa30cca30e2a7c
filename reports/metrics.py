"""Outcome figures for a scope (coach, team, organisation, several organisations) and a period.

Every figure is an SQL aggregate over the scope's rows, or a small computation over rows fetched once with
.values(): the number of queries depends on the number of figures, never on the number of clients.
"""

import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    IntegerField,
    Min,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from employers.models import EmployerContact, Job
from fidelity.models import Review
from ips.models import (
    ActivityKind,
    Client,
    ClientAssignment,
    KykyviisariScore,
    Membership,
    ServiceType,
    TimeEntry,
    age_band,
    served,
    served_spans,
)
from ips.models.activity import COMMUNITY_SETTINGS

# IPS Learning Community benchmarks for the quarterly employment rate, and IPS Grow's single benchmark.
BENCHMARKS = {"minimum": Decimal("0.31"), "average": Decimal("0.41"), "excellent": Decimal("0.50")}
GROW_BENCHMARK = Decimal("0.40")
SUSTAINED_MONTHS = (3, 6, 12)
SMALL_COUNT = "< 5"


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def weeks(self) -> Decimal:
        return Decimal(self.days) / 7

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
        return f"{self.start:%d.%m.%Y}–{self.end:%d.%m.%Y}"


def add_months(day: date, months: int) -> date:
    """The same day `months` later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    following = date(year + (month == 12), month % 12 + 1, 1)
    return min(day.replace(year=year, month=month, day=1) + timedelta(days=day.day - 1), following - timedelta(days=1))


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


def ratio(part, whole, places="0.001") -> Decimal | None:
    if not whole or part is None:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def rounded(value, places="0.1") -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP)


def suppress(value, enabled: bool = True):
    """Counts of 1–4 become '< 5' so that no small group can be recognised; 0 stays 0."""
    if enabled and isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 4:
        return SMALL_COUNT
    return value


def suppress_derived(value, *counts, enabled: bool = True):
    """A share or mean computed from a count of 1–4 is hidden with it: a rate next to a known total gives the count
    back, and the mean of one person's score is that person's score."""
    if enabled and value is not None and any(suppress(count) == SMALL_COUNT for count in counts):
        return SMALL_COUNT
    return value


def active_in(period: Period) -> Q:
    """Clients in the project at any time in the period: entered by its end, not closed before its start."""
    return Q(programme_entry__lte=period.end) & (Q(closed_on__isnull=True) | Q(closed_on__gte=period.start))


def jobs_held_in(period: Period):
    return Q(start_date__lte=period.end) & (Q(end_date__isnull=True) | Q(end_date__gte=period.start))


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
    return (
        scope_clients(scope, Period(day, day))
        .filter(programme_entry__lte=day)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gt=day))
    )


def client_figures(scope: Scope, period: Period) -> dict:
    """The seed's table and the employment rates: one query."""
    entry_score = (
        KykyviisariScore.objects.filter(client=OuterRef("pk"), kind=KykyviisariScore.Kind.ENTRY)
        .order_by("measured_on")
        .values("score")[:1]
    )
    later_score = (
        KykyviisariScore.objects.filter(
            client=OuterRef("pk"), kind=KykyviisariScore.Kind.FOLLOW_UP, measured_on__lte=period.end
        )
        .order_by("-measured_on", "-pk")
        .values("score")[:1]
    )
    # Flags as annotations: the aggregate then runs over a subquery whose columns the filters refer to.
    competitive = Q(in_competitive_job=True)
    ips = Q(service_type=ServiceType.IPS)
    grow = Q(out_of_work_at_referral=True)
    figures = (
        scope_clients(scope, period)
        .filter(active_in(period))
        .annotate(
            in_competitive_job=held_job(period, competitive_only=True),
            in_any_job=held_job(period, competitive_only=False),
            kyky_change=ExpressionWrapper(
                Subquery(later_score) - Subquery(entry_score), output_field=DecimalField(max_digits=4, decimal_places=1)
            ),
        )
        .aggregate(
            clients=Count("pk"),
            new=Count("pk", filter=Q(programme_entry__gte=period.start)),
            closed=Count("pk", filter=Q(closed_on__lte=period.end)),
            employed=Count("pk", filter=competitive),
            employed_any_job=Count("pk", filter=Q(in_any_job=True)),
            ips_clients=Count("pk", filter=ips),
            ips_employed=Count("pk", filter=ips & competitive),
            grow_clients=Count("pk", filter=grow),
            grow_employed=Count("pk", filter=grow & competitive),
            satisfaction_mean=Avg("satisfaction"),
            satisfaction_count=Count("satisfaction"),
            kykyviisari_mean=Avg("kyky_change"),
            kykyviisari_count=Count("kyky_change"),
        )
    )
    figures["employment_rate"] = ratio(figures["employed"], figures["clients"])
    figures["ips_employment_rate"] = ratio(figures["ips_employed"], figures["ips_clients"])
    figures["grow_employment_rate"] = ratio(figures["grow_employed"], figures["grow_clients"])
    figures["satisfaction"] = rounded(figures.pop("satisfaction_mean"))
    figures["kykyviisari_change"] = rounded(figures.pop("kykyviisari_mean"), "0.01")
    return figures


def quarterly_rates(scope: Scope, period: Period, time: dict | None = None) -> list[dict]:
    """Employment rate per quarter, both definitions: one read of the served spans, one of the jobs.

    `time` is time_figures() of the same scope and period when the caller has it: its hours by quarter then come
    from the same read of the log entries.
    """
    quarters = period.quarters()
    # The clients' spans and jobs of the whole period, fetched once, then counted per quarter in Python. As SQL
    # counts, each of the 30 tested its own served-in-quarter subquery and job probe, and building that query cost
    # more than running it (docs/performance.md).
    spans, facts = defaultdict(list), {}
    for client_id, began, ended, *fields in served_spans(
        scope.team_ids, period.start, period.end, coach_id=scope.coach_id, fields=CLIENT_FACTS
    ):
        spans[client_id].append((began, ended))
        facts[client_id] = dict(zip(CLIENT_FACTS, fields, strict=True))
    competitive_jobs, starts = defaultdict(list), [0] * len(quarters)
    for client_id, began, ended, competitive in (
        scope_jobs(scope, period)
        .filter(jobs_held_in(period))
        .values_list("client_id", "start_date", "end_date", "competitive")
    ):
        if competitive:
            competitive_jobs[client_id].append((began, ended))
        for index, quarter in enumerate(quarters):
            starts[index] += _within(began, quarter)
    hours = (time or time_figures(scope, period))["hours_by_quarter"]
    rows = []
    for index, quarter in enumerate(quarters):
        served = [client_id for client_id, held in spans.items() if _overlaps(held, quarter)]
        active = [client_id for client_id in served if _active_in(facts[client_id], quarter)]
        employed = [client_id for client_id in active if _overlaps(competitive_jobs[client_id], quarter)]
        row = {
            "active": len(active),
            "employed": len(employed),
            "grow_active": sum(1 for client_id in active if facts[client_id]["out_of_work_at_referral"]),
            "grow_employed": sum(1 for client_id in employed if facts[client_id]["out_of_work_at_referral"]),
            "new": sum(1 for client_id in served if _within(facts[client_id]["programme_entry"], quarter)),
            "closed": sum(1 for client_id in served if _within(facts[client_id]["closed_on"], quarter)),
        }
        row.update(
            quarter=quarter,
            label=quarter.label,
            employment_rate=ratio(row["employed"], row["active"]),
            grow_employment_rate=ratio(row["grow_employed"], row["grow_active"]),
            job_starts=starts[index],
            support_hours=hours[index],
        )
        rows.append(row)
    return rows


# The client's fields that quarterly_rates() reads with the spans.
CLIENT_FACTS = ("programme_entry", "closed_on", "out_of_work_at_referral")


def _within(day: date | None, period: Period) -> bool:
    return day is not None and period.start <= day <= period.end


def _overlaps(spans: list[tuple], period: Period) -> bool:
    """Python's served_in() and jobs_held_in(): one of the (from, to or None) spans overlaps the period."""
    return any(began <= period.end and (ended is None or ended >= period.start) for began, ended in spans)


def _active_in(client: dict, period: Period) -> bool:
    """Python's active_in()."""
    entry, closed = client["programme_entry"], client["closed_on"]
    return entry is not None and entry <= period.end and (closed is None or closed >= period.start)


def first_job_start() -> Min:
    """The client's first job start on or after programme entry: a job held before entry was not our doing."""
    return Min("jobs__start_date", filter=Q(jobs__start_date__gte=F("programme_entry")))


def job_figures(scope: Scope, period: Period) -> dict:
    """Job starts, first jobs, days to first job and sustained jobs: one query for job rows, one for first jobs."""
    jobs = list(
        scope_jobs(scope, period)
        .filter(jobs_held_in(period))
        .values("start_date", "end_date", "competitive", "client_id")
    )
    starts = [job for job in jobs if job["start_date"] >= period.start]
    sustained = {}
    for months in SUSTAINED_MONTHS:
        # A job counts in the period when it reached its n-month anniversary in the period, still running.
        reached = 0
        # A month is at most 31 days: a job started before `earliest` had its anniversary before the period.
        earliest = period.start - timedelta(days=31 * months)
        for job in jobs:
            if job["start_date"] < earliest:
                continue
            anniversary = add_months(job["start_date"], months)
            if period.start <= anniversary <= period.end and (
                job["end_date"] is None or job["end_date"] >= anniversary
            ):
                reached += 1
        sustained[months] = reached
    firsts = list(
        scope_clients(scope, period)
        .values("pk", "programme_entry")  # grouped by these two, not by every column of the client
        .annotate(first_start=first_job_start())
        .filter(first_start__range=(period.start, period.end))
        .values_list("first_start", "programme_entry")
    )
    days = [(first - entry).days for first, entry in firsts if entry is not None]
    return {
        "job_starts": len(starts),
        "competitive_job_starts": sum(1 for job in starts if job["competitive"]),
        "first_job_starts": len(firsts),
        "days_to_first_job": rounded(statistics.median(days), "1") if days else None,
        "sustained": sustained,
        "jobs_held": len(jobs),
    }


def time_figures(scope: Scope, period: Period) -> dict:
    """Support hours by kind and by quarter, and the community share of all logged time.

    One pass over the period's entries, grouped by kind id and quarter: the totals, the kinds' rows and the
    quarters' hours are sums of its rows. The kinds' names come from their own small table afterwards; joined to
    every entry and grouped by name, the pass cost three times as much (docs/performance.md).
    """
    quarters = period.quarters()
    quarter_of = Case(
        *[When(date__lte=quarter.end, then=Value(index)) for index, quarter in enumerate(quarters[:-1])],
        default=Value(len(quarters) - 1),
        output_field=IntegerField(),
    )
    sums = (
        TimeEntry.objects.filter(scope.q())
        .between(period.start, period.end)
        .order_by()
        .values("kind_id", quarter=quarter_of)
        .annotate(
            all_minutes=Sum("minutes"),
            community_minutes=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0),
        )
    )
    kinds, by_quarter = {}, [0] * len(quarters)
    for row in sums:
        kind = kinds.setdefault(row["kind_id"], {"minutes_total": 0, "community_minutes": 0})
        kind["minutes_total"] += row["all_minutes"]
        kind["community_minutes"] += row["community_minutes"]
        by_quarter[row["quarter"]] += row["all_minutes"]
    # An empty id list asks the database nothing.
    names = ActivityKind.objects.filter(pk__in=list(kinds)).order_by("order", "code")
    by_kind = [
        {
            "kind__code": kind.code,
            "kind__name_fi": kind.name_fi,
            "kind__name_sv": kind.name_sv,
            "kind__name_en": kind.name_en,
            "kind__order": kind.order,
            **kinds[kind.pk],
        }
        for kind in names.only("code", "name_fi", "name_sv", "name_en", "order")
    ]
    total = sum(row["minutes_total"] for row in by_kind)
    community = sum(row["community_minutes"] for row in by_kind)
    return {
        "support_hours": rounded(Decimal(total) / 60),
        "community_share": ratio(community, total),
        "by_kind": by_kind,
        "hours_by_quarter": [rounded(Decimal(minutes) / 60) for minutes in by_quarter],
    }


def staff_figures(scope: Scope, period: Period) -> dict:
    """Face-to-face employer contacts per coach per week, and caseload per full-time coach at the period's end."""
    coaches = Membership.objects.coaches().filter(team__in=scope.team_ids)
    if scope.coach_id:
        coaches = coaches.filter(user_id=scope.coach_id)
    in_period = coaches.filter(Q(started__isnull=True) | Q(started__lte=period.end)).filter(
        Q(ended__isnull=True) | Q(ended__gte=period.start)
    )
    staff = in_period.aggregate(
        coaches=Count("user", distinct=True),
        fte_at_end=Sum(
            "fte",
            filter=(Q(started__isnull=True) | Q(started__lte=period.end))
            & (Q(ended__isnull=True) | Q(ended__gt=period.end)),
            default=0,
        ),
    )
    face_to_face = EmployerContact.objects.filter(
        scope.q(), face_to_face=True, date__range=(period.start, period.end)
    ).count()
    open_at_end = open_at(scope, period.end).count()
    per_week = None
    if staff["coaches"]:
        per_week = rounded(Decimal(face_to_face) / staff["coaches"] / period.weeks)
    return {
        "coaches": staff["coaches"],
        "fte": staff["fte_at_end"],
        "face_to_face_contacts": face_to_face,
        "contacts_per_coach_week": per_week,
        "open_at_end": open_at_end,
        "caseload_per_fte": rounded(Decimal(open_at_end) / Decimal(staff["fte_at_end"]))
        if staff["fte_at_end"]
        else None,
    }


def fidelity_reviews(scope: Scope, period: Period) -> list[Review]:
    """Finalised reviews of the scope's teams whose data period ends by the period's end, oldest first."""
    if scope.coach_id:
        return []
    return list(
        Review.objects.finalised()
        .filter(team__in=scope.team_ids, period_end__lte=period.end)
        .with_totals()
        .select_related("team", "scale")
        .prefetch_related("scale__bands")
        .order_by("period_end", "team__name")
    )


def fidelity_figures(reviews: list[Review]) -> list[dict]:
    """The latest finalised review of each team, with total, item mean and band."""
    latest = {}
    for review in reviews:
        latest[review.team_id] = review
    rows = []
    for review in sorted(latest.values(), key=lambda r: r.team.name):
        totals = review.totals()
        rows.append({"review": review, "team": review.team, "totals": totals, "band": totals.band})
    return rows


def participant_figures(scope: Scope, period: Period) -> dict:
    """ESF+ participant indicators: entrants in the period by characteristic, and leavers' results at exit."""
    rows = list(
        scope_clients(scope, period)
        .filter(Q(programme_entry__range=(period.start, period.end)) | Q(closed_on__range=(period.start, period.end)))
        .values(
            "programme_entry", "birth_year", "gender", "labour_market_status", "education_level", "closed_on", "outcome"
        )
    )
    entrants = [row for row in rows if row["programme_entry"] and period.start <= row["programme_entry"] <= period.end]
    leavers = [row for row in rows if row["closed_on"] and period.start <= row["closed_on"] <= period.end]
    return {
        "entrants": len(entrants),
        "gender": Counter(row["gender"] for row in entrants),
        "age_band": Counter(age_band(row["programme_entry"], row["birth_year"]) for row in entrants),
        "labour_market_status": Counter(row["labour_market_status"] or "unknown" for row in entrants),
        "education_level": Counter(row["education_level"] or "unknown" for row in entrants),
        "leavers": len(leavers),
        "in_employment_at_exit": sum(1 for row in leavers if row["outcome"] == "open_market_job"),
        "in_education_at_exit": sum(1 for row in leavers if row["outcome"] == "education"),
    }


def summary(scope: Scope, period: Period) -> dict:
    """Every headline figure of a scope and period."""
    reviews = fidelity_reviews(scope, period)
    return {
        "scope": scope,
        "period": period,
        **client_figures(scope, period),
        **job_figures(scope, period),
        **time_figures(scope, period),
        **staff_figures(scope, period),
        "fidelity": fidelity_figures(reviews),
        "reviews": reviews,
    }


def coach_rows(scope: Scope, period: Period) -> list[dict]:
    """Per coach of the scope's teams: open caseload, FTE, hours, community share, face-to-face contacts a week.

    Four grouped queries, however many coaches and rows; shown only to the team's supervisors.
    """
    memberships = (
        Membership.objects.coaches()
        .filter(team__in=scope.team_ids)
        .filter(
            Q(started__isnull=True) | Q(started__lte=period.end), Q(ended__isnull=True) | Q(ended__gte=period.start)
        )
        .select_related("user")
        .order_by("user__last_name", "user__first_name")
    )
    # The coach of the assignment open at the period's end; clients without assignment rows keep their coach.
    coach_at_end = (
        ClientAssignment.objects.filter(client=OuterRef("pk"), team__in=scope.team_ids, started__lte=period.end)
        .filter(Q(ended__isnull=True) | Q(ended__gte=period.end))
        .order_by("-started", "-pk")
        .values("coach")[:1]
    )
    caseloads = dict(
        open_at(scope, period.end)
        .annotate(owner=Coalesce(Subquery(coach_at_end), "coach_id", output_field=IntegerField()))
        .values("owner")
        .annotate(n=Count("pk"))
        .values_list("owner", "n")
    )
    time = {
        row["coach"]: row
        for row in TimeEntry.objects.filter(scope.q(), date__range=(period.start, period.end))
        .order_by()
        .values("coach")
        .annotate(total=Sum("minutes"), community=Sum("minutes", filter=Q(setting__in=COMMUNITY_SETTINGS), default=0))
    }
    contacts = dict(
        EmployerContact.objects.filter(scope.q(), face_to_face=True, date__range=(period.start, period.end))
        .order_by()
        .values("coach")
        .annotate(n=Count("pk"))
        .values_list("coach", "n")
    )
    rows = []
    for membership in memberships:
        coach_id = membership.user_id
        if any(row["coach"].pk == coach_id for row in rows):
            continue
        logged = time.get(coach_id, {"total": 0, "community": 0})
        rows.append(
            {
                "coach": membership.user,
                "fte": membership.fte,
                "caseload": caseloads.get(coach_id, 0),
                "hours": rounded(Decimal(logged["total"]) / 60),
                "community_share": ratio(logged["community"], logged["total"]),
                "contacts_per_week": rounded(Decimal(contacts.get(coach_id, 0)) / period.weeks),
            }
        )
    return rows
