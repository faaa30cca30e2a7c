"""A double click or double Enter on any form that creates something saves it once (ips/submissions.py)."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from fidelity.models import Review
from ips.forms.trust import SUBMISSION_FIELD
from tests.trust.cases import CREATES, merged, send

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("walk", CREATES, ids=lambda walk: walk.id)
def test_the_same_submission_sent_twice_saves_once(walk, world, browser_for):
    browser = browser_for(walk.user)
    page = browser.get(walk.page_url(world))
    assert page.status_code == 200
    data = walk.form_data(world, page.content, SUBMISSION_FIELD)
    assert data[walk.name(SUBMISSION_FIELD)][0], "the form carries no one-time submission id"
    payload = merged(data, walk, walk.valid(world))
    before = walk.adds.objects.count()
    first = send(browser, walk, world, payload)
    assert first.status_code in (200, 302), first.status_code
    assert walk.adds.objects.count() == before + 1, "the first submission did not save"
    second = send(browser, walk, world, payload)
    assert walk.adds.objects.count() == before + 1, "the repeat saved a second row"
    if walk.htmx:
        assert second.status_code in (200, 204)
    else:
        assert first.status_code == 302
        assert (second.status_code, second["Location"]) == (302, first["Location"]), "the repeat went elsewhere"


def test_a_button_form_sent_twice_acts_once(world, browser_for):
    """Starting a new review from a finalised one is a button with a one-time id: a double click copies once."""
    review = world.review
    Review.objects.filter(pk=review.pk).update(status=Review.Status.FINALISED, finalised_at=timezone.now())
    browser = browser_for("supervisor_a")
    url = reverse("fidelity:review_copy", args=[review.uuid])
    page = browser.get(reverse("fidelity:review_detail", args=[review.uuid]))
    form = BeautifulSoup(page.content.decode(), "html.parser").find("form", action=url)
    token = form.find(attrs={"name": SUBMISSION_FIELD})["value"]
    before = Review.objects.count()
    first = browser.post(url, {SUBMISSION_FIELD: token})
    second = browser.post(url, {SUBMISSION_FIELD: token})
    assert Review.objects.count() == before + 1
    assert second["Location"] == first["Location"]


def test_a_refused_submission_can_be_corrected_and_sent_with_the_same_id(world, browser_for):
    """Bad input saves nothing and keeps the form's id free: the corrected form saves."""
    browser = browser_for("coach_a")
    url = reverse("ips:goal_add", args=[world.client.uuid])
    token = str(uuid.uuid4())
    refused = browser.post(url, {"text": "", "status": "open", "set_on": "", SUBMISSION_FIELD: token})
    assert refused.status_code == 200 and refused.context["form"].errors
    corrected = {"text": "Kesätyö", "status": "open", "set_on": world.today.isoformat(), SUBMISSION_FIELD: token}
    saved = browser.post(url, corrected)
    assert saved.status_code == 302
    assert world.client.goals.count() == 1


def test_a_broken_id_only_goes_without_the_protection(world, browser_for):
    browser = browser_for("coach_a")
    url = reverse("ips:goal_add", args=[world.client.uuid])
    data = {"text": "Kesätyö", "status": "open", "set_on": world.today.isoformat(), SUBMISSION_FIELD: "' OR 1=1 --"}
    assert browser.post(url, data).status_code == 302
    assert browser.post(url, data).status_code == 302
    assert world.client.goals.count() == 2


def test_two_people_with_the_same_id_do_not_meet(world, browser_for):
    """The id is one user's: a colleague's form that happened to carry it would still save."""
    url = reverse("ips:goal_add", args=[world.client.uuid])
    data = {"text": "Kesätyö", "status": "open", "set_on": world.today.isoformat(), SUBMISSION_FIELD: str(uuid.uuid4())}
    assert browser_for("coach_a").post(url, data).status_code == 302
    assert browser_for("coach_a2").post(url, data).status_code == 302
    assert world.client.goals.count() == 2
