"""The sheets that list rows by client code: Jobs, Clients and Fidelity ratings."""

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Job
from fidelity.models import ItemRating, Review
from ips import xlsx
from ips.i18n import translated
from ips.models import EducationLevel, Gender, KykyviisariScore, LabourMarketStatus, Outcome, ServiceType, age_band
from reports import metrics
from reports.metrics import Period, Scope
from reports.workbook.common import AGE_BANDS, yes_no


def jobs_sheet(book, scope: Scope, period: Period) -> set[int]:
    """The jobs held in the period, by client code; returns the clients listed (the download logs them)."""
    # Labels translated once, not once a row (as in the Clients sheet).
    contract_types = {code: str(text) for code, text in Job.ContractType.choices}
    end_reasons = {code: str(text) for code, text in Job.EndReason.choices}
    answers = {True: yes_no(True), False: yes_no(False)}
    jobs = list(
        metrics.scope_jobs(scope, period)
        .filter(metrics.jobs_held_in(period))
        .order_by("start_date", "pk")
        .values_list(
            "client_id",
            "client__code",
            "client__team__name",
            "employer__name",
            "occupation_code",
            "contract_type",
            "start_date",
            "end_date",
            "hours_per_week",
            "hourly_wage",
            "competitive",
            "wage_subsidy",
            "end_reason",
        )
    )
    columns = [
        xlsx.Column(_("Client code"), 14),
        xlsx.Column(_("Team"), 24),
        xlsx.Column(_("Employer"), 28),
        xlsx.Column(_("Occupation code"), 12),
        xlsx.Column(_("Contract type"), 18),
        xlsx.Column(_("Start date"), 12),
        xlsx.Column(_("End date"), 12),
        xlsx.Column(_("Hours per week"), 10, "0.0"),
        xlsx.Column(_("Hourly wage (€)"), 10, "0.00"),
        xlsx.Column(_("Competitive job"), 10),
        xlsx.Column(_("Wage subsidy"), 10),
        xlsx.Column(_("End reason"), 24),
        xlsx.Column(_("Tenure (days)"), 10),
    ]
    shown = [job[1:] for job in jobs]  # without the client id
    rows = (
        (
            code,
            team,
            employer,
            occupation,
            contract_types.get(contract, ""),
            start,
            end,
            hours,
            wage,
            answers[bool(competitive)],
            answers[bool(subsidy)],
            end_reasons.get(reason, ""),
            ((end or min(period.end, timezone.localdate())) - start).days,
        )
        for code, team, employer, occupation, contract, start, end, hours, wage, competitive, subsidy, reason in shown
    )
    xlsx.add_sheet(book, _("Jobs"), columns, rows)
    return {job[0] for job in jobs}


def client_rows(scope: Scope, period: Period):
    """The Clients sheet's clients with their Kykyviisari scores, first job and work in the period, by code."""

    def score(kind, newest):
        scores = KykyviisariScore.objects.filter(client=OuterRef("pk"), kind=kind, measured_on__lte=period.end)
        return Subquery(scores.order_by("-measured_on" if newest else "measured_on").values("score")[:1])

    return (
        metrics.scope_clients(scope, period)
        .filter(metrics.active_in(period))
        .annotate(
            kyky_entry=score(KykyviisariScore.Kind.ENTRY, newest=False),
            kyky_latest=score(KykyviisariScore.Kind.FOLLOW_UP, newest=True),
            first_job=metrics.first_job_start(),
            in_work=Exists(Job.objects.filter(metrics.jobs_held_in(period), client=OuterRef("pk"), competitive=True)),
        )
        .order_by("code")
    )


def clients_sheet(book, scope: Scope, period: Period) -> list[int]:
    clients = list(
        client_rows(scope, period).values(
            "pk",
            "code",
            "team__name",
            "service_type",
            "gender",
            "programme_entry",
            "birth_year",
            "labour_market_status",
            "education_level",
            "out_of_work_at_referral",
            "closed_on",
            "outcome",
            "satisfaction",
            "kyky_entry",
            "kyky_latest",
            "first_job",
            "in_work",
        )
    )
    # Labels translated once, not once a cell: a lazy string costs a gettext lookup every time it is read.
    labels = {
        name: {code: str(text) for code, text in choices}
        for name, choices in (
            ("service_type", ServiceType.choices),
            ("gender", Gender.choices),
            ("labour_market_status", LabourMarketStatus.choices),
            ("education_level", EducationLevel.choices),
            ("outcome", Outcome.choices),
        )
    }
    age_bands = {code: str(text) for code, text in AGE_BANDS.items()}
    answers = {True: yes_no(True), False: yes_no(False)}

    def label(row, name):
        return labels[name].get(row[name], "")

    columns = [
        xlsx.Column(_("Client code"), 14),
        xlsx.Column(_("Team"), 24),
        xlsx.Column(_("Service"), 22),
        xlsx.Column(_("Gender"), 10),
        xlsx.Column(_("Age band at entry"), 12),
        xlsx.Column(_("Labour-market status at entry"), 24),
        xlsx.Column(_("Education level at entry"), 24),
        xlsx.Column(_("Out of work at referral"), 10),
        xlsx.Column(_("Programme entry"), 12),
        xlsx.Column(_("Closure date"), 12),
        xlsx.Column(_("Outcome"), 22),
        xlsx.Column(_("Satisfaction (1–10)"), 10),
        xlsx.Column(_("Kykyviisari at entry"), 10, "0.0"),
        xlsx.Column(_("Kykyviisari latest"), 10, "0.0"),
        xlsx.Column(_("First job start"), 12),
        xlsx.Column(_("Days to first job"), 10),
        xlsx.Column(_("In competitive work in the period"), 12),
    ]
    rows = (
        (
            row["code"],
            row["team__name"],
            label(row, "service_type"),
            label(row, "gender"),
            age_bands[age_band(row["programme_entry"], row["birth_year"])],
            label(row, "labour_market_status"),
            label(row, "education_level"),
            answers[bool(row["out_of_work_at_referral"])],
            row["programme_entry"],
            row["closed_on"],
            label(row, "outcome"),
            row["satisfaction"],
            row["kyky_entry"],
            row["kyky_latest"],
            row["first_job"],
            (row["first_job"] - row["programme_entry"]).days if row["first_job"] and row["programme_entry"] else None,
            answers[bool(row["in_work"])],
        )
        for row in clients
    )
    xlsx.add_sheet(book, _("Clients"), columns, rows)
    return [row["pk"] for row in clients]


def fidelity_sheet(book, scope: Scope, period: Period) -> None:
    ratings = (
        ItemRating.objects.filter(
            review__status=Review.Status.FINALISED,
            review__team__in=scope.team_ids if not scope.coach_id else [],
            review__period_start__lte=period.end,
            review__period_end__gte=period.start,
        )
        .select_related("review__team", "item")
        .order_by("review__team__name", "review__period_end", "item__order")
    )
    columns = [
        xlsx.Column(_("Team"), 24),
        xlsx.Column(_("Data period starts"), 12),
        xlsx.Column(_("Data period ends"), 12),
        xlsx.Column(_("Item code"), 8),
        xlsx.Column(_("Item"), 50),
        xlsx.Column(_("Score"), 8),
    ]
    rows = (
        (
            rating.review.team.name,
            rating.review.period_start,
            rating.review.period_end,
            rating.item.code,
            translated(rating.item, "name"),
            rating.score,
        )
        for rating in ratings.iterator(chunk_size=500)
    )
    xlsx.add_sheet(book, _("Fidelity"), columns, rows)
