"""One name, one number: the workbook's face-to-face employer contacts per FTE-week is fidelity item V6's value."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.utils import translation

from fidelity.indicators.work import v6_employer_contacts
from ips.models import Membership
from ips.periods import Period, TeamPeriod
from reports import workbook
from reports.metrics import Scope, rounded
from reports.metrics.figures import figures_for
from reports.metrics.suppression import Shown
from tests.employers.factories import EmployerFactory, bulk_contacts

HALF = Period(date(2025, 1, 1), date(2025, 6, 30))


@pytest.fixture
def half_time_team(team_a, coach_a):
    """Coach A at half time makes 39 face-to-face contacts in the half-year (26 weeks minus change)."""
    Membership.objects.filter(user=coach_a, team=team_a).update(fte=Decimal("0.50"))
    employer = EmployerFactory(organisation=team_a.organisation)
    bulk_contacts(
        ({"date": HALF.start + timedelta(days=4 * n), "face_to_face": n % 4 != 3} for n in range(45)),
        coach=coach_a,
        team=team_a,
        employer=employer,
    )
    return team_a


def test_the_workbook_and_v6_divide_by_fte_alike(half_time_team, team_a):
    v6 = v6_employer_contacts(TeamPeriod(team_id=team_a.pk, start=HALF.start, end=HALF.end))
    scope = Scope(team_ids=frozenset({team_a.pk}), label=team_a.name, kind="team")
    figures = figures_for(scope, HALF)
    # Hand computation: 34 face-to-face contacts / (0.5 FTE × 181 / 7 weeks) = 2.63.
    assert figures["face_to_face_contacts"] == 34
    assert v6.measured_value == Decimal("2.63")
    assert figures["contacts_per_fte_week"] == rounded(v6.measured_value) == Decimal("2.6")
    with translation.override("en"):
        row = {str(r[0]): r for r in workbook.summary_rows(Shown(figures))}
    assert row["Face-to-face employer contacts per FTE per week"][3] == Decimal("2.6")
    # Per coach it would have been half of this: the old workbook figure.
    assert figures["contacts_per_fte_week"] != rounded(Decimal(34) / (Decimal(181) / 7))
