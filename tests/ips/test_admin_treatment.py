"""Treatment teams with dated coach memberships, and a client's treatment team moved from a date (item O1)."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from ips.models import ClientTreatmentTeam, TreatmentTeam, TreatmentTeamMembership

pytestmark = pytest.mark.django_db


@pytest.fixture
def treatment_teams(org_a):
    return [TreatmentTeam.objects.create(organisation=org_a, name=name) for name in ("Psykoosityöryhmä", "Nuoret")]


def test_a_coach_joins_and_leaves_a_treatment_team_with_dates(client, org_admin, coach_a, treatment_teams):
    client.force_login(org_admin)
    team = treatment_teams[0]
    joined = timezone.localdate() - timedelta(days=30)
    client.post(reverse("ips:treatment_member_add", kwargs={"pk": team.pk}), {"person": coach_a.pk, "started": joined})
    membership = TreatmentTeamMembership.objects.get(user=coach_a)
    assert membership.started == joined
    assert list(team.coaches.all()) == [coach_a]  # in force today: what O1 reads
    client.post(reverse("ips:treatment_member_end", kwargs={"pk": membership.pk}), {"ended": timezone.localdate()})
    membership.refresh_from_db()
    assert membership.ended == timezone.localdate()
    assert not team.coaches.exists()
    assert TreatmentTeamMembership.objects.in_force(joined).filter(pk=membership.pk).exists()


def test_a_clients_treatment_team_is_moved_from_a_date_and_kept_as_history(
    client, org_admin, client_a, treatment_teams
):
    client.force_login(org_admin)
    url = reverse("ips:client_treatment_team") + f"?code={client_a.code}"
    first, second = treatment_teams
    start, move = date(2025, 1, 1), timezone.localdate()
    client.post(url, {"treatment_team": first.pk, "on": start.isoformat()})
    response = client.post(url, {"treatment_team": second.pk, "on": move.isoformat()})
    assert response.status_code == 302
    spans = list(ClientTreatmentTeam.objects.filter(client=client_a).order_by("started"))
    assert [(s.treatment_team, s.started, s.ended) for s in spans] == [(first, start, move), (second, move, None)]
    client_a.refresh_from_db()
    assert client_a.treatment_team == second
    assert ClientTreatmentTeam.objects.in_force(move - timedelta(days=1)).get(client=client_a).treatment_team == first
    # The organisation admin saw the client's code: an access row, as for the audit-log page.
    assert LogEntry.objects.filter(
        actor=org_admin, action=LogEntry.Action.ACCESS, additional_data__client=str(client_a.uuid)
    ).exists()
    assert client_a.first_name not in client.get(url).content.decode()


def test_another_organisations_client_and_treatment_teams_are_not_found(
    client, org_admin_b, client_a, coach_a, treatment_teams
):
    client.force_login(org_admin_b)
    response = client.post(
        reverse("ips:client_treatment_team") + f"?code={client_a.code}", {"treatment_team": treatment_teams[0].pk}
    )
    assert response.status_code == 200 and response.context["client"] is None
    add = reverse("ips:treatment_member_add", kwargs={"pk": treatment_teams[0].pk})
    assert client.post(add, {"person": coach_a.pk, "started": "2026-01-01"}).status_code == 404
    assert not ClientTreatmentTeam.objects.exists() and not TreatmentTeamMembership.objects.exists()
