"""Security headers, CSRF on every state change (htmx included) and templates free of inline script."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_pages_carry_the_security_headers(client, coach_a):
    client.force_login(coach_a)
    response = client.get(reverse("ips:home"))
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
