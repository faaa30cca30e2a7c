"""Two POSTs of one submission at the same moment, on PostgreSQL (SQLite runs one writer at a time anyway)."""

import threading
import time
import uuid

import pytest
from django.contrib import messages
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from ips.forms.trust import FINGERPRINT_FIELD, SUBMISSION_FIELD
from ips.models import Goal
from tests.trust.cases import form_data

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL's row locks")


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_posts_of_one_submission_save_once(client_a, coach_a, monkeypatch):
    original = messages.success

    def slow_success(*args, **kwargs):
        time.sleep(0.5)  # the first POST holds its transaction open while the second arrives
        return original(*args, **kwargs)

    monkeypatch.setattr("ips.views.clients.messages.success", slow_success)
    url = reverse("ips:goal_add", args=[client_a.uuid])
    data = {"text": "Kesätyö", "status": "open", "set_on": timezone.localdate().isoformat()}
    data[SUBMISSION_FIELD] = str(uuid.uuid4())
    start, answers = threading.Barrier(2), []

    def post():
        browser = Client()
        browser.force_login(coach_a)
        start.wait()
        answers.append(browser.post(url, data))
        connection.close()

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Goal.objects.filter(client=client_a).count() == 1
    assert [answer.status_code for answer in answers] == [302, 302]
    assert answers[0]["Location"] == answers[1]["Location"]


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_edits_of_one_row_save_one_and_refuse_the_other(client_a, coach_a, monkeypatch):
    """The row is locked from the stale check to the save: the second edit waits, then sees the first one's save."""
    original = messages.success

    def slow_success(*args, **kwargs):
        time.sleep(0.5)
        return original(*args, **kwargs)

    monkeypatch.setattr("ips.views.clients.messages.success", slow_success)
    goal = Goal.objects.create(client=client_a, text="Työkokeilu", set_on=timezone.localdate())
    url = reverse("ips:goal_edit", args=[client_a.uuid, goal.uuid])
    loader = Client()
    loader.force_login(coach_a)
    loaded = form_data(loader.get(url).content, FINGERPRINT_FIELD)
    start, answers = threading.Barrier(2), {}

    def post(text):
        browser = Client()
        browser.force_login(coach_a)
        start.wait()
        answers[text] = browser.post(url, {**loaded, "text": [text], SUBMISSION_FIELD: [str(uuid.uuid4())]})
        connection.close()

    threads = [threading.Thread(target=post, args=[text]) for text in ("Kesätyö", "Oppisopimus")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answer.status_code for answer in answers.values()) == [200, 302]
    saved = next(text for text, answer in answers.items() if answer.status_code == 302)
    assert Goal.objects.get(pk=goal.pk).text == saved
