"""The accessibility statement: public, in every footer, its feedback stored once and listed for organisation admins."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ips.models import AccessibilityFeedback

MESSAGE = {"message": "Kaavion värit eivät erotu", "page": "Raportit", "name": "Anna", "email": "anna@example.org"}


def send(client, meta=None, **extra):
    data = {**MESSAGE, "submission_id": str(uuid.uuid4()), **extra}
    return client.post(reverse("ips:accessibility"), data, **(meta or {}))


@pytest.mark.django_db
def test_statement_is_public_and_says_what_the_law_asks(client, settings):
    settings.ACCESSIBILITY_ASSESSED_ON = "2026-11-30"
    page = client.get(reverse("ips:accessibility"), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    expected = ["WCAG", "2.1", "30.11.2026", "not yet accessible", "saavutettavuusvaatimukset.fi", 'name="message"']
    assert all(phrase in text for phrase in expected), [phrase for phrase in expected if phrase not in text]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_page_links_the_statement_in_its_footer(client, language):
    client.cookies["django_language"] = language
    login_page = client.get(reverse("login")).content.decode()
    footer = login_page[login_page.index("<footer") :]
    assert reverse("ips:accessibility") in footer


@pytest.mark.django_db
def test_anonymous_feedback_is_stored_once_even_when_sent_twice(client):
    submission = str(uuid.uuid4())
    first = send(client, submission_id=submission)
    second = send(client, submission_id=submission)
    assert first.status_code == second.status_code == 302
    feedback = AccessibilityFeedback.objects.get()
    assert feedback.message == MESSAGE["message"] and feedback.organisation is None


def test_signed_in_sender_reaches_their_organisations_admins_only(client, coach_a, org_a, org_admin, org_admin_b):
    client.force_login(coach_a)
    send(client)
    assert AccessibilityFeedback.objects.get().organisation == org_a
    client.force_login(org_admin)
    assert MESSAGE["message"] in client.get(reverse("ips:accessibility_feedback")).content.decode()
    client.force_login(org_admin_b)
    assert MESSAGE["message"] not in client.get(reverse("ips:accessibility_feedback")).content.decode()
    client.force_login(coach_a)
    assert client.get(reverse("ips:accessibility_feedback")).status_code == 403


@pytest.mark.django_db
def test_the_honeypot_drops_robots_quietly(client):
    assert send(client, website="http://spam.example").status_code == 302
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.django_db
def test_one_address_is_limited_per_hour(client, settings):
    settings.ACCESSIBILITY_FEEDBACK_PER_HOUR = 2
    assert send(client).status_code == send(client).status_code == 302
    refused = send(client)
    assert refused.status_code == 200 and refused.context["form"].non_field_errors()
    assert AccessibilityFeedback.objects.count() == 2
    assert send(client, meta={"REMOTE_ADDR": "192.0.2.9"}).status_code == 302  # another address is not limited


def test_the_feedback_list_costs_the_same_queries_however_many_messages(client, org_a, org_admin):
    client.force_login(org_admin)
    url = reverse("ips:accessibility_feedback")

    def add(count):
        AccessibilityFeedback.objects.bulk_create(
            AccessibilityFeedback(organisation=org_a, message=f"Viesti {n}", sender="x") for n in range(count)
        )

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    add(2)
    client.get(url)  # the session's first write is not the page's
    assert count_queries() == 3
    add(30)
    assert count_queries() == 3  # pinned: the messages come with their organisation in one query
