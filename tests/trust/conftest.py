import pytest
from django.test import Client
from wagtail.models import Site

from tests.trust.cases import World


@pytest.fixture
def world(request, db):
    Site.clear_site_root_paths_cache()
    yield World(request)
    Site.clear_site_root_paths_cache()


@pytest.fixture
def browser_for(world):
    """A new signed-in browser (its own session, as a second tab or a colleague) for a user of the cast by name."""

    def browser(user: str) -> Client:
        session = Client()
        session.force_login(getattr(world, user))
        return session

    return browser
