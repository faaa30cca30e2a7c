import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

from content.models import GlossaryPage, TrainingHomePage, TrainingIndexPage, TrainingPage


class TestTrainingPageTypes(WagtailPageTestCase):
    def test_the_training_home_sits_at_the_root_of_the_tree(self):
        self.assertCanCreateAt(Page, TrainingHomePage)
        self.assertCanNotCreateAt(TrainingIndexPage, TrainingHomePage)
        self.assertCanNotCreateAt(TrainingHomePage, TrainingHomePage)

    def test_sections_hold_training_pages_and_subsections(self):
        self.assertAllowedSubpageTypes(TrainingIndexPage, {TrainingPage, TrainingIndexPage})
        self.assertCanCreateAt(TrainingHomePage, TrainingIndexPage)
        self.assertCanNotCreateAt(Page, TrainingIndexPage)

    def test_a_training_page_has_no_children_and_lives_under_the_training_site(self):
        self.assertAllowedSubpageTypes(TrainingPage, set())
        self.assertAllowedParentPageTypes(TrainingPage, {TrainingIndexPage, TrainingHomePage})
        self.assertCanNotCreateAt(Page, TrainingPage)

    def test_the_glossary_hangs_from_the_home_only(self):
        self.assertCanCreateAt(TrainingHomePage, GlossaryPage)
        self.assertCanNotCreateAt(TrainingIndexPage, GlossaryPage)
        self.assertAllowedSubpageTypes(GlossaryPage, set())


def test_a_language_gets_only_one_training_home(training):
    finnish = Locale.objects.get(language_code="fi")
    second = TrainingHomePage(title="Toinen", slug="toinen", locale=finnish)
    with pytest.raises(ValidationError):
        second.clean()


def test_the_glossary_allows_one_per_home(training):
    home = training("home")
    assert not GlossaryPage.can_create_at(home)
