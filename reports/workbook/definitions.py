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


def definitions_sheet(book) -> None:
    columns = [xlsx.Column(_("Figure"), 44), xlsx.Column(_("Definition"), 110)]
    xlsx.add_sheet(book, _("Definitions"), columns, definitions())
