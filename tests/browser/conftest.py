"""Real-browser tests: Playwright drives Debian's chromium against Django's live server.

Locally a machine without chromium skips these tests; in CI (CI=true) a missing browser is a failure.
"""

import io
import os
import time
from pathlib import Path

import pyotp
import pytest
from django.conf import settings
from django.core.management import call_command

from tests.needs import mark_unavailable
from tests.reference_data import restore_migrated_rows

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SCREENSHOTS = Path(os.environ.get("ARTIFACTS_DIR", Path(settings.BASE_DIR) / "artifacts")) / "screenshots"
SCREENSHOTS_USED = pytest.StashKey[bool]()


def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    mark_unavailable(items, "browser", ci_reason="no chromium in CI", local_reason=f"{CHROMIUM} is not installed")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "fi-FI"}


@pytest.fixture(scope="session")
def screenshot_dir(request):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    request.config.stash[SCREENSHOTS_USED] = True
    return SCREENSHOTS


def pytest_terminal_summary(terminalreporter, config):
    if config.stash.get(SCREENSHOTS_USED, False):
        terminalreporter.write_line(f"Screenshots of the browser journeys: {SCREENSHOTS}")


@pytest.fixture
def demo(transactional_db):
    """The demo data of `make demo`, loaded into the live server's database."""
    restore_migrated_rows()
    for command in ("seed_demo", "seed_employers_demo", "seed_fidelity_demo", "seed_training"):
        call_command(command, stdout=io.StringIO())


@pytest.fixture
def axe():
    from axe_playwright_python.sync_playwright import Axe

    checker = Axe()

    def check(page):
        results = checker.run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture
def login(live_server):
    def do_login(page, username, password="polku-demo-2026"):
        page.goto(f"{live_server.url}/accounts/login/")
        page.locator("input[name=username]").fill(username)
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
        set_up_required_two_factor(page, password)

    return do_login


def totp_code(secret: str) -> str:
    """The authenticator's code with at least five seconds of its 30-second window left: allauth takes a code only in
    its own window, and one computed at a window's end expired before the form arrived (a failed activation)."""
    while 30 - time.time() % 30 < 5:
        time.sleep(0.2)
    return pyotp.TOTP(secret).now()


def set_up_required_two_factor(page, password):
    """An organisation admin or reporter signing in with a password is sent to set up two-factor sign-in first:
    confirm the password, read the secret the page shows, send the code an authenticator app would compute."""
    if "/accounts/reauthenticate/" in page.url:
        page.locator("input[name=password]").fill(password)
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
    if "/accounts/2fa/totp/activate/" in page.url:
        secret = page.locator("#authenticator_secret").input_value()
        page.locator("input[name=code]").fill(totp_code(secret))
        page.locator("main form button[type=submit]").click()
        page.wait_for_load_state()
