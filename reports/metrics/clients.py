"""Client and job figures: clients served, employment rates by quarter, job starts, ESF+ participants.

Every figure is an SQL aggregate over the scope's rows, or a small computation over rows fetched once with
.values(): the number of queries depends on the number of figures, never on the number of clients.
"""

import statistics
from collections import Counter, defaultdict
from datetime import timedelta

from django.db.models import (
    Avg,
    Case,
    Count,
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Min,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)

from ips.models import (
    ESF_CHARACTERISTICS,
    ESF_EXIT_RESULTS,
    Client,
    FollowUpResult,
    KykyviisariScore,
    Outcome,
    SatisfactionAnswer,
    ServicePeriod,
    age_band,
    served_spans,
)
from ips.models.esf import DECLINED, FOLLOWUP_MONTHS
from ips.periods import Period, add_months, on_days_of, ratio, span_overlaps
from reports.metrics.kykyviisari import area_rows
from reports.metrics.scope import (
    SUSTAINED_MONTHS,
    Scope,
    active_in,
    held_job,
    jobs_held_in,
    rounded,
    scope_clients,
    scope_jobs,
    served_in,
)
from reports.metrics.work import time_figures


def client_figures(scope: Scope, period: Period) -> dict:
    """The seed's table and the employment rates: one query, and one for Kykyviisari by area."""
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
    # The satisfaction survey: each client's latest answer in the period.
    latest_answer = (
        SatisfactionAnswer.objects.filter(client=OuterRef("pk"), answered_on__range=(period.start, period.end))
        .order_by("-answered_on", "-created")
        .values("score")[:1]
    )
    # Flags as annotations: the aggregate then runs over a subquery whose columns the filters refer to.
    competitive = Q(in_competitive_job=True)
    # In IPS coaching in the period: an IPS service period overlaps it (a client moved from assessment to IPS counts
    # as IPS only in the periods the IPS service covers).
    ips = Q(in_ips=True)
    grow = Q(out_of_work_at_referral=True)
    clients = scope_clients(scope, period).filter(active_in(period))
    figures = clients.annotate(
        in_competitive_job=held_job(period, competitive_only=True),
        in_any_job=held_job(period, competitive_only=False),
        latest_satisfaction=Subquery(latest_answer),
        in_ips=Exists(ServicePeriod.objects.ips().overlapping(period.start, period.end).filter(client=OuterRef("pk"))),
        kyky_change=ExpressionWrapper(
            Subquery(later_score) - Subquery(entry_score), output_field=DecimalField(max_digits=4, decimal_places=1)
        ),
    ).aggregate(
        clients=Count("pk"),
        new=Count("pk", filter=Q(programme_entry__gte=period.start)),
        closed=Count("pk", filter=Q(closed_on__lte=period.end)),
        employed=Count("pk", filter=competitive),
        employed_any_job=Count("pk", filter=Q(in_any_job=True)),
        ips_clients=Count("pk", filter=ips),
        ips_employed=Count("pk", filter=ips & competitive),
        grow_clients=Count("pk", filter=grow),
        grow_employed=Count("pk", filter=grow & competitive),
        engaged=Count("pk", filter=on_days_of("profile__created", period)),
        # The same per quarter (IPS Grow's quarterly columns), in the same query.
        **{
            f"engaged_q{index}": Count("pk", filter=on_days_of("profile__created", quarter))
            for index, quarter in enumerate(period.quarters())
        },
        satisfaction_mean=Avg("latest_satisfaction"),
        satisfaction_count=Count("latest_satisfaction"),
        kykyviisari_mean=Avg("kyky_change"),
        kykyviisari_count=Count("kyky_change"),
    )
    figures["employment_rate"] = ratio(figures["employed"], figures["clients"])
    figures["ips_employment_rate"] = ratio(figures["ips_employed"], figures["ips_clients"])
    figures["grow_employment_rate"] = ratio(figures["grow_employed"], figures["grow_clients"])
    figures["satisfaction"] = rounded(figures.pop("satisfaction_mean"))
    figures["kykyviisari_change"] = rounded(figures.pop("kykyviisari_mean"), "0.01")
    figures["kykyviisari_areas"] = area_rows(clients, period)
    return figures


