"""Organisation administration: people, invitations, roles and FTE shares, deactivation, and who may do it."""

import re
from datetime import date, timedelta
from decimal import Decimal

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from ips.models import Membership, Profession, TreatmentTeam, TreatmentTeamMembership, User
from ips.staff import person_invite
from tests.factories import PASSWORD, MembershipFactory, TeamFactory, UserFactory

pytestmark = pytest.mark.django_db


def _add(client, org_admin, **extra):
    client.force_login(org_admin)
    data = {
        "first_name": "Saara",
        "last_name": "Suominen",
        "email": "Saara.Suominen@example.fi",
        "language": "sv",
        "profession": "Sosionomi",
        "organisation": org_admin.roles.admin_orgs and next(iter(org_admin.roles.admin_orgs)),
        **extra,
    }
    return client.post(reverse("ips:person_create"), data)


def test_an_org_admin_adds_a_person_who_cannot_sign_in_until_invited(client, org_admin, org_a):
    response = _add(client, org_admin)
    person = User.objects.get(email="saara.suominen@example.fi")
    assert response.url == reverse("ips:person_detail", kwargs={"pk": person.pk})
    assert (person.organisation, person.username, person.has_usable_password()) == (org_a, person.email, False)


def test_an_invitation_mails_a_one_time_link_in_the_persons_language(client, org_admin, org_a):
    _add(client, org_admin)
    person = User.objects.get(email="saara.suominen@example.fi")
    client.post(reverse("ips:person_invite", kwargs={"pk": person.pk}))
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [person.email]
    assert "Polku" in mail.outbox[0].subject
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    client.logout()
    page = client.get(link, follow=True)
    form_url = page.redirect_chain[-1][0]
    response = client.post(form_url, {"new_password1": "Kesä-sade-2026!", "new_password2": "Kesä-sade-2026!"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.check_password("Kesä-sade-2026!")
    # Used once: the link no longer sets a password.
    again = client.get(link, follow=True)
    assert b"new_password1" not in again.content
    assert LogEntry.objects.filter(object_pk=str(person.pk), changes__invitation__isnull=False).exists()


def test_the_invitation_is_written_in_the_persons_language(org_admin, org_a):
    person = UserFactory(username="sv_person", language="sv", first_name="Stina")
    person_invite(person=person, by=org_admin, base_url="https://polku.example/")
    assert mail.outbox[0].body.startswith("Hej Stina") or "Polku" in mail.outbox[0].body


def test_a_coach_gets_a_team_role_with_an_fte_share_and_a_dated_change(client, org_admin, team_a):
    person = UserFactory(organisation=team_a.organisation)
    client.force_login(org_admin)
    start = date(2026, 1, 1)
    response = client.post(
        reverse("ips:role_give", kwargs={"pk": person.pk}),
        {"role": "coach", "team": team_a.pk, "fte": "0.6", "started": start.isoformat()},
    )
    assert response.status_code == 302
    membership = Membership.objects.get(user=person)
    assert (membership.team, membership.fte, membership.started) == (team_a, Decimal("0.60"), start)
    change = date(2026, 3, 1)
    client.post(reverse("ips:fte_change", kwargs={"pk": membership.pk}), {"fte": "0.8", "on": change.isoformat()})
    shares = list(Membership.objects.filter(user=person).order_by("started").values_list("fte", "started", "ended"))
    assert shares == [(Decimal("0.60"), start, change), (Decimal("0.80"), change, None)]


def test_a_coach_role_needs_a_team_and_a_share(client, org_admin, team_a):
    person = UserFactory(organisation=team_a.organisation)
    client.force_login(org_admin)
    response = client.post(
        reverse("ips:role_give", kwargs={"pk": person.pk}), {"role": "coach", "started": "2026-01-01"}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"team", "fte"}
    assert not Membership.objects.filter(user=person).exists()


def test_an_org_admin_who_edits_no_content_cannot_grant_the_content_editor_role(client, org_admin, org_a):
    person = UserFactory(organisation=org_a)
    client.force_login(org_admin)
    response = client.post(
        reverse("ips:role_give", kwargs={"pk": person.pk}), {"role": "content_editor", "started": "2026-01-01"}
    )
    assert "role" in response.context["form"].errors
    assert not Membership.objects.filter(user=person).exists()


def test_people_of_another_organisation_and_their_roles_are_not_found(client, org_admin, org_admin_b, team_a):
    client.force_login(org_admin_b)
    coach = UserFactory(organisation=team_a.organisation)
    role = MembershipFactory(user=coach, team=team_a)
    treatment = TreatmentTeam.objects.create(organisation=team_a.organisation, name="Psykoosityöryhmä")
    treatment_role = TreatmentTeamMembership.objects.create(
        treatment_team=treatment, user=coach, started=date(2026, 1, 1)
    )
    for name, key in [
        ("ips:person_detail", coach.pk),
        ("ips:person_edit", coach.pk),
        ("ips:role_give", coach.pk),
        ("ips:person_invite", coach.pk),
        ("ips:person_deactivate", coach.pk),
        ("ips:role_end", role.pk),
        ("ips:fte_change", role.pk),
        ("ips:treatment_member_add", treatment.pk),
        ("ips:treatment_member_end", treatment_role.pk),
    ]:
        assert client.get(reverse(name, kwargs={"pk": key})).status_code in (404, 405), name
        assert client.post(reverse(name, kwargs={"pk": key})).status_code == 404, name
    for name in ("ips:team_edit", "ips:team_close"):
        assert client.post(reverse(name, kwargs={"uuid": team_a.uuid}), {"name": "B:n tiimi"}).status_code == 404
    coach.refresh_from_db()
    team_a.refresh_from_db()
    assert coach.is_active and team_a.name != "B:n tiimi" and team_a.closed_on is None
    assert not mail.outbox
    coach.is_active = False
    coach.save()
    assert client.post(reverse("ips:person_reactivate", kwargs={"pk": coach.pk})).status_code == 404
    coach.refresh_from_db()
    assert not coach.is_active


def test_other_roles_cannot_reach_administration(client, coach_a, reporter):
    for user in (coach_a, reporter):
        client.force_login(user)
        assert client.get(reverse("ips:people_list")).status_code == 403
        assert client.get(reverse("ips:organisation_list")).status_code == 403


def test_the_last_org_admin_cannot_end_their_own_role_or_deactivate_themselves(client, org_admin):
    client.force_login(org_admin)
    role = Membership.objects.get(user=org_admin)
    response = client.post(reverse("ips:role_end", kwargs={"pk": role.pk}), {"ended": timezone.localdate()})
    assert response.status_code == 200 and response.context["form"].errors
    client.post(reverse("ips:person_deactivate", kwargs={"pk": org_admin.pk}))
    org_admin.refresh_from_db()
    role.refresh_from_db()
    assert org_admin.is_active and role.ended is None


def test_with_a_second_admin_the_first_may_step_down(client, org_admin, org_a):
    MembershipFactory(user=UserFactory(), organisation=org_a, team=None, role="org_admin")
    client.force_login(org_admin)
    role = Membership.objects.get(user=org_admin)
    client.post(reverse("ips:role_end", kwargs={"pk": role.pk}), {"ended": timezone.localdate()})
    role.refresh_from_db()
    assert role.ended == timezone.localdate()


def test_a_deactivated_person_is_refused_on_the_next_request_and_kept(client, org_admin, coach_a, client_a):
    client.force_login(coach_a)
    assert client.get(reverse("ips:today")).status_code == 200
    admin = client.__class__()
    admin.force_login(org_admin)
    admin.post(reverse("ips:person_deactivate", kwargs={"pk": coach_a.pk}))
    response = client.get(reverse("ips:today"))
    assert response.status_code == 302 and reverse("login") in response.url
    coach_a.refresh_from_db()
    assert not coach_a.is_active
    assert Membership.objects.get(user=coach_a).ended == timezone.localdate()
    sign_in = {"username": coach_a.username, "password": PASSWORD}
    assert client.post(reverse("login"), sign_in).status_code == 200  # the form again, refused
    admin.post(reverse("ips:person_reactivate", kwargs={"pk": coach_a.pk}))
    assert client.post(reverse("login"), sign_in).status_code == 302


def test_teams_are_created_renamed_and_closed_with_their_roles_ended(client, org_admin, org_a, coach_a, team_a):
    client.force_login(org_admin)
    client.post(reverse("ips:team_create"), {"organisation": org_a.pk, "name": "Tiimi C"})
    team = org_a.teams.get(name="Tiimi C")
    client.post(reverse("ips:team_edit", kwargs={"uuid": team.uuid}), {"name": "Tiimi Ceta"})
    team.refresh_from_db()
    assert team.name == "Tiimi Ceta"
    member = MembershipFactory(team=team, started=date(2025, 1, 1))
    closing = timezone.localdate() + timedelta(days=1)
    client.post(reverse("ips:team_close", kwargs={"uuid": team.uuid}), {"closed_on": closing.isoformat()})
    team.refresh_from_db()
    member.refresh_from_db()
    assert (team.closed_on, member.ended) == (closing, closing)


def test_a_team_with_clients_is_not_closed(client, org_admin, client_a, team_a):
    client.force_login(org_admin)
    response = client.post(reverse("ips:team_close", kwargs={"uuid": team_a.uuid}), {"closed_on": "2026-01-01"})
    assert response.status_code == 200
    team_a.refresh_from_db()
    assert team_a.closed_on is None


def test_people_are_searched_and_filtered_by_team_and_role(client, org_admin, coach_a, supervisor_a, coach_b, team_a):
    client.force_login(org_admin)
    url = reverse("ips:people_list")
    names = lambda response: {person.pk for person in response.context["people"]}  # noqa: E731
    assert {coach_a.pk, supervisor_a.pk, coach_b.pk, org_admin.pk} <= names(client.get(url))
    assert names(client.get(url, {"team": team_a.uuid})) == {coach_a.pk, supervisor_a.pk}
    assert names(client.get(url, {"team": team_a.uuid, "role": "supervisor"})) == {supervisor_a.pk}
    assert names(client.get(url, {"q": coach_b.last_name})) >= {coach_b.pk}


def test_every_administrative_change_is_on_the_history_page_with_who(client, org_admin, org_admin_b, team_a):
    _add(client, org_admin)
    person = User.objects.get(email="saara.suominen@example.fi")
    client.post(
        reverse("ips:role_give", kwargs={"pk": person.pk}),
        {"role": "coach", "team": team_a.pk, "fte": "0.6", "started": "2026-01-01"},
    )
    entries = list(client.get(reverse("ips:admin_history")).context["entries"])
    assert {(entry.content_type.model, entry.actor_id) for entry in entries} >= {
        ("user", org_admin.pk),
        ("membership", org_admin.pk),
    }
    client.force_login(org_admin_b)
    assert not any(
        entry.object_pk == str(person.pk) for entry in client.get(reverse("ips:admin_history")).context["entries"]
    )


def _administrative_changes(organisation, team, other_team, count):
    """People given roles in teams (user, organisation, team, profession named), moved to another team, and added to
    treatment teams (treatment team, coach named): change rows whose related rows the history names."""
    nurse = Profession.objects.get(code="nurse")
    for _ in range(count):
        person = UserFactory(organisation=organisation)
        membership = MembershipFactory(user=person, team=team, role=Membership.Role.MEMBER, fte=None, profession=nurse)
        membership.team = other_team
        membership.save()
        treatment = TreatmentTeam.objects.create(organisation=organisation, name=f"Hoitotiimi {person.pk}")
        TreatmentTeamMembership.objects.create(treatment_team=treatment, user=person, started=date(2026, 1, 1))


def test_the_people_list_and_history_keep_a_flat_query_count(client, org_admin, team_a, team_b, count_queries):
    client.force_login(org_admin)
    _administrative_changes(team_a.organisation, team_a, team_b, 2)
    few_people, few_history = count_queries(reverse("ips:people_list")), count_queries(reverse("ips:admin_history"))
    _administrative_changes(team_a.organisation, team_a, team_b, 15)
    assert count_queries(reverse("ips:people_list")) == few_people
    assert count_queries(reverse("ips:admin_history")) == few_history
    assert (few_people, few_history) == (PEOPLE_QUERIES, HISTORY_QUERIES)


PEOPLE_QUERIES = 5  # session with user, roles, people, their roles in force, the filter's teams
# Session with user, roles, the change rows with actor and type, then the names of the rows they mention, one query
# per related model: people, organisations, teams, professions, treatment teams.
HISTORY_QUERIES = 8


NEW_ORGANISATION = {
    "name": "Kainuun hyvinvointialue",
    "code": "kai",
    "admin_first_name": "Kaisu",
    "admin_last_name": "Kainulainen",
    "admin_email": "kaisu@kainuu.example",
    "admin_language": "fi",
}


def test_a_platform_admin_creates_an_organisation_with_its_invited_admin(client):
    platform = UserFactory(is_platform_admin=True)
    client.force_login(platform)
    response = client.post(reverse("ips:organisation_create"), {**NEW_ORGANISATION, "password_sign_in": "on"})
    assert response.status_code == 302
    admin = User.objects.get(email="kaisu@kainuu.example")
    assert admin.roles.admin_orgs == {admin.organisation.pk}
    assert admin.organisation.password_sign_in
    assert mail.outbox[0].to == [admin.email] and "/invite/" in mail.outbox[0].body
    assert client.get(reverse("ips:people_list")).status_code == 403  # no organisation's people


def test_an_organisation_created_for_single_sign_on_invites_its_admin_to_the_sign_in_page(client):
    """Passwords off from the start: the admin's invitation sets no password, it sends her to sign in through the
    organisation's own service (tests/sso/test_sso.py signs such a person in against a real provider)."""
    client.force_login(UserFactory(is_platform_admin=True))
    assert client.post(reverse("ips:organisation_create"), NEW_ORGANISATION).status_code == 302
    admin = User.objects.get(email="kaisu@kainuu.example")
    assert not admin.organisation.password_sign_in
    body = mail.outbox[0].body
    assert "/invite/" not in body and re.search(r"https?://\S+", body).group(0).endswith(reverse("login"))


def test_an_account_shared_with_another_organisation_or_the_platform_is_not_the_admins_to_change(
    client, org_admin, org_a, org_b
):
    shared = UserFactory(organisation=org_a)
    MembershipFactory(user=shared, organisation=org_a, team=None, role="reporter")
    MembershipFactory(user=shared, organisation=org_b, team=None, role="org_admin")
    platform = UserFactory(organisation=org_a, is_platform_admin=True)
    client.force_login(org_admin)
    for person in (shared, platform):
        assert client.get(reverse("ips:person_detail", kwargs={"pk": person.pk})).status_code == 200
        for name in ("ips:person_edit", "ips:person_invite", "ips:person_deactivate"):
            assert client.post(reverse(name, kwargs={"pk": person.pk})).status_code == 403, name
    assert not mail.outbox


# --- roles that cannot be true ---------------------------------------------------------------------------------------


def _give(client, person, fields, language="fi"):
    return client.post(reverse("ips:role_give", kwargs={"pk": person.pk}), fields, HTTP_ACCEPT_LANGUAGE=language)


def _coach(team, **fields):
    person = UserFactory(organisation=team.organisation)
    MembershipFactory(user=person, team=team, fte=Decimal("1.00"), **fields)
    return person


def test_a_second_coach_role_on_the_same_days_in_the_same_team_is_refused_naming_the_role_it_overlaps(
    client, org_admin, team_a
):
    """Two coach roles at once would make the person's FTE in the team 1.1: the start falls inside the first."""
    person = _coach(team_a, started=date(2026, 1, 1), ended=date(2026, 6, 1))
    client.force_login(org_admin)
    response = _give(client, person, {"role": "coach", "team": team_a.pk, "fte": "0.1", "started": "2026-03-01"})
    errors = response.context["form"].errors
    assert response.status_code == 200 and list(errors) == ["started"]
    assert "1.1.2026" in errors["started"][0] and "1.6.2026" in errors["started"][0]
    assert Membership.objects.filter(user=person).count() == 1


def test_a_role_that_would_run_into_a_later_one_of_the_same_kind_is_refused_at_its_end(client, org_admin, team_a):
    person = _coach(team_a, started=date(2026, 3, 1))
    client.force_login(org_admin)
    for ended in ("2026-04-01", ""):  # into the later role, or open and so over all of it
        fields = {"role": "coach", "team": team_a.pk, "fte": "0.5", "started": "2026-01-01", "ended": ended}
        errors = _give(client, person, fields).context["form"].errors
        assert list(errors) == ["ended"] and "1.3.2026" in errors["ended"][0]
    assert Membership.objects.filter(user=person).count() == 1


def test_a_coach_may_also_supervise_the_team_and_coach_in_another_and_a_role_may_follow_its_like(
    client, org_admin, team_a, team_b
):
    """Different roles in one team at once are normal in IPS (a supervisor who also coaches); the same role may follow
    itself from the day the earlier ends (the end is the first day without it) and may be held in another team."""
    person = _coach(team_a, started=date(2026, 1, 1), ended=date(2026, 6, 1))
    client.force_login(org_admin)
    for fields in (
        {"role": "supervisor", "team": team_a.pk, "started": "2026-01-01"},
        {"role": "coach", "team": team_b.pk, "fte": "0.2", "started": "2026-01-01"},
        {"role": "coach", "team": team_a.pk, "fte": "0.8", "started": "2026-06-01"},
    ):
        assert _give(client, person, fields).status_code == 302, fields
    assert Membership.objects.filter(user=person).count() == 4


def test_the_same_organisation_role_twice_at_once_is_refused(client, org_admin, org_a):
    person = UserFactory(organisation=org_a)
    MembershipFactory(user=person, organisation=org_a, team=None, role="reporter", started=date(2026, 1, 1))
    client.force_login(org_admin)
    errors = _give(client, person, {"role": "reporter", "started": "2026-02-01"}).context["form"].errors
    assert list(errors) == ["started"]
    assert Membership.objects.filter(user=person).count() == 1


def test_ending_a_role_after_the_next_of_its_kind_has_started_is_refused(client, org_admin, team_a):
    person = _coach(team_a, started=date(2026, 1, 1), ended=date(2026, 3, 1))
    MembershipFactory(user=person, team=team_a, fte=Decimal("0.5"), started=date(2026, 3, 1))
    first = Membership.objects.get(user=person, started=date(2026, 1, 1))
    client.force_login(org_admin)
    response = client.post(
        reverse("ips:role_end", kwargs={"pk": first.pk}), {"ended": "2026-05-01"}, HTTP_ACCEPT_LANGUAGE="fi"
    )
    errors = response.context["form"].errors
    assert list(errors) == ["ended"] and "1.3.2026" in errors["ended"][0]
    first.refresh_from_db()
    assert first.ended == date(2026, 3, 1)


def test_a_role_cannot_end_on_the_day_it_starts(client, org_admin, team_a):
    """The end is the first day without the role: ending on the first day would leave a role of no days."""
    person = UserFactory(organisation=team_a.organisation)
    client.force_login(org_admin)
    fields = {"role": "supervisor", "team": team_a.pk, "started": "2026-01-01", "ended": "2026-01-01"}
    assert list(_give(client, person, fields).context["form"].errors) == ["ended"]
    assert not Membership.objects.filter(user=person).exists()
    role = MembershipFactory(user=person, team=team_a, role="supervisor", fte=None, started=date(2026, 1, 1))
    response = client.post(reverse("ips:role_end", kwargs={"pk": role.pk}), {"ended": "2026-01-01"})
    assert list(response.context["form"].errors) == ["ended"]
    role.refresh_from_db()
    assert role.ended is None


def test_an_fte_change_dated_before_the_role_starts_is_refused(client, org_admin, team_a):
    person = _coach(team_a, started=date(2026, 3, 1))
    role = Membership.objects.get(user=person)
    client.force_login(org_admin)
    response = client.post(
        reverse("ips:fte_change", kwargs={"pk": role.pk}), {"fte": "0.5", "on": "2026-01-01"}, HTTP_ACCEPT_LANGUAGE="fi"
    )
    errors = response.context["form"].errors
    assert list(errors) == ["on"] and "1.3.2026" in errors["on"][0]
    assert list(Membership.objects.filter(user=person).values_list("fte", "started")) == [
        (Decimal("1.00"), date(2026, 3, 1))
    ]


@pytest.mark.parametrize(
    ("language", "low", "high"), [("fi", "0,05", "1,00"), ("sv", "0,05", "1,00"), ("en", "0.05", "1.00")]
)
def test_the_fte_limits_are_given_in_the_users_number_format(client, org_admin, team_a, language, low, high):
    person = UserFactory(organisation=team_a.organisation)
    client.force_login(org_admin)
    for fte, limit in (("0.01", low), ("1.5", high)):
        fields = {"role": "coach", "team": team_a.pk, "fte": fte, "started": "2026-01-01"}
        errors = _give(client, person, fields, language).context["form"].errors
        assert list(errors) == ["fte"] and limit in errors["fte"][0], errors
    role = MembershipFactory(user=person, team=team_a)
    response = client.post(
        reverse("ips:fte_change", kwargs={"pk": role.pk}),
        {"fte": "2", "on": "2026-01-01"},
        HTTP_ACCEPT_LANGUAGE=language,
    )
    assert high in response.context["form"].errors["fte"][0]


def test_closing_a_team_ends_its_roles_in_force_and_removes_those_not_yet_begun_naming_them(client, org_admin, org_a):
    """The closing day is the first without the team: roles in force end on it, and roles that would begin on it or
    later never give anyone the role, so they go; the confirmation names them."""
    team = TeamFactory(organisation=org_a, name="Tiimi C")
    closing = timezone.localdate() + timedelta(days=10)
    in_force = MembershipFactory(team=team, started=closing - timedelta(days=100))
    already_ended = MembershipFactory(team=team, started=date(2025, 1, 1), ended=date(2025, 6, 1))
    on_the_day = MembershipFactory(team=team, role="supervisor", fte=None, started=closing)
    later = MembershipFactory(team=team, started=closing + timedelta(days=5), ended=closing + timedelta(days=50))
    client.force_login(org_admin)
    response = client.post(
        reverse("ips:team_close", kwargs={"uuid": team.uuid}), {"closed_on": closing.isoformat()}, follow=True
    )
    in_force.refresh_from_db()
    already_ended.refresh_from_db()
    assert (in_force.ended, already_ended.ended) == (closing, date(2025, 6, 1))
    assert not Membership.objects.filter(pk__in=[on_the_day.pk, later.pk]).exists()
    said = " ".join(str(message) for message in response.context["messages"])
    assert str(on_the_day.user) in said and str(later.user) in said and str(in_force.user) not in said
    history = client.get(reverse("ips:admin_history")).context["entries"]
    assert {(entry.object_pk, entry.action) for entry in history} >= {
        (str(on_the_day.pk), LogEntry.Action.DELETE),
        (str(later.pk), LogEntry.Action.DELETE),
    }
