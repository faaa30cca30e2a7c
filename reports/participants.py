"""The participant-level list: one row per client by pseudonym code (no names), a separate export from the funder
workbook, made only by a role granted it per organisation (Membership.Role.PARTICIPANT_LIST) and access-logged.

Its first sheet says what it is for and what it must not be used for.
"""

from django.db.models import Exists, OuterRef, Subquery
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employers.models import Job
from ips import xlsx
from ips.models import EducationLevel, Gender, KykyviisariScore, LabourMarketStatus, Outcome, ServiceType, age_band
from ips.periods import short_date
from reports import metrics
from reports.metrics import Period, Scope
from reports.scopes import ScopeChoice, choices_for
from reports.workbook.common import AGE_BANDS, yes_no

# The participant-level sheet's columns (bench/xlsx_writer.py writes the same sheet with other writers).
COLUMNS = [
    xlsx.Column(gettext_lazy("Client code"), 14),
    xlsx.Column(gettext_lazy("Team"), 24),
    xlsx.Column(gettext_lazy("Service"), 22),
    xlsx.Column(gettext_lazy("Gender"), 10),
    xlsx.Column(gettext_lazy("Age band at entry"), 12),
    xlsx.Column(gettext_lazy("Labour-market status at entry"), 24),
    xlsx.Column(gettext_lazy("Education level at entry"), 24),
    xlsx.Column(gettext_lazy("Out of work at referral"), 10),
    xlsx.Column(gettext_lazy("Programme entry"), 12),
    xlsx.Column(gettext_lazy("Closure date"), 12),
    xlsx.Column(gettext_lazy("Outcome"), 22),
    xlsx.Column(gettext_lazy("Satisfaction (1–10)"), 10),
    xlsx.Column(gettext_lazy("Kykyviisari at entry"), 10, "0.0"),
    xlsx.Column(gettext_lazy("Kykyviisari latest"), 10, "0.0"),
    xlsx.Column(gettext_lazy("First job start"), 12),
    xlsx.Column(gettext_lazy("Days to first job"), 10),
    xlsx.Column(gettext_lazy("In competitive work in the period"), 12),
]


def participant_choices(user, choices: list[ScopeChoice] | None = None) -> list[ScopeChoice]:
    """The organisations whose participant list the user may make: the right of its own, per organisation.

    `choices` are the user's report scopes when the caller has them (no second read).
    """
    granted = user.roles.participant_list_orgs
    if not granted:
        return []
    return [
        choice
        for choice in (choices_for(user) if choices is None else choices)
        if choice.scope.kind == "organisation" and choice.scope.organisation_ids <= granted
    ]


def purpose_sheet(book, scope: Scope, period: Period) -> None:
    rows = [
        (
            _("What this is"),
            _("A participant-level list of %(scope)s, one row per client by pseudonym code.") % {"scope": scope.label},
        ),
        (_("Period"), f"{short_date(period.start)}–{short_date(period.end)}"),
        (
            _("What it is for"),
            _(
                "Checking the funder's participant figures against individual records (an audit by the funder or "
                "the managing authority). It is not a report: report aggregates with the funder workbook."
            ),
        ),
        (
            _("How to keep it"),
            _(
                "It is personal data about health and social welfare clients. Do not send it by e-mail unencrypted, "
                "do not combine it with other registers, and delete it when the check is done. Making it was "
                "written in the access log of each client listed."
            ),
        ),
    ]
    xlsx.add_sheet(book, _("Purpose"), [xlsx.Column(_("Field"), 24), xlsx.Column(_("Value"), 100)], rows)


def build(scope: Scope, period: Period):
    """The list's workbook and the ids of the clients it lists."""
    book = xlsx.new_workbook()
    purpose_sheet(book, scope, period)
    client_ids = clients_sheet(book, scope, period)
    return book, client_ids


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
    """One row per client of the scope active in the period; returns their ids (the download logs them)."""
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
    xlsx.add_sheet(book, _("Participants"), COLUMNS, rows)
    return [row["pk"] for row in clients]
