"""The Definitions sheet: each figure of the workbook and the dashboard explained in words."""

from django.utils.translation import gettext as _

from ips import xlsx


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
        (
            _("Mean satisfaction (1–10)"),
            _(
                "The satisfaction survey can be answered at any time, not only at closure: the mean of each "
                "client's latest answer in the period; the number is of clients who answered in the period."
            ),
        ),
        (
            _("Mean Kykyviisari change"),
            _(
                "For each client in the project with an entry score and a follow-up score by the period's end: the "
                "latest follow-up score minus the entry score; the mean of these changes."
            ),
        ),
        (
            _("Engaged (vocational profile started)"),
            _("Clients in the project whose vocational profile was started in the period."),
        ),
        (
            _("of which with wage subsidy"),
            _(
                "Job starts (all, or competitive) of jobs with a wage subsidy (palkkatuki). They are counted in the "
                "job starts and in the competitive ones when the job otherwise meets the rule; this line tells how "
                "many of them had the subsidy."
            ),
        ),
        (
            _("IPS Grow"),
            _(
                "The IPS Grow Reporting Tool's quarterly figures: referrals (programme entries in the quarter), of "
                "which in work when referred, clients whose vocational profile was started, clients supported into "
                "their first job, all job starts, and the employment rate of clients out of work at referral."
            ),
        ),
        (
            _("In-work clients of the caseload at the end"),
            _(
                "Clients open at the period's end who hold a job on that day, and their share of the open caseload. "
                "IPS Grow's guidance keeps in-work clients at most 15 per cent of a caseload."
            ),
        ),
        (
            _("Job tenure (median days)"),
            _("For the jobs held in the period: days from the start to the end, or to the period's end; the median."),
        ),
        (
            _("Hours per week (median)"),
            _("The median of the weekly hours of the jobs that started in the period."),
        ),
        (
            _("Hourly wage (median, €)"),
            _("The median hourly wage of the jobs that started in the period, where it was recorded."),
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
            _("Face-to-face employer contacts per FTE per week"),
            _(
                "Face-to-face employer contacts of the scope's teams in the period divided by the coaches' "
                "full-time equivalents in the period and by weeks (days / 7), as in fidelity item V6: a half-time "
                "coach counts as half a coach. Not computed for a coach's own figures."
            ),
        ),
        (
            _("Caseload per full-time coach"),
            _(
                "Clients open at the period's end divided by the coaches' full-time equivalents in the period, read "
                "as the fidelity items S1 and V6 read them. Not computed for a coach's own figures."
            ),
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
                "The common indicators of the ESF+ regulation (EU) 2021/1057, Annex I. Participants entering: "
                "clients whose programme entry falls in the period, by gender, age at entry (under 30, 30–54, 55 or "
                "over), labour-market status and education level at entry (ISCED 0–2, 3–4, 5–8), disability, "
                "third-country nationality, foreign background, minority, homelessness or housing exclusion and "
                "rural area. Each characteristic is optional for the client: “does not want to say” is counted "
                "apart from “not recorded”. Unemployed includes the long-term unemployed; inactive is outside the "
                "labour force, studying, in rehabilitation or on sick leave, or on a disability pension. Results "
                "upon leaving: clients closed in the period, each result that held (several may); an outcome of a "
                "job in the open labour market counts as in employment and an outcome of education as in education "
                "or training. Six months after leaving: clients whose six-month follow-up fell due in the period, "
                "those whose follow-up is recorded, and those in employment (including self-employment) then."
            ),
        ),
        (
            _("Small counts"),
            _(
                "When suppression is on, counts from 1 to 4 are hidden and shown as “x” so that no small group can "
                "be recognised; 0 is shown as 0. Where a total and its categories would give a hidden count back "
                "(the total minus the other categories, the same figure on another sheet or on the dashboard), "
                "another category is hidden too, with the same “x”. A share or mean computed from a hidden count "
                "is hidden."
            ),
        ),
        (
            _("Privacy"),
            _(
                "The workbook carries aggregates only: no sheet lists a client or a job, and no names, codes, "
                "birth years, notes or other free text. Age is shown as a band."
            ),
        ),
    ]


def chart_definitions() -> dict[str, tuple[str, str]]:
    """The definition shown under each dashboard chart: the same words as the Definitions sheet."""
    by_term = dict(definitions())
    terms = {
        "employment": _("Employment rate (IPS)"),
        "grow": _("Employment rate (IPS Grow: out of work at referral)"),
        "hours": _("Support hours"),
        "fidelity": _("Latest fidelity review"),
    }
    return {chart: (term, by_term[term]) for chart, term in terms.items()}


def definitions_sheet(book) -> None:
    columns = [xlsx.Column(_("Figure"), 44), xlsx.Column(_("Definition"), 110)]
    xlsx.add_sheet(book, _("Definitions"), columns, definitions())
