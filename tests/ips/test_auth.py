import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _login(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_a_coach_logs_in_and_lands_on_home(client, coach_a):
    response = _login(client, "coach_a", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("ips:home")


def test_a_wrong_password_gets_a_message_in_finnish(client, coach_a):
    response = _login(client, "coach_a", "wrong-password")
    assert response.status_code == 200
    assert "salasana" in response.content.decode().lower()


def test_it_locks_out_after_repeated_failed_logins(client, coach_a):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        _login(client, "coach_a", "wrong-password")
    response = _login(client, "coach_a", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "lukittu" in page.lower()
    assert "15" in page
    assert "_auth_user_id" not in client.session


def test_the_lockout_message_is_in_swedish_for_a_swedish_reader(client, coach_a):
    client.cookies["django_language"] = "sv"
    for _ in range(django_settings.AXES_FAILURE_LIMIT + 1):
        response = _login(client, "coach_a", "wrong-password")
    assert "låst" in response.content.decode().lower()


def test_a_session_ends_after_30_idle_minutes(client, coach_a):
    assert django_settings.SESSION_COOKIE_AGE == 30 * 60
    _login(client, "coach_a", PASSWORD)
    assert client.get(reverse("ips:today")).status_code == 200
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(reverse("ips:today"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_each_request_pushes_the_idle_expiry_forward(client, coach_a):
    _login(client, "coach_a", PASSWORD)
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))
    client.get(reverse("ips:home"))
    remaining = Session.objects.get().expire_date - timezone.now()
    assert remaining > timedelta(minutes=29)


def _session_writes(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code in (200, 302)
    return [
        q["sql"] for q in context.captured_queries if q["sql"].startswith("UPDATE") and "django_session" in q["sql"]
    ]


def _expiry_written_ago(seconds):
    """Set the session row as a request `seconds` ago would have left it: a whole idle period from then."""
    written = timezone.now() - timedelta(seconds=seconds)
    Session.objects.update(expire_date=written + timedelta(seconds=django_settings.SESSION_COOKIE_AGE))
    return Session.objects.get().expire_date


def test_a_request_within_a_minute_of_the_last_write_does_not_write_the_session(client, coach_a):
    _login(client, "coach_a", PASSWORD)
    stored = _expiry_written_ago(40)
    assert _session_writes(client, reverse("ips:today")) == []
    assert Session.objects.get().expire_date == stored


def test_a_request_more_than_a_minute_after_the_last_write_pushes_the_expiry(client, coach_a):
    _login(client, "coach_a", PASSWORD)
    stored = _expiry_written_ago(70)
    assert len(_session_writes(client, reverse("ips:today"))) == 1
    pushed = Session.objects.get().expire_date
    assert pushed > stored + timedelta(seconds=60)
    assert pushed >= timezone.now() + timedelta(minutes=29, seconds=59)


def _start_django(env_overrides):
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", **env_overrides}
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _start_django({"DJANGO_ENV": "production", "ALLOWED_HOSTS": "polku.example"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = _start_django({"DJANGO_ENV": "production", "ALLOWED_HOSTS": "polku.example", "SECRET_KEY": "x" * 60})
    assert result.returncode == 0, result.stderr


def test_password_reset_page_is_translated(client):
    response = client.get(reverse("password_reset"))
    assert response.status_code == 200
    assert 'lang="fi"' in response.content.decode()
