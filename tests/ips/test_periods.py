"""The span rule of ips/periods.py (an end date is the first day no longer covered), the backfill of assignments,
and the small date and share helpers."""

import importlib
from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from django.apps import apps

from ips import services
from ips.models import Client, ClientAssignment
from ips.periods import (
    Period,
    add_months,
    days_covered,
    overlapping,
    percent,
    percent_step,
    ratio,
    span_overlaps,
    week_days,
    week_of,
    whole_percent,
)
from tests.factories import ClientFactory

PERIOD = Period(date(2025, 3, 10), date(2025, 3, 20))

# (started, ended, overlaps PERIOD): the boundary cases of the rule.
SPANS = [
    (date(2025, 1, 1), date(2025, 3, 9), False),  # ends the day before the period
    (date(2025, 1, 1), date(2025, 3, 10), False),  # ends on its first day: that day is the next span's
    (date(2025, 1, 1), date(2025, 3, 11), True),  # covers its first day
    (date(2025, 3, 20), None, True),  # starts on its last day
    (date(2025, 3, 21), None, False),  # starts the day after
    (date(2024, 1, 1), None, True),  # open-ended, from long before
    (date(2025, 3, 10), date(2025, 3, 10), True),  # ends the day it starts: still covers that day
    (date(2025, 3, 9), date(2025, 3, 9), False),  # the same, the day before
]


@pytest.mark.django_db
def test_a_span_overlaps_a_period_by_the_same_rule_in_sql_and_in_python(team_a):
    made = {}
    for index, (started, ended, _expected) in enumerate(SPANS):
        client = ClientFactory(team=team_a, assignment=False)
        ClientAssignment.objects.create(client=client, team=team_a, started=started, ended=ended)
        made[client.pk] = index
    found = ClientAssignment.objects.filter(overlapping(PERIOD.start, PERIOD.end)).values_list("client", flat=True)
    assert sorted(made[pk] for pk in found) == [index for index, (*_span, expected) in enumerate(SPANS) if expected]
    assert [span_overlaps(started, ended, PERIOD) for started, ended, _expected in SPANS] == [
        expected for *_span, expected in SPANS
    ]


def test_a_job_still_runs_on_its_end_date():
    assert span_overlaps(date(2025, 1, 1), date(2025, 3, 10), PERIOD, last_day=True)
    assert not span_overlaps(date(2025, 1, 1), date(2025, 3, 9), PERIOD, last_day=True)
    assert span_overlaps(None, date(2025, 3, 11), PERIOD)  # no start date: covered every day up to its end


@pytest.mark.django_db
def test_the_handover_day_belongs_to_the_new_team_only(team_a, team_b, coach_a, coach_b):
    client = ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2025, 1, 2))
    services.client_assign(client=client, team=team_b, coach=coach_b, on=date(2025, 3, 10))
    handover = date(2025, 3, 10)
    assert list(Client.objects.served_by([team_a.pk], handover, handover)) == []
    assert list(Client.objects.served_by([team_b.pk], handover, handover)) == [client]
    day_before = date(2025, 3, 9)
    assert list(Client.objects.served_by([team_a.pk], day_before, day_before)) == [client]
    assert list(Client.objects.served_by([team_b.pk], day_before, day_before)) == []


@pytest.mark.django_db
def test_the_backfill_gives_clients_without_assignments_the_span_of_their_programme(team_a, coach_a):
    backfill = importlib.import_module("ips.migrations.0005_backfill_assignments").backfill
    open_client = ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2024, 5, 1), assignment=False)
    closed = ClientFactory(
        team=team_a,
        programme_entry=date(2024, 2, 1),
        stage="closed",
        closed_on=date(2024, 9, 30),
        assignment=False,
    )
    kept = ClientFactory(team=team_a, programme_entry=date(2024, 1, 1), assignment__started=date(2024, 3, 1))
    # Closed before the rule: its assignment ended on the closing day, which is still a day of service.
    closed_before = ClientFactory(
        team=team_a,
        programme_entry=date(2024, 1, 1),
        stage="closed",
        closed_on=date(2024, 6, 30),
        assignment__started=date(2024, 1, 1),
        assignment__ended=date(2024, 6, 30),
    )
    backfill(apps, None)
    spans = {
        row[0]: row[1:] for row in ClientAssignment.objects.values_list("client", "team", "coach", "started", "ended")
    }
    assert spans == {
        open_client.pk: (team_a.pk, coach_a.pk, date(2024, 5, 1), None),
        closed.pk: (team_a.pk, None, date(2024, 2, 1), date(2024, 10, 1)),
        kept.pk: (team_a.pk, None, date(2024, 3, 1), None),
        closed_before.pk: (team_a.pk, None, date(2024, 1, 1), date(2024, 7, 1)),
    }


def test_period_days_weeks_quarters_and_label():
    assert (PERIOD.days, PERIOD.weeks) == (11, Fraction(11, 7))
    assert date(2025, 3, 20) in PERIOD and date(2025, 3, 21) not in PERIOD and None not in PERIOD
    quarters = Period(date(2025, 2, 15), date(2025, 7, 1)).quarters()
    assert [(q.start, q.end) for q in quarters] == [
        (date(2025, 2, 15), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 7, 1)),
    ]
    assert [q.label for q in quarters] == ["15.2.2025–31.3.2025", "2025 Q2", "1.7.2025–1.7.2025"]


def test_months_clamp_to_the_months_last_day_both_ways():
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2025, 3, 31), -1) == date(2025, 2, 28)
    assert add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


def test_a_week_runs_from_monday_to_sunday():
    sunday = date(2025, 3, 16)
    assert week_of(sunday) == (date(2025, 3, 10), sunday)
    assert week_days(date(2025, 3, 10)) == [date(2025, 3, day) for day in range(10, 17)]


def test_shares_without_a_whole_are_none_or_zero_and_otherwise_round_as_documented():
    assert percent(1, 3) == Fraction(100, 3)
    assert (ratio(1, 3), ratio(2, 3, "0.1"), ratio(1, 0), ratio(None, 3)) == (
        Decimal("0.333"),
        Decimal("0.7"),
        None,
        None,
    )
    assert (whole_percent(1, 3), whole_percent(2, 3), whole_percent(1, 0)) == (33, 67, None)
    assert (percent_step(1, 3), percent_step(7, 5), percent_step(None, 4), percent_step(3, 0)) == (35, 100, 0, 0)


@pytest.mark.parametrize(
    ("began", "ended", "days"),
    [
        (None, None, 28),  # open at both ends: the whole period
        (date(2024, 6, 1), date(2025, 1, 15), 14),  # ends on the 15th: the 15th is no longer covered
        (date(2025, 1, 15), None, 14),
        (date(2025, 1, 10), date(2025, 1, 10), 1),  # ended the day it began: that day is covered
        (date(2025, 1, 28), date(2025, 3, 1), 1),  # the period's last day
        (date(2024, 1, 1), date(2025, 1, 1), 0),  # ended on the first day: not covered
    ],
)
def test_days_covered_follows_the_span_rule(began, ended, days):
    assert days_covered(began, ended, Period(date(2025, 1, 1), date(2025, 1, 28))) == days
