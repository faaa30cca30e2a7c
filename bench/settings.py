"""Polku's settings plus the bench-only admin site (the changelist the caseload page is compared with)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
# The test client talks to "testserver".
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
