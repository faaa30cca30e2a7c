"""Single sign-on against a real OpenID Connect provider process (tests/sso/conftest.py): Polku's side through the
Django test client, the provider's login form and consent page over HTTP."""

import re
from io import StringIO

import pytest
from allauth.socialaccount.models import SocialAccount
from django.core import mail as outbox
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse

from ips.models import Membership, User
from tests.factories import PASSWORD, MembershipFactory, UserFactory
from tests.sso.conftest import PEOPLE, sign_in_through_provider


def signed_in_user(client):
    return client.get(reverse("ips:home")).wsgi_request.user


def test_known_person_signs_in_and_out(client, sso_settings, team_a):
    anna = UserFactory(username="anna", email=PEOPLE["known"])
    MembershipFactory(user=anna, team=team_a, organisation=team_a.organisation, role=Membership.Role.COACH)

    response = sign_in_through_provider(client, "known")

    assert response.status_code == 302 and response["Location"] == reverse("ips:home"), (
        response.context and response.context.get("auth_error")
    )
    assert signed_in_user(client) == anna
    assert SocialAccount.objects.get(user=anna).provider == "prov"
    assert sign_in_through_provider(client, "known") and signed_in_user(client) == anna  # a second time: linked

    client.post(reverse("logout"))
    assert not signed_in_user(client).is_authenticated
    assert client.get(reverse("ips:home"))["Location"].startswith(reverse("login"))


def test_invited_person_first_sign_in_links_the_account(client, sso_settings, team_a):
    ilona = UserFactory(username="ilona", email=PEOPLE["invited"].upper(), password=None)
    ilona.set_unusable_password()
    ilona.save()
    MembershipFactory(user=ilona, team=team_a, organisation=team_a.organisation, role=Membership.Role.COACH)
    assert not SocialAccount.objects.exists()

    response = sign_in_through_provider(client, "invited")

    assert response.status_code == 302
    assert signed_in_user(client) == ilona
    account = SocialAccount.objects.get()
    assert account.user == ilona and account.extra_data


def test_unknown_person_is_refused_with_a_clear_page(client, sso_settings, team_a, django_user_model):
    users_before = django_user_model.objects.count()

    response = sign_in_through_provider(client, "stranger")

    assert response.status_code == 403
    assert "registration/sso_refused.html" in [template.name for template in response.templates]
    assert "Polku-pääkäyttäjä" in response.content.decode()  # "ask your Polku admin", in the default Finnish
    assert not signed_in_user(client).is_authenticated
    assert django_user_model.objects.count() == users_before and not SocialAccount.objects.exists()


def test_a_deactivated_or_other_organisations_user_is_refused(client, sso_settings, team_a, org_b):
    anna = UserFactory(username="anna", email=PEOPLE["known"], is_active=False)
    MembershipFactory(user=anna, team=team_a, organisation=team_a.organisation, role=Membership.Role.COACH)
    other = UserFactory(username="anna_b", email=PEOPLE["invited"])
    MembershipFactory(user=other, organisation=org_b, role=Membership.Role.REVIEWER, team=None, fte=None)

    assert sign_in_through_provider(client, "known").status_code == 403
    assert sign_in_through_provider(client, "invited").status_code == 403
    assert not signed_in_user(client).is_authenticated


def test_sign_in_page_offers_the_organisations_provider(client, sso_settings):
    page = client.get(reverse("login")).content.decode()
    assert reverse("openid_connect_login", args=["prov"]) in page and "Test ID" in page


def test_organisation_without_passwords_refuses_a_password(client, sso_settings, coach_a, org_a):
    org_a.password_sign_in = False
    org_a.save()
    response = client.post(reverse("login"), {"username": "coach_a", "password": PASSWORD})
    assert response.status_code == 200 and not signed_in_user(client).is_authenticated
    assert "sso_only" in [error.code for error in response.context["form"].non_field_errors().as_data()]


def test_password_sign_in_command_switches_passwords_off_and_on(org_a):
    call_command("password_sign_in", org_a.code, "off", stdout=StringIO())
    org_a.refresh_from_db()
    assert org_a.password_sign_in is False
    call_command("password_sign_in", org_a.code, "on", stdout=StringIO())
    org_a.refresh_from_db()
    assert org_a.password_sign_in is True
    with pytest.raises(CommandError):
        call_command("password_sign_in", "nosuch", "off")


def test_an_invitation_from_an_organisation_without_passwords_leads_to_single_sign_on(
    client, sso_settings, org_a, org_admin, team_a
):
    """The admin invites a new coach of an organisation that signs its staff in through single sign-on only: the
    mail sends her to the sign-in page (no password link, a password would be refused), whose button takes her
    to the provider, and her first sign-in there links the account the admin made."""
    org_a.password_sign_in = False
    org_a.save()
    admin = Client()
    admin.force_login(org_admin)
    added = admin.post(
        reverse("ips:person_create"),
        {
            "organisation": org_a.pk,
            "first_name": "Ilona",
            "last_name": "Invited",
            "email": PEOPLE["invited"],
            "language": "fi",
        },
    )
    ilona = User.objects.get(email=PEOPLE["invited"])
    assert added.url == reverse("ips:person_detail", kwargs={"pk": ilona.pk})
    admin.post(
        reverse("ips:role_give", kwargs={"pk": ilona.pk}),
        {"role": "coach", "team": team_a.pk, "fte": "1", "started": "2026-01-01"},
    )
    admin.post(reverse("ips:person_invite", kwargs={"pk": ilona.pk}))

    (mail,) = outbox.outbox
    link = re.search(r"https?://\S+", mail.body).group(0)
    assert link == "http://testserver" + reverse("login") and "/invite/" not in mail.body
    page = client.get(link).content.decode()
    assert reverse("openid_connect_login", args=["prov"]) in page
    assert sign_in_through_provider(client, "invited").status_code == 302
    assert signed_in_user(client) == ilona
    assert SocialAccount.objects.get().user == ilona
