"""Content editors write the training pages and nothing else; seed_training ships the starting content."""

import io

from django.core.management import call_command
from django.urls import reverse
from wagtail.models import Page, Site

from content.models import GlossaryPage, TrainingHomePage, TrainingPage


def test_a_content_editor_cannot_open_client_data(as_user, content_editor, client_a, training):
    browser = as_user(content_editor)
    assert browser.get(reverse("ips:client_detail", kwargs={"uuid": client_a.uuid})).status_code == 404


def test_a_content_editor_may_add_edit_and_publish_training_pages(content_editor, training):
    section = training("basics")
    permissions = section.permissions_for_user(content_editor)
    assert permissions.can_add_subpage()
    assert permissions.can_publish_subpage()
    page_permissions = training("disclosure", "sv").permissions_for_user(content_editor)
    assert page_permissions.can_edit() and page_permissions.can_publish()


def test_a_content_editor_reaches_the_page_editor_images_and_documents(as_user, content_editor, training):
    browser = as_user(content_editor)
    section = training("basics")
    assert (
        browser.get(reverse("wagtailadmin_pages:add", args=["content", "trainingpage", section.pk])).status_code == 200
    )
    assert browser.get(reverse("wagtailimages:add")).status_code == 200
    assert browser.get(reverse("wagtaildocs:add")).status_code == 200


def test_a_coach_cannot_open_the_cms(as_user, coach_a, training):
    response = as_user(coach_a).get(reverse("wagtailadmin_home"))
    assert response.status_code in (302, 403)


def test_the_seed_ships_eight_pages_and_a_glossary_in_finnish_and_swedish(training):
    for language in ("fi", "sv"):
        pages = TrainingPage.objects.live().filter(locale__language_code=language)
        assert pages.count() >= 8
        assert all(len(page.body) >= 3 for page in pages)
        glossary = GlossaryPage.objects.get(locale__language_code=language)
        assert glossary.terms.count() >= 15
    finnish = set(TrainingPage.objects.filter(locale__language_code="fi").values_list("translation_key", flat=True))
    swedish = set(TrainingPage.objects.filter(locale__language_code="sv").values_list("translation_key", flat=True))
    assert finnish == swedish
    assert training("disclosure").fidelity_items.filter(code="V2").exists()


def test_the_site_serves_the_training_home(training):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, TrainingHomePage)
    assert site.root_page.locale.language_code == "fi"


def test_running_the_seed_again_changes_nothing(training):
    before = list(Page.objects.order_by("path").values_list("path", "title", "translation_key", "live"))
    call_command("seed_training", stdout=io.StringIO())
    after = list(Page.objects.order_by("path").values_list("path", "title", "translation_key", "live"))
    assert before == after


def test_the_seed_keeps_what_editors_changed(training):
    page = training("disclosure")
    page.title = "Muokattu otsikko"
    page.save_revision().publish()
    call_command("seed_training", stdout=io.StringIO())
    assert training("disclosure").title == "Muokattu otsikko"


def _add_pages(section, count, start=0):
    for n in range(start, start + count):
        section.add_child(instance=TrainingPage(title=f"Lisäsivu {n}", slug=f"lisasivu-{n}", intro="Lisää."))


def test_the_training_home_query_count_does_not_grow_with_pages(
    as_user, coach_a, training, django_assert_max_num_queries
):
    browser = as_user(coach_a)
    section = training("practice")
    _add_pages(section, 2)
    browser.get("/training/")  # warm caches
    with django_assert_max_num_queries(40) as small:
        browser.get("/training/")
    _add_pages(section, 20, start=100)
    with django_assert_max_num_queries(40) as large:
        response = browser.get("/training/")
    assert "Lisäsivu 119" in response.text
    assert len(large.captured_queries) == len(small.captured_queries)
