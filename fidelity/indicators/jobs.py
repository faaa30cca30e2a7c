"""Items about jobs: V8 job types, V9 employers, V10 competitive jobs, V12 follow-along, and the V1 figures.

A job counts for the team when its client was assigned to the team on the job's start date (V10: on the last day
of the period), so a client who moved teams brings their later jobs to the new team only.
"""

from datetime import timedelta

from django.db.models import DateField, Exists, F, OuterRef, Subquery
from django.db.models.functions import Substr
from django.utils.translation import gettext_noop

from employers.models import EmployerContact, FollowUp, Job
from fidelity.indicators.common import (
    NO_DATA_NOTE,
    CutPoints,
    decimal,
    detail,
    no_data,
    scored,
    team_client_on,
)
from fidelity.services import Suggestion
from ips.models import TimeEntry
from ips.models.activity import Setting
from ips.periods import TeamPeriod, percent

V10_MIN_JOBS = 10
FOLLOW_ALONG_DAYS = 3


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
        return no_data(NO_DATA_NOTE)
    keys = {row[2] if field == "occupation" else row[3] for row in rows}
    share = percent(len(keys), len(rows))
    return Suggestion(
        score=scored(cut, code, share),
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Jobs started in the period"), len(rows)),
                (label, len(keys)),
                (gettext_noop("Distinct ÷ all jobs (%)"), share),
            ],
            columns=[gettext_noop("Start date"), gettext_noop("Client"), column],
            rows=[[start, code, group] for start, code, group, _employer in rows],
        ),
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

    No current job: no suggestion. Fewer than 10 current jobs scores 1, as the scale says, with the reason in
    the detail.
    """
    rows = list(
        _team_jobs(period, period.end)
        .current(period.end)
        .order_by("start_date", "pk")
        .values_list("start_date", "client__code", "occupation_code", "competitive")
    )
    if not rows:
        return no_data(NO_DATA_NOTE)
    competitive = sum(1 for *_rest, flag in rows if flag)
    share = percent(competitive, len(rows))
    few = len(rows) < V10_MIN_JOBS
    return Suggestion(
        score=1 if few else scored(cut, "V10", share),
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


def v12_follow_along(period: TeamPeriod, cut: CutPoints | None = None) -> Suggestion:
    """V12: share of job starts in the period met in person within 3 days after the start.

    Simplification of a ladder item: a start is met by a face-to-face employer contact naming the client, or an
    in-person daily-log entry with the client (any setting but phone or video), within 3 days after the start
    date, or by the job's "within 3 days of the start" follow-up marked done. The later weekly and monthly
    contacts are left to the reviewer. Bands: ≥ 95 % → 5, ≥ 80 → 4, ≥ 60 → 3, ≥ 40 → 2, else 1.
    """
    # The first date as `ORDER BY date LIMIT 1`, as FollowUpQuerySet.with_state() does: the (client, date) index is
    # read from the start date and stops at the first match. As `MIN(date) … GROUP BY client`, PostgreSQL
    # aggregated over all of the client's later rows for every job (docs/performance.md).
    first_contact = (
        EmployerContact.objects.filter(client=OuterRef("client"), face_to_face=True, date__gte=OuterRef("start_date"))
        .order_by("date")
        .values("date")[:1]
    )
    first_visit = (
        TimeEntry.objects.filter(client=OuterRef("client"), date__gte=OuterRef("start_date"))
        .exclude(setting=Setting.REMOTE)
        .order_by("date")
        .values("date")[:1]
    )
    marked_done = Exists(
        FollowUp.objects.filter(job=OuterRef("pk"), kind=FollowUp.Kind.AFTER_START, done_on__isnull=False)
    )
    rows = list(
        _started_jobs(period)
        .annotate(
            first_contact=Subquery(first_contact, output_field=DateField()),
            first_visit=Subquery(first_visit, output_field=DateField()),
            marked_done=marked_done,
        )
        .order_by("start_date", "pk")
        .values_list("start_date", "client__code", "first_contact", "first_visit", "marked_done")
    )
    if not rows:
        return no_data(NO_DATA_NOTE)
    table = []
    for start, code, contact, visit, done in rows:
        seen = [day for day in (contact, visit) if day is not None]
        first = min(seen) if seen else None
        met = done or (first is not None and first <= start + timedelta(days=FOLLOW_ALONG_DAYS))
        table.append([start, code, first.isoformat() if first else "–", "✓" if met else "✗"])
    met_count = sum(1 for row in table if row[3] == "✓")
    share = percent(met_count, len(table))
    return Suggestion(
        score=scored(cut, "V12", share),
        measured_value=decimal(share),
        detail=detail(
            figures=[
                (gettext_noop("Jobs started in the period"), len(table)),
                (gettext_noop("Met in person within 3 days of the start"), met_count),
                (gettext_noop("Share met (%)"), share),
            ],
            note=gettext_noop(
                "Only the contact within 3 days after the start is computed; weekly and monthly follow-along "
                "is for the reviewer to check."
            ),
            columns=[
                gettext_noop("Start date"),
                gettext_noop("Client"),
                gettext_noop("First in-person contact"),
                gettext_noop("Met"),
            ],
            rows=table,
        ),
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
        return no_data(NO_DATA_NOTE)
    done = sum(1 for *_rest, flag in rows if flag)
    return Suggestion(
        score=None,
        measured_value=decimal(percent(done, len(rows))),
        detail=detail(
            figures=[
                (gettext_noop("Jobs started in the period"), len(rows)),
                (gettext_noop("With benefits counselling before the start"), done),
            ],
            columns=[gettext_noop("Start date"), gettext_noop("Client"), gettext_noop("Benefits counselling")],
            rows=[[start, code, "✓" if flag else "✗"] for start, code, flag in rows],
        ),
    )
