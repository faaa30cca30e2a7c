"""The WSGI module that gunicorn loads: it leaves the start-up objects out of the garbage collector's passes."""

import subprocess
import sys

from django.conf import settings

PRINT_FROZEN = (
    "import gc; before = gc.get_freeze_count(); import config.wsgi; "
    "print(before, gc.get_freeze_count(), callable(config.wsgi.application))"
)


def test_loading_the_application_freezes_what_start_up_made():
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings"}
    result = subprocess.run(
        [sys.executable, "-c", PRINT_FROZEN], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    before, after, callable_app = result.stdout.split()
    assert int(before) == 0
    # Django's and Wagtail's modules alone are tens of thousands of objects.
    assert int(after) > 50_000
    assert callable_app == "True"
