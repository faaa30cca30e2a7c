"""The permission tests' data and signed-in browsers, built once per module (the walk makes hundreds of requests)."""

import pytest
from django.db import transaction
from django.test import Client
from wagtail.models import Site

from tests.permissions import world as world_module


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The world of tests/permissions/world.py inside a transaction rolled back at the module's end, so no other
    module sees it; each test rolls back its own changes in a nested savepoint (the `db` fixture)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            Site.clear_site_root_paths_cache()
            yield world_module.build()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            Site.clear_site_root_paths_cache()


@pytest.fixture(scope="module")
def browsers(world, django_db_blocker):
    """One test client per role column, signed in once: {"coach": Client, ...}; anonymous is signed out."""
    with django_db_blocker.unblock():
        result = {}
        for role, user in {**world.users, **world.extra_users}.items():
            browser = Client()
            if user is not None:
                browser.force_login(user)
            result[role] = browser
        return result


@pytest.fixture
def walk(world, browsers, db):
    """The world and the browsers for one test, with the test's own changes rolled back after it."""
    return world, browsers
