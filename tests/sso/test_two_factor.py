"""Two-factor sign-in for local accounts (allauth.mfa behind Polku's own sign-in page)."""

import pyotp
import pytest
from allauth.mfa.models import Authenticator
from django.core.cache import cache
from django.urls import reverse

from tests.factories import PASSWORD


def sign_in(client, username, password=PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def current_user(client):
    return client.get(reverse("login")).wsgi_request.user


def enable_totp(client) -> str:
    """Sets up TOTP as the user would: allauth first asks the password again (a session left open is not enough to
    change the second factor), then shows the secret; the code is computed from it."""
    asked = client.get(reverse("mfa_activate_totp"))
    assert asked["Location"].startswith(reverse("account_reauthenticate"))
    assert client.post(asked["Location"], {"password": PASSWORD}).status_code == 302
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = page.context["form"].secret
    answer = client.post(reverse("mfa_activate_totp"), {"code": pyotp.TOTP(secret).now()})
    assert answer.status_code == 302, answer.context["form"].errors
    return secret


def test_coach_enables_totp_signs_out_and_in_with_the_code(client, coach_a):
    assert sign_in(client, "coach_a")["Location"] == reverse("ips:home")  # optional for a coach: straight in
    secret = enable_totp(client)
    assert Authenticator.objects.filter(user=coach_a, type=Authenticator.Type.TOTP).exists()
    assert Authenticator.objects.filter(user=coach_a, type=Authenticator.Type.RECOVERY_CODES).exists()
    client.post(reverse("logout"))
    cache.clear()  # allauth refuses a code used once; a new window would give a new code

    asked = sign_in(client, "coach_a")
    assert asked["Location"] == reverse("mfa_authenticate")
    assert not current_user(client).is_authenticated  # the password alone does not sign in
    assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    assert not current_user(client).is_authenticated
    done = client.post(reverse("mfa_authenticate"), {"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 302 and current_user(client) == coach_a


def test_a_recovery_code_signs_in_once(client, coach_a):
    sign_in(client, "coach_a")
    enable_totp(client)
    code = Authenticator.objects.get(user=coach_a, type=Authenticator.Type.RECOVERY_CODES).wrap().get_unused_codes()[0]
    client.post(reverse("logout"))
    sign_in(client, "coach_a")
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    assert current_user(client) == coach_a
    client.post(reverse("logout"))
    sign_in(client, "coach_a")
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 200
    assert not current_user(client).is_authenticated


@pytest.mark.parametrize("role", ["org_admin", "reporter"])
def test_admins_and_reporters_set_up_two_factor_before_anything_else(client, role, request):
    user = request.getfixturevalue(role)
    sign_in(client, role)
    for url in (reverse("ips:home"), reverse("reports:dashboard") if role == "reporter" else reverse("ips:home")):
        assert client.get(url)["Location"] == reverse("mfa_activate_totp")
    enable_totp(client)
    assert client.get(reverse("ips:home")).get("Location") != reverse("mfa_activate_totp")
    assert Authenticator.objects.filter(user=user).exists()


def test_coach_is_not_sent_to_set_up(client, coach_a):
    sign_in(client, "coach_a")
    assert client.get(reverse("ips:home"), follow=True).redirect_chain[-1][0] == reverse("ips:today")


def test_lockout_still_applies_to_a_two_factor_account(client, coach_a, settings):
    sign_in(client, "coach_a")
    enable_totp(client)
    client.post(reverse("logout"))
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "coach_a", "wrong-password")
    locked = sign_in(client, "coach_a")  # the right password, after the limit
    assert locked.status_code == 429
    assert not current_user(client).is_authenticated
    assert client.get(reverse("mfa_authenticate")).status_code != 200 or not current_user(client).is_authenticated
