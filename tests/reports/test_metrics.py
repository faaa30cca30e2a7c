"""Every Summary figure against arithmetic done by hand on the data in conftest.py.

Team A in 2025: c1 (in since 2024, competitive job from 10.2.), c2 (enters 15.2., two competitive jobs, one in
March and one from May, not out of work at referral), c3 (assessment only, closes 1.2., held a job that is not
competitive), c4 (closed before 2025: not counted), c5 (enters in April, no job). c6 is team B's.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from fidelity.indicators.common import caseload
from fidelity.models import FidelityScale
from ips import services
from ips.periods import TeamPeriod as ReviewPeriod
from reports import metrics
from reports.metrics import Period, Scope
from reports.metrics.figures import figures_for
from reports.metrics.suppression import HIDDEN, Shown
from reports.workbook import summary_rows
from tests.employers.factories import JobFactory
from tests.factories import ClientFactory
from tests.fidelity.conftest import finalise, make_review, score_all
from tests.reports.conftest import Q1, YEAR


@pytest.fixture
def team_scope(team_a):
    return Scope(team_ids=frozenset({team_a.pk}), label=team_a.name, kind="team")


@pytest.fixture
def org_scope(team_a, team_b):
    return Scope(team_ids=frozenset({team_a.pk, team_b.pk}), label="org", kind="organisation")


def test_it_counts_the_seed_table_for_a_team_and_year(outcomes, team_scope):
    figures = metrics.client_figures(team_scope, Period(*YEAR))
    assert figures["clients"] == 4  # c1, c2, c3, c5
    assert figures["new"] == 2  # c2, c5
    assert figures["closed"] == 1  # c3
    assert figures["employed"] == 2  # c1, c2 (c3's job is not competitive)
    assert figures["employed_any_job"] == 3
    assert figures["ips_clients"] == 3  # c3 is assessment only
    assert figures["ips_employed"] == 2
    assert figures["employment_rate"] == Decimal("0.500")
    assert figures["satisfaction"] == Decimal("8.5")
    # c1: 7.5 − 5.0 (the latest follow-up by the period's end); c2: 3.5 − 4.0; c3 has no follow-up.
    assert figures["kykyviisari_change"] == Decimal("1.00")
    assert figures["kykyviisari_count"] == 2


def test_it_counts_the_other_team_in_the_organisation_scope(outcomes, org_scope):
    figures = metrics.client_figures(org_scope, Period(*YEAR))
    assert (figures["clients"], figures["employed"]) == (5, 3)


def test_it_narrows_a_coach_scope_to_their_own_clients(outcomes, team_a, coach_a2):
    scope = Scope(team_ids=frozenset({team_a.pk}), label="", kind="coach", coach_id=coach_a2.pk)
    assert metrics.client_figures(scope, Period(*YEAR))["clients"] == 0


def test_it_computes_the_employment_rate_of_each_quarter_with_both_definitions(outcomes, team_scope):
    rows = metrics.quarterly_rates(team_scope, Period(*YEAR))
    assert [row["label"] for row in rows] == ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"]
    q1, q2 = rows[0], rows[1]
    # Q1: c1, c2 (mid-quarter start), c3 (mid-quarter closure) active; c1 and c2 in competitive work, c2 counted once.
    assert (q1["active"], q1["employed"], q1["employment_rate"]) == (3, 2, Decimal("0.667"))
    # IPS Grow: only those out of work at referral (c1, c3); c1 works.
    assert (q1["grow_active"], q1["grow_employed"], q1["grow_employment_rate"]) == (2, 1, Decimal("0.500"))
    assert (q1["new"], q1["closed"], q1["job_starts"]) == (1, 1, 2)
    assert q1["support_hours"] == Decimal("3.0")
    # Q2: c3 is gone, c5 arrives; c2 works again from May.
    assert (q2["active"], q2["employed"], q2["grow_active"], q2["grow_employed"]) == (3, 2, 2, 1)
    assert q2["job_starts"] == 1


def test_it_cuts_quarters_to_the_period():
    quarters = Period(date(2025, 2, 15), date(2025, 4, 30)).quarters()
    assert [(q.start, q.end) for q in quarters] == [
        (date(2025, 2, 15), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 4, 30)),
    ]
    assert quarters[1].label == "1.4.2025–30.4.2025"


def test_it_computes_job_starts_first_jobs_and_sustained_jobs(outcomes, team_scope):
    figures = metrics.job_figures(team_scope, Period(*YEAR))
    assert figures["job_starts"] == 3  # c1, c2 twice
    assert figures["first_job_starts"] == 2  # c1 and c2; c3's first job was in 2024
    # c1: 10.2.2025 − 1.6.2024 = 254 days; c2: 1.3.2025 − 15.2.2025 = 14 days; median 134.
    assert figures["days_to_first_job"] == Decimal("134")
    # 3 months: c1 (10.5.) and c2's second job (1.8.); c2's March job ended first. 6 months: the same two.
    assert figures["sustained"] == {3: 2, 6: 2, 12: 0}


def test_it_computes_time_and_staff_figures(outcomes, team_scope):
    time = metrics.time_figures(team_scope, Period(*Q1))
    assert time["support_hours"] == Decimal("3.0")
    assert time["community_share"] == Decimal("0.667")
    assert [(row["kind__code"], row["minutes_total"]) for row in time["by_kind"]] == [
        ("client_meeting", 120),
        ("documentation", 60),
    ]
    staff = metrics.staff_figures(team_scope, Period(*Q1))
    # 26 face-to-face contacts by one coach over 90 days (12.86 weeks); the phone call does not count.
    assert (staff["fte"], staff["face_to_face_contacts"], staff["contacts_per_fte_week"]) == (1, 26, Decimal("2.0"))
    # Open at 31.3.: c1, c2 (c5 has not entered yet) for one full-time coach.
    assert (staff["open_at_end"], staff["caseload_per_fte"]) == (2, Decimal("2.0"))


def test_it_counts_esf_participants_by_characteristic(outcomes, team_scope):
    figures = metrics.participant_figures(team_scope, Period(*YEAR))
    assert figures["entrants"] == 2  # c2, c5
    assert figures["age_band"] == {"under_30": 1, "55_plus": 1}
    assert figures["gender"] == {"female": 1, "male": 1}
    assert figures["education_level"] == {"isced_3_4": 1, "isced_0_2": 1}
    assert figures["labour_market_status"] == {"unemployed": 1, "long_term_unemployed": 1}
    assert (figures["leavers"], figures["in_employment_at_exit"], figures["in_education_at_exit"]) == (1, 0, 1)


def test_it_reports_the_latest_finalised_fidelity_review(outcomes, team_scope, team_a, reviewer):
    scale = FidelityScale.objects.get(code="IPS-25")
    older = make_review(team_a, scale, [reviewer], period_start=date(2024, 7, 1), period_end=date(2024, 12, 31))
    score_all(older, 3)
    finalise(older, reviewer)
    newer = make_review(team_a, scale, [reviewer], period_start=date(2025, 1, 1), period_end=date(2025, 6, 30))
    score_all(newer, 4)
    finalise(newer, reviewer)
    make_review(team_a, scale, [reviewer], period_start=date(2025, 7, 1), period_end=date(2025, 12, 31))  # a draft
    reviews = metrics.fidelity_reviews(team_scope, Period(*YEAR))
    assert len(reviews) == 2
    [latest] = metrics.fidelity_figures(reviews)
    assert (latest["totals"].total, latest["totals"].mean, latest["band"].code) == (100, Decimal("4.00"), "good")


def test_it_adds_months_to_the_last_day_of_a_short_month():
    assert metrics.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert metrics.add_months(date(2025, 11, 30), 3) == date(2026, 2, 28)


def test_a_job_held_before_programme_entry_is_not_a_first_job_we_supported(outcomes, team_scope, team_a, coach_a):
    late = ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2025, 6, 1))
    JobFactory(client=late, start_date=date(2025, 5, 1), employer=outcomes["employer"])
    figures = metrics.job_figures(team_scope, Period(*YEAR))
    assert figures["first_job_starts"] == 2  # still c1 and c2
    assert figures["job_starts"] == 4  # but the job counts as a start


def test_a_client_who_moves_teams_mid_year_counts_for_both_teams_and_once_for_the_organisation(
    outcomes, team_scope, org_scope, team_a, team_b, coach_a, coach_b, supervisor_a
):
    """The reports and the fidelity caseload share one definition: assignment to the team at some time in the period."""

    mover = ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2025, 1, 10))
    services.client_assign(client=mover, team=team_b, coach=coach_b, on=date(2025, 7, 1))
    team_b_scope = Scope(team_ids=frozenset({team_b.pk}), label=team_b.name, kind="team")

    assert metrics.client_figures(team_scope, Period(*YEAR))["clients"] == 5  # c1, c2, c3, c5 and the mover
    assert metrics.client_figures(team_b_scope, Period(*YEAR))["clients"] == 2  # c6 and the mover
    assert metrics.client_figures(org_scope, Period(*YEAR))["clients"] == 6  # counted once
    # By quarter the mover is team A's until the move (1.7., the day of the handover, is team B's only).
    active = [row["active"] for row in metrics.quarterly_rates(team_b_scope, Period(*YEAR))]
    assert active == [1, 1, 2, 2]
    # Caseloads at the year's end follow the open assignment: team B's, with coach B.
    assert metrics.staff_figures(team_b_scope, Period(*YEAR))["open_at_end"] == 2
    assert metrics.staff_figures(team_scope, Period(*YEAR))["open_at_end"] == 3  # c1, c2, c5
    coach_b_scope = Scope(team_ids=frozenset({team_b.pk}), label="", kind="coach", coach_id=coach_b.pk)
    assert metrics.client_figures(coach_b_scope, Period(*YEAR))["clients"] == 2
    # The fidelity caseload of team A for the first half-year counts the mover too.

    half = ReviewPeriod(team_id=team_a.pk, start=date(2025, 1, 1), end=date(2025, 6, 30))
    assert mover in caseload(half)
    assert mover not in caseload(ReviewPeriod(team_id=team_a.pk, start=date(2025, 7, 2), end=date(2025, 12, 31)))


def test_a_share_or_mean_from_a_small_count_is_hidden_with_the_count(outcomes, team_scope):
    figures = figures_for(team_scope, Period(*YEAR))
    with translation.override("en"):
        hidden = {row[0]: row for row in summary_rows(Shown(figures, suppressed=True))}
        shown = {row[0]: row for row in summary_rows(Shown(figures, suppressed=False))}
    employed = "Employed in total (competitive job)"
    assert shown[employed][1:3] == (2, Decimal("0.500"))
    assert hidden[employed][1:3] == (HIDDEN, HIDDEN)  # 2 of 4: the rate would give the count back
    assert shown["Mean satisfaction (1–10)"][3] == Decimal("8.5")
    assert hidden["Mean satisfaction (1–10)"][3] == HIDDEN  # two people's mean
    assert hidden["Share of community time"][2] == shown["Share of community time"][2]  # minutes, not people


@pytest.mark.django_db
def test_a_client_closed_on_the_first_day_of_a_quarter_counts_as_closed_in_that_quarter(team_a, coach_a, team_scope):
    client = ClientFactory(
        team=team_a, coach=coach_a, programme_entry=date(2025, 1, 15), assignment__started=date(2025, 1, 15)
    )
    services.client_close(
        client=client, closed_on=date(2025, 4, 1), outcome="education", reason="", satisfaction=None, by=coach_a
    )
    q1, q2 = Period(date(2025, 1, 1), date(2025, 3, 31)), Period(date(2025, 4, 1), date(2025, 6, 30))
    assert (metrics.client_figures(team_scope, q1)["closed"], metrics.client_figures(team_scope, q2)["closed"]) == (
        0,
        1,
    )
    rows = metrics.quarterly_rates(team_scope, Period(date(2025, 1, 1), date(2025, 6, 30)))
    assert [(row["active"], row["closed"]) for row in rows] == [(1, 0), (1, 1)]
