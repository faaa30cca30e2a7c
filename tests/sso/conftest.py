"""A real OpenID Connect provider for the single-sign-on tests: tests/oidc_provider (allauth's identity provider) as a
separate process on 127.0.0.1, with a fresh RSA key, its own SQLite database, Polku as its client and three people
(one Polku knows, one Polku has invited, one Polku does not know). One per test process (xdist worker)."""

import json
import os
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
PROVIDER_ID = "prov"
CLIENT_ID, CLIENT_SECRET = "polku-test", "polku-test-secret-0123456789"
PASSWORD = "provider-password-1"
PEOPLE = {
    "known": "anna.known@example.org",
    "invited": "ilona.invited@example.org",
    "stranger": "sami.stranger@example.org",
}
# The provider's groups of each person: its "groups" claim (tests/oidc_provider/adapter.py).
GROUPS = {"known": ["polku-raportoijat", "polku-valmentajat", "henkilosto"]}
# Where the provider may send a person back after ending its session: Polku's sign-in page (as "localhost": the
# provider checks it is a URL, which "testserver" is not).
POST_LOGOUT_REDIRECT = "http://localhost/accounts/login/"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    port = free_port()
    seed = {
        "client": {
            "id": CLIENT_ID,
            "secret": CLIENT_SECRET,
            "redirect_uris": [f"http://testserver/accounts/oidc/{PROVIDER_ID}/login/callback/"],
            "post_logout_redirect_uris": [POST_LOGOUT_REDIRECT],
        },
        "users": [
            {"username": name, "email": email, "password": PASSWORD, "groups": GROUPS.get(name, [])}
            for name, email in PEOPLE.items()
        ],
    }
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_URL", "PG")) and key != "PYTEST_XDIST_WORKER"
    }
    env |= {
        "OIDC_PROVIDER_DB": str(tmp_path_factory.mktemp("oidc") / "provider.sqlite3"),
        "OIDC_PROVIDER_KEY": pem,
        "OIDC_PROVIDER_SEED": json.dumps(seed),
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.oidc_provider.serve", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if requests.get(f"{url}/.well-known/openid-configuration", timeout=2).ok:
                break
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise RuntimeError(f"the test OpenID Connect provider did not start: {process.stderr.read().decode()}")
        time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def sso_settings(settings, oidc_provider, org_a):
    """Polku configured with the test provider as the organisation's single sign-on."""
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": PROVIDER_ID,
                    "name": "Test ID",
                    "client_id": CLIENT_ID,
                    "secret": CLIENT_SECRET,
                    "settings": {
                        "server_url": oidc_provider,
                        "oauth_pkce_enabled": True,
                        "organisation": org_a.code,
                    },
                }
            ],
            "SCOPE": ["openid", "profile", "email"],
        }
    }
    return settings


class FormFields(HTMLParser):
    """The fields a browser would submit from the page's forms: hidden and text inputs, checked boxes."""

    def __init__(self):
        super().__init__()
        self.fields: list[tuple[str, str]] = []
        self.action = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and attrs.get("method", "").lower() == "post":
            self.action = attrs.get("action") or ""
        if tag != "input" or not attrs.get("name"):
            return
        if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
            return
        if attrs.get("type") not in ("submit", "button"):
            self.fields.append((attrs["name"], attrs.get("value") or ""))


def fields_of(html: str) -> list[tuple[str, str]]:
    parser = FormFields()
    parser.feed(html)
    return parser.fields


def action_of(html: str, url: str) -> str:
    parser = FormFields()
    parser.feed(html)
    return urljoin(url, parser.action)


def sign_in_through_provider(client, username: str, password: str = PASSWORD, *, browser=None):
    """Clicks "Sign in with Test ID" on Polku's sign-in page (the Django test client), then signs in and consents
    at the provider's own pages (over HTTP with requests, in `browser` when given: its cookies are the provider's
    session), and brings the provider's answer back to Polku's callback. Returns Polku's response to the
    callback."""
    started = client.post(reverse("openid_connect_login", args=[PROVIDER_ID]))
    assert started.status_code == 302, started.content[:500]
    browser = browser if browser is not None else requests.Session()
    page = browser.get(started["Location"], timeout=10)  # the authorize URL sends us to the provider's login form
    assert "/accounts/login/" in page.url, page.url
    form = [(name, value) for name, value in fields_of(page.text) if name not in ("login", "password")]
    answer = browser.post(page.url, data=[*form, ("login", username), ("password", password)], timeout=10)
    assert answer.ok and 'value="grant"' in answer.text, answer.text[:2000]  # the consent page
    consent = action_of(answer.text, answer.url)
    granted = browser.post(
        consent, data=[*fields_of(answer.text), ("action", "grant")], allow_redirects=False, timeout=10
    )
    assert granted.status_code == 302, granted.text[:2000]
    callback = urlsplit(granted.headers["Location"])
    assert callback.netloc == "testserver", callback
    return client.get(f"{callback.path}?{callback.query}")
