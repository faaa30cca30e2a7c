"""Every ESF+ common indicator (Regulation (EU) 2021/1057, Annex I) against a hand count, in the figures, the
workbook's ESF+ sheet and with suppression on; and the satisfaction survey's latest answer per client.

Team A in 2025: e1, e2 and e3 enter; e3 and e4 leave, and so does f3; f1 and f2 left in the second half of 2024,
so their six-month follow-ups fall due in 2025 as e4's does (f1's is recorded, employed); f4's fell due in 2024;
x1 is team B's.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from ips.models import SatisfactionAnswer, Stage
from reports import metrics
from reports.metrics import Period, Scope
from reports.metrics.figures import figures_for
from reports.metrics.suppression import HIDDEN, Shown
from reports.workbook import participant_rows
from tests.factories import entrant

pytestmark = pytest.mark.django_db
YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))


def _closed(team, coach, entry, closed_on, **fields):
    return entrant(team, coach, entry, stage=Stage.CLOSED, closed_on=closed_on, **fields)


@pytest.fixture
def esf(team_a, team_b, coach_a, coach_b):
    e1 = entrant(
        team_a,
        coach_a,
        date(2025, 3, 1),
        birth_year=2000,
        gender="female",
        labour_market_status="unemployed",
        education_level="isced_0_2",
        disability="yes",
        third_country_national="yes",
        rural_area="no",
    )
    e2 = entrant(
        team_a,
        coach_a,
        date(2025, 5, 1),
        birth_year_declined=True,
        gender="declined",
        labour_market_status="long_term_unemployed",
        education_level="declined",
        disability="declined",
        homeless="yes",
    )
    e3 = _closed(
        team_a,
        coach_a,
        date(2025, 7, 1),
        date(2025, 10, 1),
        birth_year=1965,
        gender="male",
        labour_market_status="student",
        education_level="isced_5_8",
        foreign_background="yes",
        minority="no",
        outcome="education",
        exit_job_searching=True,
        exit_qualification=True,
    )
    e4 = _closed(team_a, coach_a, date(2024, 1, 1), date(2025, 2, 1), outcome="open_market_job")
    f1 = _closed(team_a, coach_a, date(2024, 1, 1), date(2024, 9, 15), followup_result="employed")
    f2 = _closed(team_a, coach_a, date(2024, 1, 1), date(2024, 12, 31))
    f3 = _closed(team_a, coach_a, date(2024, 1, 1), date(2025, 8, 1), outcome="other_services", exit_employed=True)
    _closed(team_a, coach_a, date(2023, 1, 1), date(2024, 5, 1), followup_result="employed")  # f4
    entrant(team_b, coach_b, date(2025, 3, 1), disability="yes")  # x1
    return {"e1": e1, "e2": e2, "e3": e3, "e4": e4, "f1": f1, "f2": f2, "f3": f3}


@pytest.fixture
def team_scope(team_a):
    return Scope(team_ids=frozenset({team_a.pk}), label=team_a.name, kind="team")


def test_every_esf_indicator_is_the_hand_count(esf, team_scope):
    figures = metrics.participant_figures(team_scope, YEAR)
    assert figures["entrants"] == 3
    assert figures["gender"] == {"female": 1, "declined": 1, "male": 1}
    assert figures["age_band"] == {"under_30": 1, "declined": 1, "55_plus": 1}
    assert figures["labour_market_status"] == {"unemployed": 1, "long_term_unemployed": 1, "student": 1}
    assert figures["education_level"] == {"isced_0_2": 1, "declined": 1, "isced_5_8": 1}
    assert figures["disability"] == {"yes": 1, "declined": 1, "unknown": 1}
    assert figures["third_country_national"] == {"yes": 1, "unknown": 2}
    assert figures["foreign_background"] == {"yes": 1, "unknown": 2}
    assert figures["minority"] == {"no": 1, "unknown": 2}
    assert figures["homeless"] == {"yes": 1, "unknown": 2}
    assert figures["rural_area"] == {"no": 1, "unknown": 2}
    # Leavers: e3 (education, job searching, qualification), e4 (open-market job), f3 (employed upon leaving).
    assert figures["leavers"] == 3
    assert (figures["in_employment_at_exit"], figures["in_education_at_exit"]) == (2, 1)
    assert (figures["job_searching_at_exit"], figures["qualification_at_exit"]) == (1, 1)
    # Six months after leaving: f1, f2 and e4 (left in February) fall due in 2025; f1 is recorded, employed.
    assert (figures["followup_due"], figures["followup_recorded"], figures["employed_six_months"]) == (3, 1, 1)


def test_the_esf_sheet_shows_the_groups_of_annex_one(esf, team_scope):
    with translation.override("en"):
        shown = participant_rows(Shown(figures_for(team_scope, YEAR), suppressed=False))
        rows = {(str(indicator), str(category)): value for indicator, category, value in shown}
    status = "Labour-market status at entry (ESF+)"
    assert rows[(status, "Unemployed, including long-term unemployed")] == 2
    assert rows[(status, "Long-term unemployed")] == 1
    assert rows[(status, "Inactive")] == 1  # the student
    assert rows[(status, "Employed, including self-employed")] == 0
    assert rows[("Age band at entry", "Does not want to say")] == 1
    assert rows[("Participant with a disability", "Does not want to say")] == 1
    assert rows[("Results upon leaving", "Gained a qualification")] == 1
    assert rows[("Six months after leaving", "In employment, including self-employment")] == 1


def test_suppression_hides_the_small_esf_counts_and_what_gives_them_back(esf, team_scope):
    shown = Shown(figures_for(team_scope, YEAR), suppressed=True)
    values = [value for _indicator, _category, value in participant_rows(shown)]
    assert all(value == HIDDEN or value == 0 for value in values)  # every count here is 1-4, or 0
    assert HIDDEN in values


def test_the_esf_figures_of_a_scope_leave_out_another_teams_clients(esf, team_b):
    scope = Scope(team_ids=frozenset({team_b.pk}), label="B", kind="team")
    figures = metrics.participant_figures(scope, YEAR)
    assert (figures["entrants"], figures["disability"], figures["followup_due"]) == (1, {"yes": 1}, 0)


def test_satisfaction_is_the_mean_of_each_clients_latest_answer_in_the_period(esf, team_scope):
    answers = [
        (esf["e1"], date(2025, 4, 1), 4),
        (esf["e1"], date(2025, 11, 1), 9),  # e1's latest in 2025
        (esf["e2"], date(2025, 6, 1), 6),
        (esf["e2"], date(2026, 1, 2), 10),  # after the period
        (esf["e3"], date(2024, 12, 1), 1),  # before the period (and before e3's entry)
    ]
    for client, day, score in answers:
        SatisfactionAnswer.objects.create(client=client, answered_on=day, score=score)
    figures = metrics.client_figures(team_scope, YEAR)
    assert (figures["satisfaction"], figures["satisfaction_count"]) == (Decimal("7.5"), 2)
