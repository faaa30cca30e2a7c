"""The action plan's training pages in the reader's language: the plan's choice of pages lists each page once, in
the reader's language (else Finnish), and the plan shows the chosen page through content's fragment, so a Swedish
reader sees the Swedish title whichever version the reviewer chose."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from content.models import TrainingPage
from fidelity.models import ActionPlanItem
from tests.content import conftest as training_site

pytestmark = pytest.mark.django_db

# The shipped training site, seeded once for this module, and its lookup training("disclosure", "sv").
_fresh_site_root_paths = training_site._fresh_site_root_paths
_seeded_training = training_site._seeded_training
training = training_site.training


def _swedish(user):
    user.language = "sv"
    user.save()
    return user


def _options(html: str) -> dict[str, str]:
    """The training page select's options: value → label, the empty choice left out."""
    select = re.search(r'<select name="training_page"[^>]*>(.*?)</select>', html, re.DOTALL).group(1)
    return dict(re.findall(r'<option value="(\d+)"[^>]*>([^<]*)</option>', select))


def test_a_swedish_reviewer_chooses_among_the_swedish_pages_and_finnish_ones_not_yet_translated(
    review, reviewer, training, as_user
):
    section = training("basics")
    only_finnish = section.add_child(instance=TrainingPage(title="Vain suomeksi", slug="vain-suomeksi", intro="."))
    html = as_user(_swedish(reviewer)).get(reverse("fidelity:plan_item_create", args=[review.uuid])).text
    options = _options(html)
    assert options[str(training("disclosure", "sv").pk)] == training("disclosure", "sv").title
    assert str(training("disclosure").pk) not in options
    assert options[str(only_finnish.pk)] == "Vain suomeksi"


def test_a_finnish_reviewer_chooses_among_the_finnish_pages(review, reviewer, training, as_user):
    options = _options(as_user(reviewer).get(reverse("fidelity:plan_item_create", args=[review.uuid])).text)
    assert options[str(training("disclosure").pk)] == training("disclosure").title
    assert str(training("disclosure", "sv").pk) not in options


def test_editing_an_action_shows_its_page_chosen_in_the_readers_language(review, reviewer, training, as_user):
    plan = ActionPlanItem.objects.create(
        review=review, text="Kerrotaan työnantajalle", owner_name="Tiimi", training_page=training("disclosure")
    )
    html = as_user(_swedish(reviewer)).get(reverse("fidelity:plan_item_edit", args=[review.uuid, plan.uuid])).text
    chosen = re.search(r'<option value="(\d+)" selected>', html)
    assert chosen and chosen.group(1) == str(training("disclosure", "sv").pk)


@pytest.mark.parametrize("view", ["report", "detail"])
def test_the_plan_shows_its_training_page_in_the_readers_language(view, review, reviewer, training, as_user):
    finnish, swedish = training("disclosure"), training("disclosure", "sv")
    ActionPlanItem.objects.create(
        review=review, text="Kerrotaan työnantajalle", owner_name="Tiimi", training_page=finnish
    )
    browser = as_user(_swedish(reviewer))
    html = browser.get(reverse(f"fidelity:review_{view}", args=[review.uuid])).text
    fragment = re.search(r'hx-get="([^"]+)"[^>]*>' + re.escape(finnish.title), html)
    assert fragment, "the plan's page is not loaded from content in the reader's language"
    link = browser.get(fragment.group(1)).text
    assert swedish.title in link and finnish.title not in link
    assert f'href="{swedish.url}"' in link


def test_the_plans_workbook_names_the_training_page_in_the_readers_language(review, reviewer, training, as_user):
    finnish, swedish = training("disclosure"), training("disclosure", "sv")
    ActionPlanItem.objects.create(
        review=review, text="Kerrotaan työnantajalle", owner_name="Tiimi", training_page=finnish
    )
    response = as_user(_swedish(reviewer)).get(reverse("fidelity:review_xlsx", args=[review.uuid]))
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    [header, row] = workbook.worksheets[2].iter_rows(values_only=True)
    assert row[header.index("Utbildningssida")] == swedish.title
