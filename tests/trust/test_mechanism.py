"""The edges of the two mechanisms (ips/forms/trust.py, ips/submissions.py) that the walks do not reach."""

import uuid
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from ips.forms.clients import GoalForm
from ips.forms.trust import FINGERPRINT_FIELD, NO_ROW, SUBMISSION_FIELD
from ips.models import Client, Goal, Stage, Submission, VocationalProfile
from tests.trust.cases import form_data

pytestmark = pytest.mark.django_db


def _post_form(browser, url, html, **typed):
    data = form_data(html, FINGERPRINT_FIELD)
    data.update({name: [value] for name, value in typed.items()})
    return browser.post(url, data)


def test_a_row_created_meanwhile_is_not_overwritten(world, browser_for):
    """Two coaches start the vocational profile at once: the second is shown the first one's text."""
    url = reverse("ips:profile_edit", args=[world.client.uuid])
    first, second = browser_for("coach_a"), browser_for("coach_a2")
    pages = [first.get(url).content, second.get(url).content]
    assert form_data(pages[1], FINGERPRINT_FIELD)[FINGERPRINT_FIELD] == [NO_ROW]
    assert _post_form(first, url, pages[0], preferences="Ulkotyö").status_code == 302
    refused = _post_form(second, url, pages[1], preferences="Sisätyö")
    assert refused.status_code == 200
    assert VocationalProfile.objects.get(client=world.client).preferences == "Ulkotyö"
    assert "Ulkotyö" in BeautifulSoup(refused.content.decode(), "html.parser").select_one(".saved-meanwhile").text


def test_the_same_values_saved_meanwhile_are_no_conflict(world, browser_for):
    url = reverse("ips:goal_edit", args=[world.client.uuid, world.goal.uuid])
    first, second = browser_for("coach_a"), browser_for("coach_a2")
    pages = [first.get(url).content, second.get(url).content]
    assert _post_form(first, url, pages[0], text="Oppisopimus").status_code == 302
    assert _post_form(second, url, pages[1], text="Oppisopimus").status_code == 302


def test_a_change_to_fields_the_form_does_not_show_is_no_conflict(world, browser_for):
    """The client's stage moved on while their details were open: saving the details is no lost update."""
    url = reverse("ips:client_edit", args=[world.client.uuid])
    browser = browser_for("coach_a")
    page = browser.get(url).content
    Client.objects.filter(pk=world.client.pk).update(stage=Stage.PROFILE, updated=timezone.now())
    assert _post_form(browser, url, page, municipality="Vaasa").status_code == 302
    assert Client.objects.get(pk=world.client.pk).municipality == "Vaasa"


def test_a_double_click_on_an_edit_saves_once_without_a_conflict(world, browser_for):
    """The repeat of one's own save is not someone else's save: it goes where the first went."""
    url = reverse("ips:goal_edit", args=[world.client.uuid, world.goal.uuid])
    browser = browser_for("coach_a")
    data = form_data(browser.get(url).content, FINGERPRINT_FIELD)
    data["text"] = ["Oppisopimus"]
    first, second = browser.post(url, data), browser.post(url, data)
    assert (first.status_code, second.status_code) == (302, 302)
    assert second["Location"] == first["Location"]


def test_the_add_forms_of_the_client_page_carry_a_one_time_id(world, browser_for):
    # The client page's add forms, and those of the plan page (goals and their actions live in the plan).
    for page_name, names in (
        ("ips:client_detail", ("ips:client_stage", "ips:score_add")),
        ("ips:plan_detail", ("ips:goal_add", "ips:plan_action_add", "ips:plan_edit")),
    ):
        if page_name == "ips:plan_detail":
            Goal.objects.get_or_create(client=world.client, text="Työkokeilu", defaults={"set_on": world.today})
        page = browser_for("coach_a").get(reverse(page_name, args=[world.client.uuid]))
        soup = BeautifulSoup(page.content.decode(), "html.parser")
        for name in names:
            form = soup.find("form", action=reverse(name, args=[world.client.uuid]))
            assert form.find("input", attrs={"name": SUBMISSION_FIELD, "type": "hidden"})["value"], name


def test_submissions_are_kept_for_a_day(world, browser_for):
    old = Submission.objects.create(user=world.coach_a2, token="00000000-0000-4000-8000-000000000001")
    Submission.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=2))
    url = reverse("ips:goal_add", args=[world.client.uuid])
    data = {"text": "Kesätyö", "status": "open", "set_on": world.today.isoformat(), SUBMISSION_FIELD: "4" * 32}
    assert browser_for("coach_a").post(url, data).status_code == 302
    assert Submission.objects.count() == 1
    assert not Submission.objects.filter(pk=old.pk).exists()


def test_the_hidden_fields_are_not_changes_of_the_user(world):
    goal = world.goal
    data = {"text": goal.text, "status": goal.status, "set_on": goal.set_on.isoformat()}
    form = GoalForm({**data, SUBMISSION_FIELD: str(uuid.uuid4()), FINGERPRINT_FIELD: "x"}, instance=goal)
    assert form.changed_data == []
