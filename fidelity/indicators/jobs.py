"""Items about jobs: V8 job types, V9 employers, V10 competitive jobs, V12 follow-along, and the V1 figures.

A job counts for the team when its client was assigned to the team on the job's start date (V10: on the last day
of the period), so a client who moved teams brings their later jobs to the new team only.
"""

from datetime import date, timedelta

from django.db.models import Exists, F, OuterRef
from django.db.models.functions import Substr
from django.utils.translation import gettext_noop

from employers.models import EmployerContact, FollowUp, Job
from fidelity.indicators.common import (
    CutPoints,
    decimal,
    detail,
    no_data,
    suggested,
    team_client_on,
    unscored,
)
from fidelity.services import Suggestion
from ips.models import TimeEntry
from ips.models.activity import Setting
from ips.periods import TeamPeriod, add_months, percent

FOLLOW_ALONG_DAYS = 3
WEEK_BEFORE_DAYS = 7


def _team_jobs(period: TeamPeriod, day_ref):
    """Jobs whose client was in the team on day_ref (the start date, or a fixed day)."""
    return Job.objects.filter(team_client_on(period, day_ref))


def _started_jobs(period: TeamPeriod):
    return _team_jobs(period, OuterRef("start_date")).filter(start_date__gte=period.start, start_date__lte=period.end)


def _diversity(period: TeamPeriod, cut, code: str, field: str, label: str, column: str) -> Suggestion:
    rows = list(
        _started_jobs(period)
        .annotate(group=Substr("occupation_code", 1, 2) if field == "occupation" else F("employer__name"))
        .order_by("start_date", "pk")
        .values_list("start_date", "client__code", "group", "employer_id")
    )
    if not rows:
        return no_data()
    keys = {row[2] if field == "occupation" else row[3] for row in rows}
    share = percent(len(keys), len(rows))
    return suggested(
        cut,
        code,
        share,
        figures=[
            (gettext_noop("Jobs started in the period"), len(rows)),
            (label, len(keys)),
            (gettext_noop("Distinct ÷ all jobs (%)"), share),
        ],
        columns=[gettext_noop("Start date"), gettext_noop("Client"), column],
        rows=[[start, code, group] for start, code, group, _employer in rows],
    )