def quarterly_rates(
    scope: Scope, period: Period, *, jobs: list[dict] | None = None, hours_by_quarter: list | None = None
) -> list[dict]:
    """Employment rate per quarter, both definitions: one read of the served spans, one of the jobs.

    A caller that has read them for the same scope and period passes `jobs` (held_jobs()) and `hours_by_quarter`
    (time_figures()), and they are not read again.
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
    if jobs is None:
        jobs = held_jobs(scope, period)
    for job in jobs:
        client_id, began, ended = job["client_id"], job["start_date"], job["end_date"]
        if job["competitive"]:
            competitive_jobs[client_id].append((began, ended))
        for index, quarter in enumerate(quarters):
            starts[index] += began in quarter
    hours = hours_by_quarter if hours_by_quarter is not None else time_figures(scope, period)["hours_by_quarter"]
    rows = []
    for index, quarter in enumerate(quarters):
        served = [client_id for client_id, held in spans.items() if _overlaps(held, quarter)]
        active = [client_id for client_id in served if _active_in(facts[client_id], quarter)]
        employed = [client_id for client_id in active if _overlaps(competitive_jobs[client_id], quarter, last_day=True)]
        row = {
            "active": len(active),
            "employed": len(employed),
            "grow_active": sum(1 for client_id in active if facts[client_id]["out_of_work_at_referral"]),
            "grow_employed": sum(1 for client_id in employed if facts[client_id]["out_of_work_at_referral"]),
            "new": sum(1 for client_id in served if facts[client_id]["programme_entry"] in quarter),
            # IPS Grow: referrals who were in work when referred (job retention), at most 15 % of a caseload.
            "in_work_at_referral": sum(
                1
                for client_id in served
                if facts[client_id]["programme_entry"] in quarter and not facts[client_id]["out_of_work_at_referral"]
            ),
            "closed": sum(1 for client_id in served if facts[client_id]["closed_on"] in quarter),
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


def _overlaps(spans: list[tuple], period: Period, *, last_day=False) -> bool:
    """Python's served_in() and jobs_held_in(): one of the (from, to or None) spans overlaps the period."""
    return any(span_overlaps(began, ended, period, last_day=last_day) for began, ended in spans)


def _active_in(client: dict, period: Period) -> bool:
    """Python's active_in()."""
    entry = client["programme_entry"]
    return entry is not None and span_overlaps(entry, client["closed_on"], period, last_day=True)


def first_job_start() -> Min:
    """The client's first job start on or after programme entry: a job held before entry was not our doing."""
    return Min("jobs__start_date", filter=Q(jobs__start_date__gte=F("programme_entry")))


def job_figures(scope: Scope, period: Period) -> dict:
    """Job starts, first jobs, days to first job and sustained jobs: one query for job rows, one for first jobs."""
    jobs = held_jobs(scope, period)
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
    # Tenure: days from the start to the end, or to the period's end for a job still running then.
    tenure = [(min(job["end_date"] or period.end, period.end) - job["start_date"]).days + 1 for job in jobs]
    return {
        "job_starts": len(starts),
        "competitive_job_starts": sum(1 for job in starts if job["competitive"]),
        "wage_subsidy_job_starts": sum(1 for job in starts if job["wage_subsidy"]),
        "competitive_wage_subsidy_job_starts": sum(1 for job in starts if job["competitive"] and job["wage_subsidy"]),
        "hours_per_week_median": _median([job["hours_per_week"] for job in starts], "0.1"),
        "hourly_wage_median": _median([job["hourly_wage"] for job in starts], "0.01"),
        "tenure_days_median": _median(tenure, "1"),
        "first_job_starts": len(firsts),
        "first_job_starts_by_quarter": [sum(1 for first, _entry in firsts if first in q) for q in period.quarters()],
        "days_to_first_job": rounded(statistics.median(days), "1") if days else None,
        "sustained": sustained,
        "jobs_held": len(jobs),
        # The rows themselves, for quarterly_rates(): figures_for() takes them out of the headline figures.
        "held_jobs": jobs,
    }


