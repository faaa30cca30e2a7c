"""The figure sheets: Summary, Quarters and Participants, each rendered from the suppressed cells (Shown)."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ips import xlsx
from ips.models import ESF_CHARACTERISTICS, EducationLevel, EsfAnswer, Gender, LabourMarketStatus
from reports.metrics.suppression import Shown, participant_cells
from reports.workbook.common import AGE_BANDS, MEAN, PERCENT, yes_no


def summary_rows(shown: Shown) -> list[tuple]:
    """(figure, number, share, mean, note): shared by the workbook and the dashboard."""
    figures = shown.figures.summary
    count, value = shown.count, shown.summary
    rows = [
        (_("Clients in the project"), count("clients"), None, None, ""),
        (_("New clients"), count("new"), None, None, ""),
        (_("Clients closed"), count("closed"), None, None, ""),
        (_("Employed in total (competitive job)"), count("employed"), value("employment_rate"), None, ""),
        (_("Clients with any job"), count("employed_any_job"), None, None, ""),
        (_("Clients in IPS job coaching"), count("ips_clients"), None, None, ""),
        (_("of whom employed"), count("ips_employed"), value("ips_employment_rate"), None, ""),
        (_("Employment rate (IPS)"), None, value("employment_rate"), None, _("Benchmarks") + " 31 / 41 / 50 %"),
        (
            _("Employment rate (IPS Grow: out of work at referral)"),
            count("grow_employed"),
            value("grow_employment_rate"),
            None,
            _("Benchmark") + " 40 %",
        ),
        (_("Mean satisfaction (1–10)"), count("satisfaction_count"), None, value("satisfaction"), ""),
        (_("Mean Kykyviisari change"), count("kykyviisari_count"), None, value("kykyviisari_change"), ""),
        (_("Engaged (vocational profile started)"), count("engaged"), None, None, ""),
        (_("Supported into work (first job starts)"), count("first_job_starts"), None, None, ""),
        (_("Job starts"), count("job_starts"), None, None, ""),
        (_("of which with wage subsidy"), count("wage_subsidy_job_starts"), None, None, ""),
        (_("Competitive job starts"), count("competitive_job_starts"), None, None, ""),
        (_("of which with wage subsidy"), count("competitive_wage_subsidy_job_starts"), None, None, ""),
        (
            _("In-work clients of the caseload at the end"),
            count("in_work_at_end"),
            value("in_work_share"),
            None,
            _("IPS Grow guidance: at most 15 %"),
        ),
        (_("Job tenure (median days)"), value("tenure_days_median"), None, None, ""),
        (_("Hours per week (median)"), None, None, value("hours_per_week_median"), ""),
        (_("Hourly wage (median, €)"), None, None, value("hourly_wage_median"), ""),
        (_("Days to first job (median)"), value("days_to_first_job"), None, None, ""),
        (_("Jobs sustained 3 months"), count("sustained.3"), None, None, ""),
        (_("Jobs sustained 6 months"), count("sustained.6"), None, None, ""),
        (_("Jobs sustained 12 months"), count("sustained.12"), None, None, ""),
        (_("Support hours"), figures["support_hours"], None, None, ""),
        (_("Share of community time"), None, figures["community_share"], None, ""),
        (
            _("Face-to-face employer contacts per FTE per week"),
            figures["face_to_face_contacts"],
            None,
            figures["contacts_per_fte_week"],
            "",
        ),
        (_("Caseload per full-time coach"), count("open_at_end"), None, value("caseload_per_fte"), ""),
    ]
    for row in figures["fidelity"]:
        totals = row["totals"]
        label = _("Latest fidelity review: %(team)s") % {"team": row["team"].name}
        band = row["band"].name if row["band"] else ""
        rows.append((label, totals.total, None, totals.mean, band))
    return rows


def summary_sheet(book, shown: Shown) -> None:
    period, scope, suppressed = shown.figures.period, shown.figures.scope, shown.suppressed
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
    xlsx.add_sheet(book, _("Summary"), columns, head + summary_rows(shown))


def _per_quarter(shown: Shown, keys, unsuppressed=()) -> list[tuple]:
    """(label, starts, ends, *the suppressed cells of `keys`, *the plain figures of `unsuppressed`) a quarter."""
    return [
        (
            q["label"],
            q["quarter"].start,
            q["quarter"].end,
            *(shown.quarter(index, key) for key in keys),
            *(q[key] for key in unsuppressed),
        )
        for index, q in enumerate(shown.figures.quarters)
    ]


def _quarter_columns() -> list:
    """The first three columns of a sheet with one row per quarter."""
    return [xlsx.Column(_("Quarter"), 24), xlsx.Column(_("Starts"), 12), xlsx.Column(_("Ends"), 12)]


# IPS Grow's employment rate and the two counts behind it: the same columns on the Quarters and IPS Grow sheets.
GROW_RATE_COLUMNS = ("grow_active", "grow_employed", "grow_employment_rate")


def _grow_rate_columns() -> list:
    return [
        xlsx.Column(_("Out of work at referral"), 14),
        xlsx.Column(_("of whom in competitive work"), 14),
        xlsx.Column(_("Employment rate (IPS Grow)"), 14, PERCENT),
    ]


def quarter_rows(shown: Shown) -> list[tuple]:
    """One row per quarter: the Quarters sheet and the dashboard's table."""
    return _per_quarter(shown, QUARTER_COLUMNS, unsuppressed=("support_hours",))


