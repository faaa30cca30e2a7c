"""Browser journeys of issue 14: two-factor sign-in set up and used by clicking, and the accessibility statement
reached from the footer with feedback sent; axe at phone and desktop widths."""

import time

import pyotp
import pytest

from ips.models import AccessibilityFeedback
from tests.browser.conftest import totp_code

pytestmark = pytest.mark.browser

WIDTHS = [390, 1280]
DEMO_PASSWORD = "polku-demo-2026"


def sign_in_form(page, username, password=DEMO_PASSWORD):
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(password)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_load_state()


def _code_of_a_new_window(secret: str) -> str:
    """The code of the next 30-second window, as a person's app shows a minute later: allauth takes a code once, and
    a code computed near a window's end may expire before it arrives."""
    step = int(time.time()) // 30
    while int(time.time()) // 30 == step:
        time.sleep(0.2)
    return pyotp.TOTP(secret).now()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_coach_sets_up_totp_signs_out_and_signs_in_with_the_code(page, demo, axe, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    sign_in_form(page, "coach")
    page.locator("details.dropdown summary").click()
    page.get_by_role("link", name="Kaksivaiheinen kirjautuminen").click()
    axe(page)
    page.locator("main a[href='/accounts/2fa/totp/activate/']").click()
    page.locator("input[name=password]").fill(DEMO_PASSWORD)  # allauth asks the password again
    axe(page)
    page.locator("main form button[type=submit]").click()
    secret = page.locator("#authenticator_secret").input_value()
    axe(page)
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    axe(page)  # the recovery codes

    page.locator("details.dropdown summary").click()
    page.locator("form[action='/accounts/logout/'] button").click()
    page.wait_for_load_state()
    sign_in_form(page, "coach")
    assert "/accounts/2fa/authenticate/" in page.url
    axe(page)
    page.locator("input[name=code]").fill(_code_of_a_new_window(secret))
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text().startswith("Tervetuloa")
    assert page.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("width", WIDTHS)
def test_the_statement_is_reached_from_the_footer_and_takes_feedback(page, demo, axe, live_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("footer").get_by_role("link", name="Saavutettavuusseloste").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Saavutettavuusseloste"
    assert "WCAG 2.1" in page.content()
    axe(page)
    page.get_by_label("Viesti").fill("Raportin kaavioiden värejä on vaikea erottaa.")
    page.get_by_label("Sivu tai palvelu").fill("Raportit")
    page.get_by_role("button", name="Lähetä palaute").click()
    page.wait_for_load_state()
    assert page.get_by_role("status").inner_text().startswith("Kiitos")
    axe(page)
    assert AccessibilityFeedback.objects.get().page == "Raportit"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
