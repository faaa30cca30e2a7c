"""Against the real provider process (tests/sso/conftest.py): the group claim mapped to Polku roles where the
organisation configures it, and signing out of the provider after signing out of Polku (RP-Initiated Logout)."""

from urllib.parse import parse_qs, urlsplit

import requests
from django.urls import reverse

from ips.models import Membership
from tests.factories import PASSWORD as POLKU_PASSWORD
from tests.factories import MembershipFactory, UserFactory
from tests.sso.conftest import PEOPLE, POST_LOGOUT_REDIRECT, action_of, fields_of, sign_in_through_provider

MAPPING = {"polku-raportoijat": "reporter", "polku-valmentajat": "coach", "muut": "org_admin"}


def _with_groups(sso_settings, mapping=MAPPING):
    app = sso_settings.SOCIALACCOUNT_PROVIDERS["openid_connect"]["APPS"][0]
    app["settings"] = {**app["settings"], "groups_claim": "groups", "group_roles": mapping}
    return sso_settings


def _anna(team):
    anna = UserFactory(username="anna", email=PEOPLE["known"])
    MembershipFactory(user=anna, team=team, organisation=team.organisation, role=Membership.Role.COACH)
    return anna


def _roles(user):
    return sorted(Membership.objects.filter(user=user).active().values_list("role", "team"))


def test_a_mapped_group_gives_its_organisation_role_once(client, sso_settings, team_a):
    _with_groups(sso_settings)
    anna = _anna(team_a)

    assert sign_in_through_provider(client, "known").status_code == 302
    # polku-raportoijat gives reporter in the provider's organisation; polku-valmentajat names a team role, which
    # only Polku gives; henkilosto is not mapped; "muut" is mapped but Anna is not in it.
    assert _roles(anna) == [("coach", team_a.pk), ("reporter", None)]
    reporter = Membership.objects.get(user=anna, role="reporter")
    assert reporter.organisation == team_a.organisation

    client.post(reverse("logout"))
    assert sign_in_through_provider(client, "known").status_code == 302
    assert Membership.objects.filter(user=anna, role="reporter").count() == 1  # not granted twice


def test_without_a_mapping_the_group_claim_gives_nothing(client, sso_settings, team_a):
    anna = _anna(team_a)
    assert sign_in_through_provider(client, "known").status_code == 302
    assert _roles(anna) == [("coach", team_a.pk)]


def test_a_person_outside_the_mapped_groups_gets_no_role(client, sso_settings, team_a):
    _with_groups(sso_settings)
    ilona = UserFactory(username="ilona", email=PEOPLE["invited"])
    MembershipFactory(user=ilona, team=team_a, organisation=team_a.organisation, role=Membership.Role.COACH)
    assert sign_in_through_provider(client, "invited").status_code == 302
    assert _roles(ilona) == [("coach", team_a.pk)]


def test_signing_out_after_single_sign_on_ends_the_providers_session(client, sso_settings, team_a, oidc_provider):
    _anna(team_a)
    browser = requests.Session()
    assert sign_in_through_provider(client, "known", browser=browser).status_code == 302

    response = client.post(reverse("logout"), HTTP_HOST="localhost")

    assert not client.get(reverse("ips:home")).wsgi_request.user.is_authenticated  # Polku's session is gone
    end_session = urlsplit(response["Location"])
    assert response["Location"].startswith(oidc_provider)
    assert (
        end_session.path
        == urlsplit(
            requests.get(f"{oidc_provider}/.well-known/openid-configuration", timeout=10).json()["end_session_endpoint"]
        ).path
    )
    query = parse_qs(end_session.query)
    assert query["client_id"] == ["polku-test"]
    assert query["post_logout_redirect_uri"] == [POST_LOGOUT_REDIRECT]

    # The provider asks (Polku holds no ID token to hint with); the person confirms and comes back to Polku.
    page = browser.get(response["Location"], timeout=10)
    assert page.ok and 'value="logout"' in page.text, page.text[:2000]
    done = browser.post(
        action_of(page.text, page.url),
        data=[*fields_of(page.text), ("action", "logout")],
        headers={"Referer": page.url},
        allow_redirects=False,
        timeout=10,
    )
    assert done.status_code == 302 and done.headers["Location"] == POST_LOGOUT_REDIRECT, done.text[:2000]

    # The provider's session is over: signing in again asks for the password at the provider.
    started = client.post(reverse("openid_connect_login", args=["prov"]))
    assert "/accounts/login/" in browser.get(started["Location"], timeout=10).url


def test_a_password_sign_out_stays_in_polku(client, sso_settings, coach_a):
    client.post(reverse("login"), {"username": coach_a.username, "password": POLKU_PASSWORD})
    assert client.get(reverse("ips:home")).wsgi_request.user == coach_a
    response = client.post(reverse("logout"))
    assert response["Location"] == reverse("login")
