"""Team members of any profession: they reach the team's clients and log their work, not the coaches' employer
work, and coach figures leave their minutes out."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ips.forms.admin import RoleForm
from ips.models import ActivityKind, Client, Coordinator, Membership, Profession, TimeEntry, User, plan_reviews_due
from tests.factories import ClientFactory, MembershipFactory, UserFactory, activity_kind
from tests.ips.test_today import _data

pytestmark = pytest.mark.django_db


def test_a_member_of_another_profession_opens_the_teams_client_without_the_jobs(nurse_a, client_a, as_user):
    response = as_user(nurse_a).get(reverse("ips:client_detail", args=[client_a.uuid]))
    assert response.status_code == 200
    assert client_a.full_name in response.content.decode()
    assert reverse("employers:client_jobs", args=[client_a.uuid]) not in response.content.decode()


def test_a_member_gets_404_for_a_client_of_another_team(nurse_a, team_b, as_user):
    other = ClientFactory(team=team_b)
    assert as_user(nurse_a).get(reverse("ips:client_detail", args=[other.uuid])).status_code == 404


def test_a_member_is_kept_out_of_the_employer_work(nurse_a, client_a, as_user):
    browser = as_user(nurse_a)
    assert browser.get(reverse("employers:client_jobs", args=[client_a.uuid])).status_code == 403
    assert browser.get(reverse("employers:employer_list")).status_code == 403


def test_a_member_sees_the_teams_caseload(nurse_a, client_a, as_user):
    response = as_user(nurse_a).get(reverse("ips:caseload"))
    assert response.status_code == 200
    assert client_a.code in response.content.decode()


def test_a_members_work_is_logged_but_not_counted_as_coach_work(nurse_a, client_a, as_user):
    browser = as_user(nurse_a)
    assert browser.get(reverse("ips:today")).status_code == 200
    response = browser.post(
        reverse("ips:entry_create"),
        _data(minutes="60", kind=activity_kind("assessment_visit").pk, setting="office", client=client_a.pk),
    )
    assert response.status_code == 302
    entry = TimeEntry.objects.get(coach=nurse_a)
    assert (entry.team_id, entry.client_id, entry.coach_work) == (client_a.team_id, client_a.pk, False)
    assert not TimeEntry.objects.coaches_work().filter(pk=entry.pk).exists()


def test_a_coachs_entry_counts_as_coach_work(coach_a, client_a, as_user):
    as_user(coach_a).post(
        reverse("ips:entry_create"),
        _data(minutes="30", kind=activity_kind("joint_visit").pk, setting="community", client=client_a.pk),
    )
    assert TimeEntry.objects.coaches_work().filter(coach=coach_a).count() == 1


def test_the_new_log_kinds_ship(db):
    codes = {"assessment_visit", "joint_visit", "consultation", "network_meeting", "benefits_counselling", "hand_over"}
    assert set(ActivityKind.objects.filter(code__in=codes).values_list("code", flat=True)) == codes


def test_professions_have_three_names_and_an_organisation_may_add_its_own(org_a, org_b):
    assert Profession.objects.filter(organisation__isnull=True).count() >= 10
    nurse = Profession.objects.get(code="nurse")
    assert (nurse.name_fi, nurse.name_sv, nurse.name_en) == ("Sairaanhoitaja", "Sjukskötare", "Nurse")
    own = Profession.objects.create(
        code="lua-peer",
        name_fi="Kokemusasiantuntija",
        name_sv="Erfarenhetsexpert",
        name_en="Peer expert",
        organisation=org_a,
    )
    assert own in Profession.objects.for_organisation(org_a.pk)
    assert own not in Profession.objects.for_organisation(org_b.pk)


def test_giving_the_member_role_needs_a_profession_of_the_organisation(org_admin, org_a, org_b, team_a):
    own = Profession.objects.create(code="lub-own", name_fi="Oma", name_sv="Egen", name_en="Own", organisation=org_b)
    data = {"role": "member", "team": team_a.pk, "started": timezone.localdate().isoformat()}
    person = UserFactory(organisation=org_a)
    form = RoleForm(data, user=org_admin, organisation=org_a, person=person)
    assert not form.is_valid() and "profession" in form.errors
    form = RoleForm({**data, "profession": own.pk}, user=org_admin, organisation=org_a, person=person)
    assert not form.is_valid() and "profession" in form.errors
    physio = Profession.objects.get(code="physiotherapist")
    form = RoleForm({**data, "profession": physio.pk}, user=org_admin, organisation=org_a, person=person)
    assert form.is_valid(), form.errors


def test_member_roles_give_client_teams_but_not_coach_teams(team_a):
    user = UserFactory()
    MembershipFactory(user=user, team=team_a, role=Membership.Role.MEMBER, fte=None)
    roles = type(user).objects.get(pk=user.pk).roles
    assert roles.client_team_ids == {team_a.pk} and roles.log_teams == {team_a.pk}
    assert not roles.team_ids and not roles.is_coach


def test_the_demo_has_a_multi_professional_team_of_six_professions(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=io.StringIO())
    members = Membership.objects.filter(team__name="Tampereen työkyvyn tuen tiimi", role=Membership.Role.MEMBER)
    assert members.values("profession").distinct().count() == 6
    clients = Client.objects.filter(team__name="Tampereen työkyvyn tuen tiimi")
    assert clients.count() == 6 and all(client.coordinators.exists() for client in clients)
    nurse = User.objects.get(username="pir.nurse")
    assert plan_reviews_due(nurse, days=30).exists() or Coordinator.objects.filter(user=nurse).exists()