QUARTER_COLUMNS = (
    "active",
    "new",
    "closed",
    "employed",
    "employment_rate",
    *GROW_RATE_COLUMNS,
    "job_starts",
)


def quarters_sheet(book, shown: Shown) -> None:
    columns = [
        *_quarter_columns(),
        xlsx.Column(_("Clients active"), 12),
        xlsx.Column(_("New clients"), 12),
        xlsx.Column(_("Clients closed"), 12),
        xlsx.Column(_("In competitive work"), 14),
        xlsx.Column(_("Employment rate (IPS)"), 14, PERCENT),
        *_grow_rate_columns(),
        xlsx.Column(_("Job starts"), 10),
        xlsx.Column(_("Support hours"), 12, "0.0"),
    ]
    xlsx.add_sheet(book, _("Quarters"), columns, quarter_rows(shown))


def grow_rows(shown: Shown) -> list[tuple]:
    """The IPS Grow Reporting Tool's quarterly figures: one row per quarter."""
    return _per_quarter(shown, GROW_COLUMNS)


GROW_COLUMNS = (
    "new",
    "in_work_at_referral",
    "engaged",
    "first_job_starts",
    "job_starts",
    *GROW_RATE_COLUMNS,
)


def grow_sheet(book, shown: Shown) -> None:
    columns = [
        *_quarter_columns(),
        xlsx.Column(_("Referrals (programme entries)"), 14),
        xlsx.Column(_("of which in work at referral"), 14),
        xlsx.Column(_("Engaged (vocational profile started)"), 14),
        xlsx.Column(_("Supported into work (first job starts)"), 14),
        xlsx.Column(_("Job starts"), 10),
        *_grow_rate_columns(),
    ]
    xlsx.add_sheet(book, _("IPS Grow"), columns, grow_rows(shown))


def participant_rows(shown: Shown) -> list[tuple]:
    """(indicator, category, participants): the ESF+ table of the workbook and the dashboard."""
    count = shown.count
    answers = dict(EsfAnswer.choices)
    names = {
        "gender": (_("Gender"), dict(Gender.choices)),
        "age_band": (_("Age band at entry"), {**AGE_BANDS, EsfAnswer.DECLINED: answers[EsfAnswer.DECLINED]}),
        "labour_market_status": (_("Labour-market status at entry"), dict(LabourMarketStatus.choices)),
        "education_level": (_("Education level at entry"), dict(EducationLevel.choices)),
        **{name: (str(capfirst(label)), answers) for name, label in ESF_CHARACTERISTICS},
    }
    not_recorded = str(AGE_BANDS["unknown"])
    status = _("Labour-market status at entry (ESF+)")
    rows = [
        (_("Participants entering"), _("All"), count("entrants")),
        (status, _("Unemployed, including long-term unemployed"), count("status_group.unemployed")),
        (status, _("Long-term unemployed"), count(f"labour_market_status.{LabourMarketStatus.LONG_TERM_UNEMPLOYED}")),
        (status, _("Inactive"), count("status_group.inactive")),
        (status, _("Employed, including self-employed"), count(f"labour_market_status.{LabourMarketStatus.EMPLOYED}")),
    ]
    for dimension, code, _value in participant_cells(shown.figures.participants):
        indicator, labels = names[dimension]
        rows.append((indicator, str(labels.get(code, not_recorded)), count(f"{dimension}.{code}")))
    leaving, later = _("Results upon leaving"), _("Six months after leaving")
    rows += [
        (_("Participants leaving"), _("All"), count("leavers")),
        (leaving, _("Job searching"), count("job_searching_at_exit")),
        (leaving, _("In education or training"), count("in_education_at_exit")),
        (leaving, _("Gained a qualification"), count("qualification_at_exit")),
        (leaving, _("In employment, including self-employment"), count("in_employment_at_exit")),
        (later, _("Follow-ups due in the period"), count("followup_due")),
        (later, _("of which recorded"), count("followup_recorded")),
        (later, _("In employment, including self-employment"), count("employed_six_months")),
    ]
    return rows


def participants_sheet(book, shown: Shown) -> None:
    columns = [xlsx.Column(_("Indicator"), 40), xlsx.Column(_("Category"), 44), xlsx.Column(_("Participants"), 12)]
    xlsx.add_sheet(book, _("ESF+ participants"), columns, participant_rows(shown))
