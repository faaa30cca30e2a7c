"""Kykyviisari by area in the reports, against arithmetic done by hand.

Team A in 2025, physical functioning (first, latest up to 31.12.2025):
  p1 4 → 9 → 6 (the middle one does not count; a 10 in 2026 is after the period) · p2 5 → 5 · p3 3 → 7
  p4 6 → 7 · p5 2 → 5 · p6 5 → 8
  six clients; before (4+5+3+6+2+5)/6 = 25/6 = 4.17 → 4.2; after (6+5+7+7+5+8)/6 = 38/6 = 6.33 → 6.3;
  improved p1, p3, p4, p5, p6: 5 of 6 = 0.833.
Mental wellbeing: p1 3 → 4, p2 6 → 5: two clients, before 4.5, after 4.5, one improved (0.5) — hidden when
suppressed (counts of 1–4). Thinking and learning: p3 measured once: no client. Team B's client and a client of
team A closed in 2024 do not count.
"""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from ips.models import KykyviisariScore
from reports import metrics
from reports.metrics import Period, Scope
from reports.metrics.figures import figures_for
from reports.metrics.suppression import HIDDEN, Shown
from tests.factories import ClientFactory, closed_client

YEAR = Period(date(2025, 1, 1), date(2025, 12, 31))


def measure(client, day, **areas):
    return KykyviisariScore.objects.create(
        client=client,
        measured_on=day,
        score=Decimal("5"),
        **{f"area_{code}": Decimal(str(value)) for code, value in areas.items()},
    )


@pytest.fixture
def measured(team_a, team_b, coach_a, coach_b):
    clients = [ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2024, 6, 1)) for _ in range(6)]
    p1, p2, p3, p4, p5, p6 = clients
    measure(p1, date(2024, 6, 5), physical=4, mental=3)
    measure(p1, date(2024, 12, 1), physical=9)
    measure(p1, date(2025, 3, 1), physical=6, mental=4)
    measure(p1, date(2026, 1, 10), physical=10)
    measure(p2, date(2024, 7, 1), physical=5, mental=6)
    measure(p2, date(2025, 6, 1), physical=5, mental=5)
    measure(p3, date(2024, 8, 1), physical=3, cognitive=7)
    measure(p3, date(2025, 8, 1), physical=7)
    for client, before, after in ((p4, 6, 7), (p5, 2, 5), (p6, 5, 8)):
        measure(client, date(2025, 1, 10), physical=before)
        measure(client, date(2025, 9, 10), physical=after)
    outsider = ClientFactory(team=team_b, coach=coach_b, programme_entry=date(2024, 6, 1))
    measure(outsider, date(2025, 1, 10), physical=1)
    measure(outsider, date(2025, 9, 10), physical=9)
    gone = closed_client(team_a, coach_a, date(2024, 11, 30))
    measure(gone, date(2024, 5, 10), physical=1)
    measure(gone, date(2024, 11, 10), physical=9)
    return clients


@pytest.fixture
def team_scope(team_a):
    return Scope(team_ids=frozenset({team_a.pk}), label=team_a.name, kind="team")


def test_it_gives_each_areas_means_before_and_after_and_the_share_improved(measured, team_scope):
    areas = {row["code"]: row for row in metrics.client_figures(team_scope, YEAR)["kykyviisari_areas"]}
    assert list(areas) == ["physical", "mental", "cognitive", "social", "daily_life", "work_study", "environment"]
    assert areas["physical"] == {
        "code": "physical",
        "clients": 6,
        "improved": 5,
        "before": Decimal("4.2"),
        "after": Decimal("6.3"),
        "improved_share": Decimal("0.833"),
    }
    assert areas["mental"]["clients"] == 2
    assert (areas["mental"]["before"], areas["mental"]["after"]) == (Decimal("4.5"), Decimal("4.5"))
    assert (areas["mental"]["improved"], areas["mental"]["improved_share"]) == (1, Decimal("0.500"))
    assert areas["cognitive"] == {
        "code": "cognitive",
        "clients": 0,
        "improved": 0,
        "before": None,
        "after": None,
        "improved_share": None,
    }


def test_a_period_ending_earlier_takes_the_latest_measurement_by_its_end(measured, team_scope):
    # Up to 31.12.2024: p1 4 → 9 and the client closed on 30.11.2024 (active then) 1 → 9; p2 and p3 measured
    # once, the others not yet: before (4+1)/2 = 2.5, after 9.0, both improved.
    areas = metrics.client_figures(team_scope, Period(date(2024, 7, 1), date(2024, 12, 31)))["kykyviisari_areas"]
    physical = areas[0]
    assert (physical["clients"], physical["improved"], physical["before"], physical["after"]) == (
        2,
        2,
        Decimal("2.5"),
        Decimal("9.0"),
    )


def test_two_measurements_on_one_day_are_taken_in_the_order_recorded(team_a, coach_a, team_scope):
    # Social: 6 then 3 on 1.3.2025, 5 on 1.2.2025 → before 5, after 3 (the later of the two made that day).
    # Work and study: 4 then 8 on one day and nothing else → before 4, after 8, improved.
    client = ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2024, 6, 1))
    measure(client, date(2025, 3, 1), social=6, work_study=4)
    measure(client, date(2025, 3, 1), social=3, work_study=8)
    measure(client, date(2025, 2, 1), social=5)
    areas = {row["code"]: row for row in metrics.client_figures(team_scope, YEAR)["kykyviisari_areas"]}
    assert (areas["social"]["before"], areas["social"]["after"], areas["social"]["improved"]) == (
        Decimal("5.0"),
        Decimal("3.0"),
        0,
    )
    assert (areas["work_study"]["before"], areas["work_study"]["after"], areas["work_study"]["improved"]) == (
        Decimal("4.0"),
        Decimal("8.0"),
        1,
    )


def test_small_counts_of_an_area_are_hidden_with_their_means(measured, team_scope):
    shown = {row["code"]: row for row in Shown(figures_for(team_scope, YEAR)).kykyviisari_areas()}
    assert shown["physical"]["clients"] == 6
    assert shown["physical"]["before"] == Decimal("4.2")
    # Five improved is shown; so is the share.
    assert shown["physical"]["improved_share"] == Decimal("0.833")
    assert shown["mental"]["clients"] == HIDDEN
    assert shown["mental"]["before"] == HIDDEN
    assert shown["mental"]["after"] == HIDDEN
    assert shown["mental"]["improved"] == HIDDEN
    assert shown["mental"]["improved_share"] == HIDDEN
    # Nobody measured twice: 0 and no mean, nothing to hide.
    assert shown["cognitive"]["clients"] == 0
    assert shown["cognitive"]["before"] is None


def test_the_dashboard_shows_the_areas_to_the_supervisor(measured, as_user, supervisor_a, team_a):
    response = as_user(supervisor_a).get(
        reverse("reports:dashboard"), {"scope": f"team:{team_a.uuid}", "start": "2025-01-01", "end": "2025-12-31"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="kykyviisari-title"' in page
    # The supervisor reads Finnish.
    physical = next(row for row in response.context["kykyviisari_areas"] if row["code"] == "physical")
    assert (physical["name"], physical["clients"], physical["after"]) == ("Fyysinen toimintakyky", 6, Decimal("6.3"))
    assert "<td>83 %</td>" in page
