"""Services as dated periods, and the funder workbook counting IPS clients by those dates (hand-computed)."""

import uuid
from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.models import ServicePeriod, ServiceType
from ips.periods import Period
from ips.services import client_close
from ips.support_services import service_change
from reports.metrics.clients import client_figures
from reports.metrics.scope import Scope
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def _scope(team):
    return Scope(team_ids=frozenset({team.pk}), label=team.name, kind="team")


def test_a_client_moved_from_assessment_to_ips_mid_year_counts_as_ips_only_from_the_move(team_a, coach_a):
    # Assessment only from 1 Jan, IPS coaching from 1 Apr 2025 (the assessment period ends that day).
    moved = ClientFactory(
        team=team_a,
        coach=coach_a,
        programme_entry=date(2025, 1, 1),
        service_type=ServiceType.ASSESSMENT,
        service_period=False,
    )
    ServicePeriod.objects.create(client=moved, service=ServiceType.ASSESSMENT, started=date(2025, 1, 1))
    service_change(client=moved, services=[ServiceType.IPS], on=date(2025, 4, 1))
    # IPS throughout, and assessment only throughout: the two clients around it.
    ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2025, 1, 1), service_type=ServiceType.IPS)
    ClientFactory(team=team_a, coach=coach_a, programme_entry=date(2025, 1, 1), service_type=ServiceType.ASSESSMENT)
    scope = _scope(team_a)
    q1 = client_figures(scope, Period(date(2025, 1, 1), date(2025, 3, 31)))
    q2 = client_figures(scope, Period(date(2025, 4, 1), date(2025, 6, 30)))
    year = client_figures(scope, Period(date(2025, 1, 1), date(2025, 12, 31)))
    # Hand-computed: Q1 IPS = the IPS client only (1 of 3); Q2 = both the IPS client and the moved one (2 of 3);
    # the whole year: the moved client was in IPS for part of it, so 2 of 3.
    assert (q1["clients"], q1["ips_clients"]) == (3, 1)
    assert (q2["clients"], q2["ips_clients"]) == (3, 2)
    assert (year["clients"], year["ips_clients"]) == (3, 2)
    assert list(
        ServicePeriod.objects.filter(client=moved).order_by("started").values_list("service", "started", "ended")
    ) == [
        (ServiceType.ASSESSMENT, date(2025, 1, 1), date(2025, 4, 1)),
        (ServiceType.IPS, date(2025, 4, 1), None),
    ]


def test_both_services_at_once_are_two_overlapping_periods(coach_a, client_a, as_user):
    today = timezone.localdate()
    ServicePeriod.objects.filter(client=client_a).update(started=today.replace(day=1) if today.day > 1 else today)
    response = as_user(coach_a).post(
        reverse("ips:service_edit", args=[client_a.uuid]),
        {"service": "both", "on": today.isoformat(), "submission_id": str(uuid.uuid4())},
    )
    assert response.status_code == 302
    open_services = set(
        ServicePeriod.objects.filter(client=client_a, ended__isnull=True).values_list("service", flat=True)
    )
    assert open_services == {ServiceType.IPS, ServiceType.ASSESSMENT}


def test_closing_the_client_ends_the_service_periods(coach_a, client_a):
    client_close(
        client=client_a, closed_on=timezone.localdate(), outcome="education", reason="", satisfaction=None, by=coach_a
    )
    assert not ServicePeriod.objects.filter(client=client_a, ended__isnull=True).exists()


def test_an_outsider_gets_404_on_the_service_page(coach_b, client_a, as_user):
    assert as_user(coach_b).get(reverse("ips:service_edit", args=[client_a.uuid])).status_code == 404