def v8_job_types(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V8: distinct occupation groups (first two digits of the ISCO code) ÷ jobs started in the period.

    No job started in the period: no suggestion.
    """
    return _diversity(
        period,
        cut,
        "V8",
        "occupation",
        gettext_noop("Distinct occupation groups (2 digits)"),
        gettext_noop("Occupation group"),
    )


def v9_employers(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V9: distinct employers ÷ jobs started in the period. No job started in the period: no suggestion."""
    return _diversity(period, cut, "V9", "employer", gettext_noop("Distinct employers"), gettext_noop("Employer"))


def v10_competitive(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V10: % competitive among the jobs running on the last day of the period.

    No current job: no suggestion. The anchor rows read the share and `current_jobs` (IPS-25: fewer than 10
    current jobs scores 1, the reason in the detail).
    """
    rows = list(
        _team_jobs(period, period.end)
        .current(period.end)
        .order_by("start_date", "pk")
        .values_list("start_date", "client__code", "occupation_code", "competitive")
    )
    if not rows:
        return no_data()
    competitive = sum(1 for *_rest, flag in rows if flag)
    share = percent(competitive, len(rows))
    cut = cut or CutPoints.default()
    score = cut.score_of("V10", {"": share, "current_jobs": len(rows)})
    # The note says why when the count of jobs alone holds the item at its lowest score (IPS-25: fewer than 10).
    few = cut.score_of("V10", {"": 100, "current_jobs": len(rows)}) == cut.lowest
    return Suggestion(
        score=score,
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Current jobs on the last day of the period"), len(rows)),
                (gettext_noop("Competitive jobs"), competitive),
                (gettext_noop("Share competitive (%)"), share),
            ],
            note=gettext_noop("Fewer than 10 current jobs: the scale scores this item 1.") if few else "",
            columns=[
                gettext_noop("Start date"),
                gettext_noop("Client"),
                gettext_noop("Occupation code"),
                gettext_noop("Competitive"),
            ],
            rows=[[start, code, occupation, "✓" if flag else "–"] for start, code, occupation, flag in rows],
        ),
    )


def _in_person_days(period: TeamPeriod, client_ids, first: date) -> dict[int, list[date]]:
    """Per client, the days of in-person contact from `first` to the period's end (three queries whatever the
    number of jobs): face-to-face employer contacts naming the client, daily-log entries with the client in any
    setting but phone or video, and follow-along contacts marked done."""
    window = {"client_id__in": client_ids}
    found = [
        EmployerContact.objects.filter(face_to_face=True, date__gte=first, date__lte=period.end, **window).values_list(
            "client_id", "date"
        ),
        TimeEntry.objects.filter(date__gte=first, date__lte=period.end, **window)
        .exclude(setting=Setting.REMOTE)
        .values_list("client_id", "date"),
        FollowUp.objects.filter(done_on__gte=first, done_on__lte=period.end, **window).values_list(
            "client_id", "done_on"
        ),
    ]
    days: dict[int, list[date]] = {}
    for rows in found:
        for client_id, day in rows.order_by():
            days.setdefault(client_id, []).append(day)
    return days


def _met(days: list[date], first: date, last: date) -> bool:
    return any(first <= day <= last for day in days)


def v12_ladder(start: date, end: date | None, days: list[date], period_end: date) -> list[bool | None]:
    """One job against the follow-along ladder: [before, after start, weekly, monthly, after the job ends].

    Each step is True (met), False (missed) or None (not yet due in the data period, or not applicable). A window
    counts only when it closed by the period's last day and, for the weekly and monthly steps, while the job ran
    (`end` is the last day at work):
    - before: in person within 7 days before the start (start − 7 … start);
    - after start: within 3 days after the start (start … start + 3);
    - weekly: each of the first four weeks (days 0–6, 7–13, 14–20, 21–27 from the start);
    - monthly: each following month up to a year (months 1–11 after the start, add_months);
    - after the end: within 3 days after a job ended in the period (end … end + 3).
    """
    running_until = min(period_end, end) if end else period_end
    before = _met(days, start - timedelta(days=WEEK_BEFORE_DAYS), start)
    after = (
        _met(days, start, start + timedelta(days=FOLLOW_ALONG_DAYS))
        if start + timedelta(days=FOLLOW_ALONG_DAYS) <= period_end or _met(days, start, period_end)
        else None
    )
    weeks = [
        (start + timedelta(days=7 * week), start + timedelta(days=7 * week + 6))
        for week in range(4)
        if start + timedelta(days=7 * week + 6) <= running_until
    ]
    months = [
        (add_months(start, month), add_months(start, month + 1) - timedelta(days=1))
        for month in range(1, 12)
        if add_months(start, month + 1) - timedelta(days=1) <= running_until
    ]
    weekly = all(_met(days, a, b) for a, b in weeks) if weeks else None
    monthly = all(_met(days, a, b) for a, b in months) if months else None
    loss = None
    if end is not None and end <= period_end:
        closed = end + timedelta(days=FOLLOW_ALONG_DAYS) <= period_end
        seen = _met(days, end, end + timedelta(days=FOLLOW_ALONG_DAYS))
        loss = True if seen else (False if closed else None)
    return [before, after, weekly, monthly, loss]


def _mark(step: bool | None) -> str:
    return "–" if step is None else ("✓" if step else "✗")


def v12_follow_along(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V12: share of the jobs started in the period whose client was met in person at every step of the ladder.

    The ladder (v12_ladder): within a week before the start, within 3 days after it, every week of the first month,
    every month after that up to a year, and within 3 days after a job ends; steps not yet due in the data period
    do not count against the job. The share is read against the item's anchor rows (the bands are rows of the
    scale, not code). A follow-along contact marked done counts as an in-person contact on its day.
    """
    jobs = list(
        _started_jobs(period)
        .order_by("start_date", "pk")
        .values_list("start_date", "end_date", "client_id", "client__code")
    )
    if not jobs:
        return no_data()
    first = min(start for start, *_rest in jobs) - timedelta(days=WEEK_BEFORE_DAYS)
    days = _in_person_days(period, sorted({client_id for _s, _e, client_id, _c in jobs}), first)
    table = []
    for start, end, client_id, code in jobs:
        steps = v12_ladder(start, end, days.get(client_id, []), period.end)
        met = all(step is not False for step in steps)
        table.append([start, code, *(_mark(step) for step in steps), "✓" if met else "✗"])
    met_count = sum(1 for row in table if row[-1] == "✓")
    share = percent(met_count, len(table))
    steps_met = [sum(1 for row in table if row[2 + index] == "✓") for index in range(5)]
    return suggested(
        cut,
        "V12",
        share,
        figures=[
            (gettext_noop("Jobs started in the period"), len(table)),
            (gettext_noop("Met in person within a week before the start"), steps_met[0]),
            (gettext_noop("Met in person within 3 days of the start"), steps_met[1]),
            (gettext_noop("Met every week of the first month"), steps_met[2]),
            (gettext_noop("Met every month after the first"), steps_met[3]),
            (gettext_noop("Met within 3 days after the job ended"), steps_met[4]),
            (gettext_noop("Jobs meeting every step that was due"), met_count),
            (gettext_noop("Share meeting the whole ladder (%)"), share),
        ],
        note=gettext_noop(
            "A step not yet due by the end of the data period (–) does not count against the job. "
            "In person: a face-to-face employer contact naming the client, a log entry with the client in any "
            "setting but phone or video, or a follow-along contact marked done."
        ),
        columns=[
            gettext_noop("Start date"),
            gettext_noop("Client"),
            gettext_noop("A week before"),
            gettext_noop("3 days after"),
            gettext_noop("Weekly, first month"),
            gettext_noop("Monthly"),
            gettext_noop("After the job ended"),
            gettext_noop("Met"),
        ],
        rows=table,
    )


def v1_benefits(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V1 (figures only): job starts in the period whose client had benefits counselling on or before the start."""
    counselled = Exists(
        TimeEntry.objects.filter(
            client=OuterRef("client"), kind__code="benefits_counselling", date__lte=OuterRef("start_date")
        )
    )
    rows = list(
        _started_jobs(period)
        .annotate(counselled=counselled)
        .order_by("start_date", "pk")
        .values_list("start_date", "client__code", "counselled")
    )
    if not rows:
        return no_data()
    done = sum(1 for *_rest, flag in rows if flag)
    return unscored(
        percent(done, len(rows)),
        figures=[
            (gettext_noop("Jobs started in the period"), len(rows)),
            (gettext_noop("With benefits counselling before the start"), done),
        ],
        columns=[gettext_noop("Start date"), gettext_noop("Client"), gettext_noop("Benefits counselling")],
        rows=[[start, code, "✓" if flag else "✗"] for start, code, flag in rows],
    )
