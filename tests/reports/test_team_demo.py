"""The demo's multi-professional team: Kykyviisari area scores before and after, and a team report with figures
for the team's lead."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse

from ips.models import KYKYVIISARI_AREA_FIELDS, Client, KykyviisariScore, User
from reports.metrics import Period, Scope, client_figures

TEAM = "Tampereen työkyvyn tuen tiimi"


@pytest.fixture
def seeded(settings, db):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=io.StringIO())


def test_the_demo_teams_clients_have_area_scores_before_and_after(seeded):
    clients = Client.objects.filter(team__name=TEAM)
    scores = KykyviisariScore.objects.filter(client__in=clients)
    assert scores.filter(kind="entry").count() == clients.count() == 6
    # Clients in the team for 60 days or more (four of six) are measured again.
    assert scores.filter(kind="follow_up").count() == 4
    for field in KYKYVIISARI_AREA_FIELDS:
        assert scores.filter(kind="follow_up", **{f"{field}__isnull": False}).count() == 4, field
    team = clients.first().team
    today = scores.latest("measured_on").measured_on
    figures = client_figures(Scope(frozenset({team.pk}), TEAM, "team"), Period(today.replace(month=1, day=1), today))
    work_study = next(row for row in figures["kykyviisari_areas"] if row["code"] == "work_study")
    # Work and study gains 2.5 for the first three; the fourth (seed 3) stays where it was.
    assert (work_study["clients"], work_study["improved"]) == (4, 3)


def test_the_teams_lead_reads_the_team_report_with_figures(seeded, client):
    lead = User.objects.get(username="pir.lead")
    client.force_login(lead)
    response = client.get(reverse("reports:team"))
    assert response.status_code == 200
    assert response.context["team"].name == TEAM
    assert response.context["plans"], "the demo's plans have overdue actions or reviews"
    assert reverse("reports:team") in client.get(reverse("reports:dashboard")).content.decode()
