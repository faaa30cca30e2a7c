"""The figure sheets: Summary, Quarters and Participants (counts under five suppressed when asked)."""

from django.utils.translation import gettext as _

from ips import xlsx
from ips.models import EducationLevel, Gender, LabourMarketStatus
from reports.metrics import suppress, suppress_derived
from reports.workbook.common import AGE_BANDS, MEAN, PERCENT, yes_no


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


def summary_sheet(book, figures: dict, suppressed: bool) -> None:
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


def quarters_sheet(book, quarters: list[dict], suppressed: bool) -> None:
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


def participants_sheet(book, figures: dict, suppressed: bool) -> None:
    columns = [xlsx.Column(_("Indicator"), 32), xlsx.Column(_("Category"), 40), xlsx.Column(_("Participants"), 12)]
    xlsx.add_sheet(book, _("Participants"), columns, participant_rows(figures, suppressed))
