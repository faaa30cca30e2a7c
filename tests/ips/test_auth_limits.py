"""Password-reset mail limited per address and per client IP, sessions with an absolute lifetime, and no caching
of what a signed-in user receives."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ips.models import PasswordResetRequest
from ips.sessions import SIGNED_IN_AT
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
RESET = reverse("password_reset")
DONE = reverse("password_reset_done")


def _ask(browser, email, ip="10.0.0.1", **headers):
    return browser.post(RESET, {"email": email}, REMOTE_ADDR=ip, **headers)


def test_twenty_requests_for_one_address_send_three_mails_with_the_same_answer(client, coach_a, settings):
    settings.PASSWORD_RESET_PER_ADDRESS = 3
    answers = [_ask(client, coach_a.email, ip=f"10.0.0.{n}") for n in range(20)]
    assert {(answer.status_code, answer["Location"]) for answer in answers} == {(302, DONE)}
    assert len(mail.outbox) == 3
    assert {message.to[0] for message in mail.outbox} == {coach_a.email}


def test_the_limit_counts_the_address_whatever_its_case_and_keeps_no_address(client, coach_a):
    for email in (coach_a.email, coach_a.email.upper(), f" {coach_a.email}", coach_a.email):
        _ask(client, email)
    assert len(mail.outbox) == 3
    assert not PasswordResetRequest.objects.filter(email_digest__contains="@").exists()


def test_an_unknown_address_gets_the_same_answer_and_counts_the_same(client, coach_a):
    unknown = [_ask(client, "nobody@polku.example", ip=f"10.0.1.{n}") for n in range(5)]
    known = _ask(client, coach_a.email, ip="10.0.2.1")
    assert {(answer.status_code, answer["Location"]) for answer in [*unknown, known]} == {(302, DONE)}
    assert len(mail.outbox) == 1


def test_one_client_ip_is_limited_across_addresses(client, settings):
    settings.PASSWORD_RESET_PER_IP = 4
    users = [UserFactory(username=f"reset{n}") for n in range(6)]
    for user in users:
        _ask(client, user.email, ip="10.9.9.9")
    assert len(mail.outbox) == 4
    _ask(client, users[5].email, ip="10.9.9.10")
    assert len(mail.outbox) == 5


def test_the_count_is_shared_by_every_instance_and_ends_with_the_window(coach_a, settings):
    """Two browsers stand for two instances: the count is in the database, not in a process."""
    for browser in (Client(), Client(), Client()):
        _ask(browser, coach_a.email)
    _ask(Client(), coach_a.email)
    assert len(mail.outbox) == 3
    PasswordResetRequest.objects.update(
        requested_at=timezone.now() - timedelta(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES, seconds=1)
    )
    _ask(Client(), coach_a.email)
    assert len(mail.outbox) == 4
    assert PasswordResetRequest.objects.count() == 1  # the old rows went with their window


def test_behind_the_balancer_the_client_ip_is_the_entry_the_balancer_appended(client, settings):
    settings.PASSWORD_RESET_PER_IP = 2
    settings.CLIENT_IP_FROM_FORWARDED_FOR = True
    for n in range(3):
        _ask(client, f"someone{n}@polku.example", ip="192.168.0.1", HTTP_X_FORWARDED_FOR=f"1.2.3.{n}, 203.0.113.7")
    assert list(PasswordResetRequest.objects.values_list("client_ip", flat=True).distinct()) == ["203.0.113.7"]


def _sign_in(client, user):
    assert client.post(reverse("login"), {"username": user.username, "password": PASSWORD}).status_code == 302


def _signed_in_hours_ago(client, hours):
    session = client.session
    session[SIGNED_IN_AT] -= int(hours * 3600)
    session.save()


def test_a_session_ends_twelve_hours_after_signing_in_however_active(client, coach_a, settings):
    assert settings.SESSION_MAX_HOURS == 12
    _sign_in(client, coach_a)
    _signed_in_hours_ago(client, 11.9)
    assert client.get(reverse("ips:today")).status_code == 200
    _signed_in_hours_ago(client, 0.2)
    response = client.get(reverse("ips:today"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert "_auth_user_id" not in client.session


def test_signing_in_again_starts_a_new_lifetime(client, coach_a):
    _sign_in(client, coach_a)
    _signed_in_hours_ago(client, 13)
    client.get(reverse("ips:today"))
    _sign_in(client, coach_a)
    assert client.get(reverse("ips:today")).status_code == 200


def test_a_session_from_before_the_rule_starts_its_lifetime_now(client, coach_a):
    _sign_in(client, coach_a)
    session = client.session
    del session[SIGNED_IN_AT]
    session.save()
    assert client.get(reverse("ips:today")).status_code == 200
    assert client.session[SIGNED_IN_AT] >= int(timezone.now().timestamp()) - 5


def test_signed_in_responses_are_not_stored_and_static_files_are(client, coach_a):
    assert "no-store" not in client.get(reverse("ips:health")).get("Cache-Control", "")  # signed out
    client.force_login(coach_a)
    assert client.get(reverse("ips:health"))["Cache-Control"] == "no-store, private"
    assert client.get(reverse("ips:today"))["Cache-Control"] == "no-store, private"
    assert client.get(reverse("login"))["Cache-Control"] == "no-store, private"  # redirects too
    static = client.get("/static/css/polku.css")
    assert static.status_code == 200
    assert "no-store" not in static.get("Cache-Control", "")
