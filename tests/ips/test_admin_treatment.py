"""Treatment teams with dated coach memberships, and a client's treatment team moved from a date (item O1)."""

from datetime import date, timedelta

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from ips.models import ClientTreatmentTeam, Membership, TreatmentTeam, TreatmentTeamMembership
from tests.factories import MembershipFactory, TeamFactory, UserFactory

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


def _client_form(client_a, team_a, treatment_team):
    return {
        "first_name": client_a.first_name,
        "last_name": client_a.last_name,
        "team": team_a.pk,
        "coach": client_a.coach_id,
        "gender": "male",
        "language": "fi",
        "treatment_team": treatment_team.pk if treatment_team else "",
    }


def test_a_treatment_team_chosen_on_the_client_form_is_a_dated_span_from_today(
    client, coach_a, client_a, team_a, treatment_teams
):
    """The coach's client form writes the same dated history as the admin's move, so O1 sees it."""
    first, second = treatment_teams
    start, today = date(2025, 1, 1), timezone.localdate()
    ClientTreatmentTeam.objects.create(client=client_a, treatment_team=first, started=start)
    client_a.treatment_team = first
    client_a.save()
    client.force_login(coach_a)
    url = reverse("ips:client_edit", kwargs={"uuid": client_a.uuid})
    assert client.post(url, _client_form(client_a, team_a, second)).status_code == 302
    spans = ClientTreatmentTeam.objects.filter(client=client_a).order_by("started")
    assert [(s.treatment_team, s.started, s.ended) for s in spans] == [(first, start, today), (second, today, None)]
    client_a.refresh_from_db()
    assert client_a.treatment_team == second
    # Saving the form again with the same team changes nothing; clearing it ends the span without a new one.
    assert client.post(url, _client_form(client_a, team_a, second)).status_code == 302
    assert ClientTreatmentTeam.objects.filter(client=client_a).count() == 2
    assert client.post(url, _client_form(client_a, team_a, None)).status_code == 302
    assert [(s.treatment_team, s.ended) for s in ClientTreatmentTeam.objects.filter(client=client_a)] == [
        (first, today)
    ]
    client_a.refresh_from_db()
    assert client_a.treatment_team is None


def test_the_client_form_does_not_undercut_a_move_set_for_a_later_day(
    client, org_admin, coach_a, client_a, team_a, treatment_teams
):
    first, second = treatment_teams
    later = timezone.localdate() + timedelta(days=7)
    client.force_login(org_admin)
    moved = client.post(
        reverse("ips:client_treatment_team") + f"?code={client_a.code}", {"treatment_team": first.pk, "on": later}
    )
    assert moved.status_code == 302
    client.force_login(coach_a)
    response = client.post(
        reverse("ips:client_edit", kwargs={"uuid": client_a.uuid}), _client_form(client_a, team_a, second)
    )
    assert response.status_code == 200 and response.context["form"].has_error("treatment_team")
    assert [(s.treatment_team, s.started) for s in ClientTreatmentTeam.objects.filter(client=client_a)] == [
        (first, later)
    ]


def test_another_organisations_rows_are_no_choice_in_the_admins_forms(
    client, org_admin, org_b, client_a, coach_a, team_a, treatment_teams
):
    """An id of organisation B posted to organisation A's admin forms is refused as an invalid choice."""
    foreign_team = TeamFactory(organisation=org_b)
    foreign_person = UserFactory(organisation=org_b)
    MembershipFactory(user=foreign_person, team=foreign_team)
    foreign_treatment = TreatmentTeam.objects.create(organisation=org_b, name="Toinen")
    client.force_login(org_admin)
    role = client.post(
        reverse("ips:role_give", kwargs={"pk": coach_a.pk}),
        {"role": "coach", "team": foreign_team.pk, "fte": "0.5", "started": "2026-01-01"},
    )
    assert role.status_code == 200 and role.context["form"].has_error("team")
    member = client.post(
        reverse("ips:treatment_member_add", kwargs={"pk": treatment_teams[0].pk}),
        {"person": foreign_person.pk, "started": "2026-01-01"},
    )
    assert member.status_code == 200 and member.context["form"].has_error("person")
    move = client.post(
        reverse("ips:client_treatment_team") + f"?code={client_a.code}",
        {"treatment_team": foreign_treatment.pk, "on": "2026-01-01"},
    )
    assert move.status_code == 200 and move.context["move"].has_error("treatment_team")
    assert not Membership.objects.filter(team=foreign_team, user=coach_a).exists()
    assert not TreatmentTeamMembership.objects.exists() and not ClientTreatmentTeam.objects.exists()


def test_a_coach_already_in_a_treatment_team_is_not_added_again(client, org_admin, coach_a, treatment_teams):
    team = treatment_teams[0]
    TreatmentTeamMembership.objects.create(treatment_team=team, user=coach_a, started=date(2026, 1, 1))
    client.force_login(org_admin)
    url = reverse("ips:treatment_member_add", kwargs={"pk": team.pk})
    response = client.post(url, {"person": coach_a.pk, "started": "2026-02-01"}, HTTP_ACCEPT_LANGUAGE="fi")
    errors = response.context["form"].errors
    assert response.status_code == 200 and list(errors) == ["person"] and "1.1.2026" in errors["person"][0]
    assert TreatmentTeamMembership.objects.filter(user=coach_a).count() == 1


def test_a_coach_who_left_a_treatment_team_may_join_it_again_from_the_day_they_left(
    client, org_admin, coach_a, treatment_teams
):
    team = treatment_teams[0]
    TreatmentTeamMembership.objects.create(
        treatment_team=team, user=coach_a, started=date(2025, 1, 1), ended=date(2025, 6, 1)
    )
    client.force_login(org_admin)
    url = reverse("ips:treatment_member_add", kwargs={"pk": team.pk})
    refused = client.post(url, {"person": coach_a.pk, "started": "2025-05-01"})
    assert list(refused.context["form"].errors) == ["person"]
    assert client.post(url, {"person": coach_a.pk, "started": "2025-06-01"}).status_code == 302
    assert TreatmentTeamMembership.objects.filter(user=coach_a).count() == 2


def test_a_treatment_team_name_taken_in_the_organisation_is_refused_next_to_the_name(
    client, org_admin, org_a, treatment_teams
):
    client.force_login(org_admin)
    url = reverse("ips:treatment_team_create")
    for language in ("fi", "sv", "en"):
        response = client.post(url, {"organisation": org_a.pk, "name": "nuoret"}, HTTP_ACCEPT_LANGUAGE=language)
        form = response.context["form"]
        assert list(form.errors) == ["name"]
        with translation.override(language):
            assert form.errors["name"] == [gettext("The organisation already has a treatment team of this name.")]
    assert TreatmentTeam.objects.filter(organisation=org_a).count() == 2
