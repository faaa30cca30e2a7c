"""Where the time figures come from: the teams' DailyMinutes for team and organisation scopes, the entries for one
coach's own figures (the summary has no coach). The hand-computed figures themselves are in test_metrics.py."""

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import F

from ips.models import DailyMinutes
from reports.metrics import Period, Scope, time_figures
from tests.factories import TimeEntryFactory, activity_kind

pytestmark = pytest.mark.django_db
PERIOD = Period(date(2025, 1, 1), date(2025, 6, 30))


def test_team_and_organisation_figures_read_the_summary_and_a_coachs_own_read_the_log(coach_a, coach_b, team_a, team_b):
    TimeEntryFactory(coach=coach_a, team=team_a, date=date(2025, 2, 3), minutes=90, setting="community")
    TimeEntryFactory(coach=coach_a, team=team_a, date=date(2025, 2, 3), minutes=30, setting="office")
    TimeEntryFactory(coach=coach_b, team=team_b, date=date(2025, 5, 5), minutes=60, kind=activity_kind("job_search"))
    organisation = Scope(frozenset({team_a.pk, team_b.pk}), "A", "organisation")
    coach = Scope(frozenset({team_a.pk}), "coach", "coach", coach_id=coach_a.pk)
    figures = time_figures(organisation, PERIOD)
    assert figures["support_hours"] == Decimal("3.0")
    assert figures["community_share"] == Decimal("0.5")
    assert figures["hours_by_quarter"] == [Decimal("2.0"), Decimal("1.0")]
    assert time_figures(coach, PERIOD)["support_hours"] == Decimal("2.0")

    DailyMinutes.objects.update(minutes=F("minutes") * 2)
    assert time_figures(organisation, PERIOD)["support_hours"] == Decimal("6.0")
    assert time_figures(coach, PERIOD)["support_hours"] == Decimal("2.0")
    call_command("rebuild_daily_minutes", stdout=io.StringIO())
    assert time_figures(organisation, PERIOD) == figures
