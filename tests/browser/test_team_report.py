"""The lead of the demo's multi-professional team finds the team report from the reports page by clicking: clients
by service, overdue plans (codes that open the plan) and network meetings, at 1280 px and 390 px, axe clean."""

import pytest

pytestmark = pytest.mark.browser


def test_the_team_lead_reads_the_team_report(page, demo, login, axe, screenshot_dir):
    login(page, "pir.lead")
    page.locator("header .menu a[href='/reports/']").click()
    page.locator("#kykyviisari-title").wait_for()
    axe(page)
    page.get_by_role("link", name="Tiimin raportti: palvelut, myöhässä olevat suunnitelmat, verkostopalaverit").click()
    page.locator("#services-title").wait_for()
    main = page.locator("main")
    assert "Tampereen työkyvyn tuen tiimi" in main.locator("h1").inner_text()
    services = main.locator("section[aria-labelledby=services-title] tbody tr")
    assert services.count() == 4  # the two services, both, and all clients
    plans = main.locator("section[aria-labelledby=plans-title] tbody tr")
    assert plans.count() >= 1
    # A whole year back: the demo team's network meetings fall in it.
    page.locator("#team-report-start").fill(f"{page.locator('#team-report-end').input_value()[:4]}-01-01")
    page.get_by_role("button", name="Näytä").click()
    page.locator("section[aria-labelledby=meetings-title] tfoot").wait_for()
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        axe(page)
        page.screenshot(path=screenshot_dir / f"team-report-{width}.png", full_page=True)
    code = plans.first.locator("th a").inner_text()
    plans.first.locator("th a").click()
    page.wait_for_load_state()
    assert code in page.locator("main").inner_text()
