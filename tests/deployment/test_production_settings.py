"""The load balancer's health check, and the plain-HTTP switch of the load test that must never serve a real site."""

import subprocess
import sys

import pytest
from django.conf import settings
from django.urls import reverse

PRODUCTION = {"DJANGO_ENV": "production", "SECRET_KEY": "x" * 60}
PRINT_POSTURE = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)"
)


def _settings_of(env):
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    return subprocess.run(
        [sys.executable, "-c", PRINT_POSTURE], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )


def test_plain_http_is_refused_for_a_public_host_name():
    result = _settings_of({**PRODUCTION, "ALLOWED_HOSTS": "127.0.0.1,polku.example", "PLAIN_HTTP_ON_LOOPBACK": "1"})
    assert result.returncode != 0
    assert "PLAIN_HTTP_ON_LOOPBACK is only allowed" in result.stderr


def test_plain_http_on_loopback_drops_only_the_https_parts():
    result = _settings_of({**PRODUCTION, "ALLOWED_HOSTS": "127.0.0.1", "PLAIN_HTTP_ON_LOOPBACK": "1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "False", "False", "0"]


def test_production_without_the_switch_keeps_https():
    result = _settings_of({**PRODUCTION, "ALLOWED_HOSTS": "127.0.0.1"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "True", "31536000"]


@pytest.mark.django_db
def test_the_health_check_answers_without_a_login(client):
    response = client.get(reverse("ips:health"))
    assert response.status_code == 200
    assert response.content == b"ok"
