import io

import pytest
from django.core.management import call_command
from django.db import transaction
from wagtail.models import Page, Site

from content.management.commands.seed_training import key_for


@pytest.fixture(autouse=True)
def _fresh_site_root_paths():
    # Wagtail caches the site's root paths across requests; tests that build their own pages must not see stale ones.
    Site.clear_site_root_paths_cache()
    yield
    Site.clear_site_root_paths_cache()


@pytest.fixture(scope="module")
def _seeded_training(django_db_setup, django_db_blocker):
    """Seed the shipped training site once per module (it takes seconds) inside a transaction rolled back at the
    module's end, so no other test module sees it; each test rolls back its own changes in a nested savepoint."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            call_command("seed_training", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def training(_seeded_training, db):
    """Look up a shipped page by its seed key and language: training("disclosure", "sv")."""

    def page(key, language="fi"):
        return Page.objects.get(translation_key=key_for(key), locale__language_code=language).specific

    return page
