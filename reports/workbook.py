"""The funder workbook: the seed's table and the ESF+ indicators in Excel, with definitions and no personal data.

Rows about clients carry the pseudonym code and an age band only: no names, birth years, notes or other free text.
Sheets are streamed through ips.xlsx, which types the cells, neutralises formulas and keeps memory flat.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers.models import Job
from fidelity.models import ItemRating
from ips import xlsx
from ips.i18n import translated
from ips.models import EducationLevel, Gender, KykyviisariScore, LabourMarketStatus, Outcome, ServiceType, age_band
from reports import metrics
from reports.metrics import Period, Scope, suppress, suppress_derived

PERCENT = "0.0%"
MEAN = "0.0#"
AGE_BANDS = {
    "under_30": gettext_lazy("Under 30"),
    "30_54": gettext_lazy("30–54"),
    "55_plus": gettext_lazy("55 or over"),
    "unknown": gettext_lazy("Not recorded"),
}


@dataclass
class FunderWorkbook:
    workbook: xlsx.Workbook
    client_ids: list[int] = field(default_factory=list)


def yes_no(value) -> str:
    return _("Yes") if value else _("No")


def build(scope: Scope, period: Period, *, suppressed: bool = True, progress=None) -> FunderWorkbook:
    """Every sheet, Summary first (a CSV conversion reads only the first sheet).

    `progress(percent)` is called before each step, so a background export can show how far it has come.
    """
    report = progress or (lambda percent: None)
    report(5)
    figures = metrics.summary(scope, period)
    book = xlsx.new_workbook()
    _summary_sheet(book, figures, suppressed)
    report(20)
    _quarters_sheet(book, metrics.quarterly_rates(scope, period, figures), suppressed)
    report(30)
    _participants_sheet(book, metrics.participant_figures(scope, period), suppressed)
    report(40)
    job_clients = _jobs_sheet(book, scope, period)
    report(60)
    client_ids = _clients_sheet(book, scope, period)
    report(85)
    _fidelity_sheet(book, scope, period)
    _definitions_sheet(book)
    report(95)
    # Every client named by code in any sheet, for the access log.
    return FunderWorkbook(workbook=book, client_ids=sorted(job_clients.union(client_ids)))


def summary_rows(figures: dict, suppressed: bool) -> list[tuple]:
    """(figure, number, share, mean, note): shared by the workbook and the dashboard."""
    count = lambda value: suppress(value, suppressed)  # noqa: E731
    derived = lambda value, *counts: suppress_derived(value, *counts, enabled=suppressed)  # noqa: E731
    sustained = figures["sustained"]
    employment_rate = derived(figures["employment_rate"], figures["employed"], figures["clients"])
    rows = [
        (_("Clients in the project"), count(figures["clients"]), None, None, ""),
        (_("New clients"), count(figures["new"]), None, None, ""),
        (_("Clients closed"), count(figures["closed"]), None, None, ""),
        (_("Employed in total (competitive job)"), count(figures["employed"]), employment_rate, None, ""),
        (_("Clients with any job"), count(figures["employed_any_job"]), None, None, ""),
        (_("Clients in IPS job coaching"), count(figures["ips_clients"]), None, None, ""),
        (
            _("of whom employed"),
            count(figures["ips_employed"]),
            derived(figures["ips_employment_rate"], figures["ips_employed"], figures["ips_clients"]),
            None,
            "",
        ),
        (_("Employment rate (IPS)"), None, employment_rate, None, _("Benchmarks") + " 31 / 41 / 50 %"),
        (
            _("Employment rate (IPS Grow: out of work at referral)"),
            count(figures["grow_employed"]),
            derived(figures["grow_employment_rate"], figures["grow_employed"], figures["grow_clients"]),
            None,
            _("Benchmark") + " 40 %",
        ),
        (
            _("Mean satisfaction (1–10)"),
            count(figures["satisfaction_count"]),
            None,
            derived(figures["satisfaction"], figures["satisfaction_count"]),
            "",
        ),
        (
            _("Mean Kykyviisari change"),
            count(figures["kykyviisari_count"]),
            None,
            derived(figures["kykyviisari_change"], figures["kykyviisari_count"]),
            "",
        ),
        (_("Job starts"), count(figures["job_starts"]), None, None, ""),
        (_("Supported into work (first job starts)"), count(figures["first_job_starts"]), None, None, ""),
        (
            _("Days to first job (median)"),
            derived(figures["days_to_first_job"], figures["first_job_starts"]),
            None,
            None,
            "",
        ),
        (_("Jobs sustained 3 months"), count(sustained[3]), None, None, ""),
        (_("Jobs sustained 6 months"), count(sustained[6]), None, None, ""),
        (_("Jobs sustained 12 months"), count(sustained[12]), None, None, ""),
        (_("Support hours"), figures["support_hours"], None, None, ""),
        (_("Share of community time"), None, figures["community_share"], None, ""),
        (_("Face-to-face employer contacts per coach per week"), None, None, figures["contacts_per_coach_week"], ""),
        (
            _("Caseload per full-time coach"),
            count(figures["open_at_end"]),
            None,
            derived(figures["caseload_per_fte"], figures["open_at_end"]),
            "",
        ),
    ]
    for row in figures["fidelity"]:
        totals = row["totals"]
        label = _("Latest fidelity review: %(team)s") % {"team": row["team"].name}
        band = row["band"].name if row["band"] else ""
        rows.append((label, totals.total, None, totals.mean, band))
    return rows


def _summary_sheet(book, figures: dict, suppressed: bool) -> None:
    period, scope = figures["period"], figures["scope"]
    head = [
        (_("Scope"), None, None, None, scope.label),
        (_("Period starts"), period.start, None, None, ""),
        (_("Period ends"), period.end, None, None, ""),
        (_("Small counts suppressed"), None, None, None, yes_no(suppressed)),
    ]
    columns = [
        xlsx.Column(_("Figure"), 52),
        xlsx.Column(_("Number"), 12),
        xlsx.Column(_("Share"), 10, PERCENT),
        xlsx.Column(_("Mean"), 10, MEAN),
        xlsx.Column(_("Note"), 30),
    ]
    xlsx.add_sheet(book, _("Summary"), columns, head + summary_rows(figures, suppressed))


def _quarters_sheet(book, quarters: list[dict], suppressed: bool) -> None:
    count = lambda value: suppress(value, suppressed)  # noqa: E731
    derived = lambda value, *counts: suppress_derived(value, *counts, enabled=suppressed)  # noqa: E731
    columns = [
        xlsx.Column(_("Quarter"), 24),
        xlsx.Column(_("Starts"), 12),
        xlsx.Column(_("Ends"), 12),
        xlsx.Column(_("Clients active"), 12),
        xlsx.Column(_("New clients"), 12),
        xlsx.Column(_("Clients closed"), 12),
        xlsx.Column(_("In competitive work"), 14),
        xlsx.Column(_("Employment rate (IPS)"), 14, PERCENT),
        xlsx.Column(_("Out of work at referral"), 14),
        xlsx.Column(_("of whom in competitive work"), 14),
        xlsx.Column(_("Employment rate (IPS Grow)"), 14, PERCENT),
        xlsx.Column(_("Job starts"), 10),
        xlsx.Column(_("Support hours"), 12, "0.0"),
    ]
    rows = (
        (
            q["label"],
            q["quarter"].start,
            q["quarter"].end,
            count(q["active"]),
            count(q["new"]),
            count(q["closed"]),
            count(q["employed"]),
            derived(q["employment_rate"], q["employed"], q["active"]),
            count(q["grow_active"]),
            count(q["grow_employed"]),
            derived(q["grow_employment_rate"], q["grow_employed"], q["grow_active"]),
            count(q["job_starts"]),
            q["support_hours"],
        )
        for q in quarters
    )
    xlsx.add_sheet(book, _("Quarters"), columns, rows)


def participant_rows(figures: dict, suppressed: bool) -> list[tuple]:
    """(indicator, category, participants): the ESF+ table of the workbook and the dashboard."""
    count = lambda value: suppress(value, suppressed)  # noqa: E731
    rows = [(_("Participants entering"), _("All"), count(figures["entrants"]))]
    not_recorded = str(AGE_BANDS["unknown"])
    dimensions = [
        (_("Gender"), figures["gender"], Gender.choices),
        (_("Age band at entry"), figures["age_band"], list(AGE_BANDS.items())[:3] + [("unknown", not_recorded)]),
        (_("Labour-market status at entry"), figures["labour_market_status"], LabourMarketStatus.choices),
        (_("Education level at entry"), figures["education_level"], EducationLevel.choices),
    ]
    for indicator, counts, choices in dimensions:
        known = dict(choices)
        for code, label in known.items():
            rows.append((indicator, str(label), count(counts.get(code, 0))))
        unrecorded = sum(value for code, value in counts.items() if code not in known)
        if unrecorded or "unknown" not in known:
            rows.append((indicator, not_recorded, count(unrecorded)))
    rows += [
        (_("Participants leaving"), _("All"), count(figures["leavers"])),
        (_("Results at exit"), _("In employment"), count(figures["in_employment_at_exit"])),
        (_("Results at exit"), _("In education"), count(figures["in_education_at_exit"])),
    ]
    return rows


def _participants_sheet(book, figures: dict, suppressed: bool) -> None:
    columns = [xlsx.Column(_("Indicator"), 32), xlsx.Column(_("Category"), 40), xlsx.Column(_("Participants"), 12)]
    xlsx.add_sheet(book, _("Participants"), columns, participant_rows(figures, suppressed))


def _jobs_sheet(book, scope: Scope, period: Period) -> set[int]:
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


def _clients_sheet(book, scope: Scope, period: Period) -> list[int]:
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


def _fidelity_sheet(book, scope: Scope, period: Period) -> None:
    ratings = (
        ItemRating.objects.filter(
            review__status="finalised",
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


def definitions() -> list[tuple[str, str]]:
    """How each figure is computed, in words: the Definitions sheet and the dashboard's explanations."""
    return [
        (
            _("Clients in the project"),
            _(
                "Clients active at any time in the period: programme entry on or before the period's end and no "
                "closure before the period's start. A client counts for a team when assigned to it at some time in "
                "the period, so a client who moved between teams counts for both teams (and once for the "
                "organisation). A coach's own figures count the clients assigned to that coach."
            ),
        ),
        (_("New clients"), _("Clients in the project whose programme entry falls in the period.")),
        (_("Clients closed"), _("Clients in the project whose closure date falls in the period.")),
        (
            _("Employed in total (competitive job)"),
            _(
                "Clients in the project who held a competitive job (open labour market, at least the "
                "collective-agreement wage, not reserved for disabled people) at any time in the period; a client "
                "with several jobs counts once."
            ),
        ),
        (_("Clients with any job"), _("As above, counting any job, also one that is not competitive.")),
        (
            _("Clients in IPS job coaching"),
            _("Clients in the project whose service is IPS job coaching (not assessment only)."),
        ),
        (
            _("Employment rate (IPS)"),
            _(
                "IPS Learning Community definition: clients in competitive work at any time in the period divided "
                "by clients active in the period, per quarter. Benchmarks: minimum 31, average 41 and excellent 50 "
                "per cent."
            ),
        ),
        (
            _("Employment rate (IPS Grow: out of work at referral)"),
            _("The same, counting only clients who were out of work when referred. Benchmark 40 per cent."),
        ),
        (_("Mean satisfaction (1–10)"), _("Mean of the satisfaction scores recorded for clients in the project.")),
        (
            _("Mean Kykyviisari change"),
            _(
                "For each client in the project with an entry score and a follow-up score by the period's end: the "
                "latest follow-up score minus the entry score; the mean of these changes."
            ),
        ),
        (
            _("Job starts"),
            _("Jobs that started in the period, first and later jobs, of the clients the scope served in the period."),
        ),
        (
            _("Supported into work (first job starts)"),
            _("Clients whose first job after programme entry started in the period."),
        ),
        (
            _("Days to first job (median)"),
            _("For the clients supported into work: the first job's start date minus programme entry; the median."),
        ),
        (
            _("Jobs sustained 3, 6 and 12 months"),
            _("Jobs that reached 3, 6 or 12 months from their start in the period and were still running then."),
        ),
        (_("Support hours"), _("Minutes in the coaches' daily logs in the period, in hours, by kind of work.")),
        (
            _("Share of community time"),
            _("Logged minutes in the community, at workplaces or in clients' homes, divided by all logged minutes."),
        ),
        (
            _("Face-to-face employer contacts per coach per week"),
            _("Face-to-face employer contacts in the period divided by the number of coaches and by weeks."),
        ),
        (
            _("Caseload per full-time coach"),
            _("Clients open at the period's end divided by the coaches' full-time equivalents at the period's end."),
        ),
        (
            _("Latest fidelity review"),
            _(
                "The newest finalised review of each team whose data period ends by the period's end: total score "
                "(25–125), item mean and band (115–125 exemplary, 100–114 good, 74–99 fair, 73 or less not IPS)."
            ),
        ),
        (
            _("ESF+ participants"),
            _(
                "Participants entering: clients whose programme entry falls in the period, by gender, age at entry "
                "(under 30, 30–54, 55 or over), labour-market status and education level at entry (ISCED). Results "
                "at exit: clients closed in the period with the outcome of an open-market job or education."
            ),
        ),
        (
            _("Small counts"),
            _(
                "When suppression is on, counts from 1 to 4 are shown as “< 5” so that no small group can be "
                "recognised; 0 is shown as 0. A share or mean computed from such a count is shown as “< 5” too, "
                "since it would give the count (or one person's score) back."
            ),
        ),
        (
            _("Privacy"),
            _(
                "The workbook carries pseudonym codes only: no names, birth years, identity codes, notes or other "
                "free text. Age is shown as a band."
            ),
        ),
    ]


def _definitions_sheet(book) -> None:
    columns = [xlsx.Column(_("Figure"), 44), xlsx.Column(_("Definition"), 110)]
    xlsx.add_sheet(book, _("Definitions"), columns, definitions())
