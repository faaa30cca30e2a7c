import pytest

pytestmark = pytest.mark.browser


def test_the_demo_coach_logs_in_in_finnish_and_swedish(page, demo, login, axe, screenshot_dir, live_server):
    page.set_viewport_size({"width": 390, "height": 844})
    login(page, "coach")
    assert page.locator("html").get_attribute("lang") == "fi"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Tervetuloa")
    page.screenshot(path=screenshot_dir / "landing-coach-fi.png", full_page=True)
    axe(page)

    page.get_by_role("button", name="SV Svenska").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Välkommen")
    page.screenshot(path=screenshot_dir / "landing-coach-sv.png", full_page=True)
    axe(page)
    # The page fits a phone: nothing scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_login_page_is_accessible(page, live_server, axe):
    page.goto(f"{live_server.url}/accounts/login/")
    axe(page)
