"""Security headers, CSRF on every state change (htmx included) and templates free of inline script."""

import re
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.http import HttpResponseForbidden
from django.test import Client
from django.urls import Resolver404, URLResolver, get_resolver, resolve, reverse
from rest_framework.views import APIView

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
POLKU_APPS = {"ips", "employers", "fidelity", "reports", "content"}


@pytest.mark.parametrize(
    "path",
    ["/", "/today/", "/clients/", "/employers/", "/fidelity/", "/reports/", "/accounts/login/", "/no-such-page/"],
)
def test_pages_carry_the_security_headers(client, coach_a, path):
    if path != "/accounts/login/":
        client.force_login(coach_a)
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]+)", policy).group(1)
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_a_post_without_a_csrf_token_is_refused(coach_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(coach_a)
    response = browser.post(reverse("ips:language_set"), {"language": "sv"})
    assert response.status_code == 403


def test_an_htmx_post_with_the_header_token_is_accepted(coach_a):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(coach_a)
    page = browser.get(reverse("ips:home"), follow=True)
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page.content.decode()).group(1)
    response = browser.post(
        reverse("ips:language_set"), {"language": "sv"}, HTTP_HX_REQUEST="true", HTTP_X_CSRFTOKEN=token
    )
    assert response.status_code == 302


def _templates():
    return [path for path in TEMPLATES.rglob("*.html") if path.name not in {"500.html"}]


@pytest.mark.parametrize("path", _templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_templates_have_no_inline_script_or_style(path):
    text = path.read_text()
    inline_scripts = [
        tag for tag in re.findall(r"<script\b[^>]*>", text) if "src=" not in tag and "application/json" not in tag
    ]
    assert inline_scripts == [], "inline <script> is blocked by the content-security policy"
    assert not re.search(r"\son[a-z]+\s*=", text), "inline event handlers are blocked by the policy"
    assert not re.search(r'\sstyle\s*=\s*"', text), "style attributes are blocked by the policy"


def test_uploads_are_limited_in_size():
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE <= 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE <= 10 * 1024 * 1024
    assert set(settings.WAGTAILDOCS_EXTENSIONS) <= {"pdf", "docx", "xlsx", "pptx", "odt", "txt"}


# --- CSRF on every state change ----------------------------------------------------------------------------------

SAMPLE_VALUES = {"uuid": str(uuid.uuid4()), "int": "1", "str": "x", "slug": "x", "path": "x/y"}


def csrf_refused(request, reason=""):
    """Stands in for Django's CSRF failure view, so the test knows the refusal came from the CSRF check."""
    return HttpResponseForbidden("csrf-refused")


def _patterns(resolver=None, prefix=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _patterns(pattern, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def _concrete(route):
    """A URL for a route pattern: each <converter:name> gets a sample value; regex patterns give None."""
    if "^" in route or "(" in route or "$" in route:
        return None
    return "/" + re.sub(r"<(?:(\w+):)?\w+>", lambda match: SAMPLE_VALUES[match.group(1) or "str"], route)


def _post_urls():
    urls = sorted({url for route, _pattern in _patterns() if (url := _concrete(route))})
    return [url for url in urls if _resolves(url)]


def _resolves(url):
    try:
        resolve(url)
    except Resolver404:
        return False
    return True


def _is_drf(view):
    return issubclass(getattr(view, "cls", object), APIView)


def test_no_view_skips_the_csrf_check():
    # Django REST framework views (Wagtail's admin API) are exempt from Django's middleware because DRF checks the
    # token itself for signed-in users; the POST walk below sends them a request too.
    exempt = [
        route
        for route, pattern in _patterns()
        if getattr(pattern.callback, "csrf_exempt", False) and not _is_drf(pattern.callback)
    ]
    assert exempt == []


def test_the_csrf_walk_covers_every_polku_url():
    urls = _post_urls()
    polku = [route for route, pattern in _patterns() if pattern.callback.__module__.split(".")[0] in POLKU_APPS]
    covered = [url for url in urls if resolve(url).func.__module__.split(".")[0] in POLKU_APPS]
    assert len(covered) == len(polku) > 50


@pytest.mark.parametrize("htmx", [False, True], ids=["form", "htmx"])
def test_every_post_without_a_csrf_token_is_refused(settings, coach_a, htmx):
    settings.CSRF_FAILURE_VIEW = "tests.test_security.csrf_refused"
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(coach_a)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    let_through = [url for url in _post_urls() if browser.post(url, {"x": "1"}, **headers).content != b"csrf-refused"]
    # DRF answers with its own 403 ("CSRF Failed") rather than Django's failure view.
    assert [url for url in let_through if not url.startswith("/cms/api/")] == []
    for url in let_through:
        response = browser.post(url, {"x": "1"}, **headers)
        assert response.status_code == 403 and b"CSRF" in response.content, url
