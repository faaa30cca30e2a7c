"""Tests that run Polku as real server processes: they need PostgreSQL (several processes share one database).

Locally a SQLite run skips them; in CI (CI=true) a missing PostgreSQL is a failure, as for the browser tests.
"""

from django.conf import settings

from tests.needs import mark_unavailable


def pytest_collection_modifyitems(config, items):
    if settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        return
    mark_unavailable(
        items,
        "multiprocess",
        ci_reason="no PostgreSQL in this CI run",
        local_reason="needs PostgreSQL (run under pg_virtualenv)",
    )
