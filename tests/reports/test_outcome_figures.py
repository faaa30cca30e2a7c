"""The outcome figures users ask for, hand-computed on the shared outcomes fixture (team A, 2025)."""

from datetime import UTC, date, datetime
from decimal import Decimal

from django.utils import translation

from ips.models import VocationalProfile
from ips.periods import Period
from reports import workbook
from reports.metrics import Scope
from reports.metrics.figures import figures_for
from reports.metrics.suppression import Shown
from tests.employers.factories import JobFactory

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))


def test_engaged_jobs_wage_subsidy_in_work_share_tenure_hours_and_wage(outcomes, team_a):
    profile = VocationalProfile.objects.create(client=outcomes["c5"])
    VocationalProfile.objects.filter(pk=profile.pk).update(created=datetime(2025, 5, 1, 10, tzinfo=UTC))
    JobFactory(
        client=outcomes["c5"],
        employer=outcomes["employer"],
        start_date=date(2025, 11, 1),
        end_date=date(2025, 11, 30),
        wage_subsidy=True,
        hours_per_week=Decimal("30.0"),
        hourly_wage=Decimal("14.00"),
    )
    scope = Scope(team_ids=frozenset({team_a.pk}), label=team_a.name, kind="team")
    figures = figures_for(scope, YEAR)
    # Job starts in 2025: c1 10.2., c2 1.3. and 1.5., c5 1.11. (wage subsidy, competitive by the factory's default).
    assert figures["job_starts"] == 4
    assert figures["wage_subsidy_job_starts"] == 1
    assert figures["competitive_wage_subsidy_job_starts"] == 1
    assert figures["engaged"] == 1  # c5's profile, started in May
    # Hours 20, 20, 20, 30: median 20; wages 12.50 ×3 and 14.00: median 12.50.
    assert figures["hours_per_week_median"] == Decimal("20.0")
    assert figures["hourly_wage_median"] == Decimal("12.50")
    # Tenure of the jobs held in 2025 (to the end or 31.12.): c1 325, c2 20 and 245, c3 62 (1.12.–31.1.), c5 30.
    # Median of 20, 30, 62, 245, 325 is 62.
    assert figures["tenure_days_median"] == Decimal("62")
    # Open at 31.12.: c1, c2, c5; in work that day: c1 and c2 (c5's job ended 30.11.): 2 of 3.
    assert (figures["open_at_end"], figures["in_work_at_end"], figures["in_work_share"]) == (3, 2, Decimal("0.667"))
    with translation.override("en"):
        rows = {str(row[0]): row for row in workbook.summary_rows(Shown(figures, suppressed=False))}
    assert rows["In-work clients of the caseload at the end"][1:3] == (2, Decimal("0.667"))
    assert "15 %" in rows["In-work clients of the caseload at the end"][4]
    assert rows["Hourly wage (median, €)"][3] == Decimal("12.50")
    with translation.override("en"):
        hidden = {str(row[0]): row for row in workbook.summary_rows(Shown(figures, suppressed=True))}
    assert hidden["In-work clients of the caseload at the end"][1:3] == ("x", "x")


def test_a_profile_counts_on_its_day_in_finland_not_in_utc(outcomes, team_a):
    # Helsinki is UTC+2 in winter. c1's profile: 31.12.2024 22:30 UTC is 1.1.2025 00:30 there (Q1 of 2025);
    # c2's: 31.12.2025 21:30 UTC is 23:30 on New Year's Eve (Q4); c5's: 31.12.2025 22:10 UTC is 1.1.2026 00:10.
    for client, moment in (
        (outcomes["c1"], datetime(2024, 12, 31, 22, 30, tzinfo=UTC)),
        (outcomes["c2"], datetime(2025, 12, 31, 21, 30, tzinfo=UTC)),
        (outcomes["c5"], datetime(2025, 12, 31, 22, 10, tzinfo=UTC)),
    ):
        profile = VocationalProfile.objects.create(client=client)
        VocationalProfile.objects.filter(pk=profile.pk).update(created=moment)
    figures = figures_for(Scope(team_ids=frozenset({team_a.pk}), label=team_a.name, kind="team"), YEAR)
    assert figures["engaged"] == 2
    assert [quarter["engaged"] for quarter in figures.quarters] == [1, 0, 0, 1]