def held_jobs(scope: Scope, period: Period) -> list[dict]:
    """The jobs the scope's clients held in the period: what job_figures() and quarterly_rates() count."""
    return list(
        scope_jobs(scope, period)
        .filter(jobs_held_in(period))
        .values("start_date", "end_date", "competitive", "wage_subsidy", "hours_per_week", "hourly_wage", "client_id")
    )


def _median(values, places):
    known = [value for value in values if value is not None]
    return rounded(statistics.median(known), places) if known else None


def participant_figures(scope: Scope, period: Period) -> dict:
    """ESF+ participant indicators: entrants by characteristic, leavers' results upon leaving, and the six-month
    result of those whose follow-up fell due in the period. One read of the rows, counted in Python."""
    # The six-month result belongs to the scope that served the client when they left, six months before.
    left = Period(add_months(period.start, -FOLLOWUP_MONTHS), add_months(period.end, -FOLLOWUP_MONTHS))
    rows = list(
        Client.objects.filter(served_in(scope, Period(left.start, period.end)))
        .filter(
            Q(programme_entry__range=(period.start, period.end))
            | Q(closed_on__range=(period.start, period.end))
            | Q(closed_on__range=(left.start, left.end))
        )
        .annotate(
            served_now=Case(When(served_in(scope, period), then=Value(True)), default=Value(False)),
            served_then=Case(When(served_in(scope, left), then=Value(True)), default=Value(False)),
        )
        .order_by()
        .values(
            "served_now",
            "served_then",
            "programme_entry",
            "birth_year",
            "birth_year_declined",
            "gender",
            "labour_market_status",
            "education_level",
            "closed_on",
            "outcome",
            "followup_result",
            *(name for name, _label in ESF_CHARACTERISTICS),
            *(name for name, _label in ESF_EXIT_RESULTS),
        )
    )
    entrants = [row for row in rows if row["served_now"] and row["programme_entry"] in period]
    leavers = [row for row in rows if row["served_now"] and row["closed_on"] in period]
    followed = [
        row
        for row in rows
        if row["served_then"] and row["closed_on"] and add_months(row["closed_on"], FOLLOWUP_MONTHS) in period
    ]
    figures = {
        "entrants": len(entrants),
        "gender": Counter(row["gender"] for row in entrants),
        "age_band": Counter(
            DECLINED if row["birth_year_declined"] else age_band(row["programme_entry"], row["birth_year"])
            for row in entrants
        ),
        "labour_market_status": Counter(row["labour_market_status"] or "unknown" for row in entrants),
        "education_level": Counter(row["education_level"] or "unknown" for row in entrants),
        "leavers": len(leavers),
        # The outcome implies a result (the closure form sets it too; rows closed before it existed rely on this).
        "in_employment_at_exit": sum(
            1 for row in leavers if row["exit_employed"] or row["outcome"] == Outcome.OPEN_MARKET_JOB
        ),
        "in_education_at_exit": sum(
            1 for row in leavers if row["exit_in_education"] or row["outcome"] == Outcome.EDUCATION
        ),
        "job_searching_at_exit": sum(1 for row in leavers if row["exit_job_searching"]),
        "qualification_at_exit": sum(1 for row in leavers if row["exit_qualification"]),
        "followup_due": len(followed),
        "followup_recorded": sum(1 for row in followed if row["followup_result"]),
        "employed_six_months": sum(1 for row in followed if row["followup_result"] == FollowUpResult.EMPLOYED),
    }
    for name, _label in ESF_CHARACTERISTICS:
        figures[name] = Counter(row[name] or "unknown" for row in entrants)
    return figures
