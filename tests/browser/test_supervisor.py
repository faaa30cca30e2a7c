"""The demo supervisor works in Swedish: the team's week, the caseload filtered to clients without recent contact,
and the dashboard whose charts have their figures in tables beside them."""

import pytest
from playwright.sync_api import expect

from ips.models import Client, User

pytestmark = pytest.mark.browser

# A canvas is drawn when any of its pixels is not transparent.
CANVAS_DRAWN = """id => {
  const canvas = document.getElementById(id);
  const pixels = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  return canvas.width > 0 && pixels.some((value, index) => index % 4 === 3 && value > 0);
}"""


def test_the_demo_supervisor_reads_the_week_the_overdue_caseload_and_the_dashboard_in_swedish(
    page, demo, login, axe, screenshot_dir, live_server
):
    User.objects.filter(username="supervisor").update(language="sv")
    team_clients = Client.objects.filter(team__name="Vaasan työkykytiimi")
    login(page, "supervisor")

    # The team's week: a row for each coach, and the employer contacts fragment from the employers app.
    assert page.url.endswith("/week/")
    assert page.locator("html").get_attribute("lang") == "sv"
    expect(page.get_by_role("heading", level=1)).to_contain_text("Vecka")
    expect(page.locator("section[aria-labelledby=team-heading] tbody tr")).to_have_count(2)
    expect(page.locator("#team-contacts-week tbody tr")).to_have_count(2)
    axe(page)
    page.screenshot(path=screenshot_dir / "supervisor-1-week-sv.png", full_page=True)

    # The caseload, then only the clients without contact for two weeks (htmx: no page load, the address follows).
    page.locator("header .menu a[href='/clients/']").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Klienter")
    expect(page.locator("table.caseload tbody tr")).to_have_count(team_clients.active().count())
    axe(page)
    page.locator("details.filters summary").click()
    expect(page.locator("label[for=id_overdue]")).to_contain_text("Ingen kontakt på 14 dagar eller mer")
    page.locator("#id_overdue").check()
    page.wait_for_url("**overdue=on**")
    overdue = list(team_clients.overdue().values_list("code", flat=True))
    assert 0 < len(overdue) < team_clients.active().count()
    rows = page.locator("table.caseload tbody tr")
    expect(rows).to_have_count(len(overdue))
    assert sorted(code for code in overdue if rows.filter(has_text=code).count() == 1) == sorted(overdue)
    axe(page)
    page.screenshot(path=screenshot_dir / "supervisor-2-caseload-overdue-sv.png", full_page=True)

    # The dashboard: Chart.js draws each chart, and a table beside it holds the same figures.
    page.locator("header .menu a[href='/reports/']").click()
    expect(page.locator("#employment-title")).to_have_text("Sysselsättningsgrad per kvartal")
    for chart, table in (("reports-employment-chart", "employment-title"), ("reports-hours-chart", "hours-title")):
        page.wait_for_function(CANVAS_DRAWN, arg=chart)
        labels = page.evaluate("id => Chart.getChart(id).data.labels.length", chart)
        assert labels > 0
        expect(page.locator(f"div.table-wrap[aria-labelledby={table}] tbody tr")).to_have_count(labels)
        assert page.locator(f"#{chart}").get_attribute("role") == "img"
    # The charts speak Swedish too, benchmark lines included.
    legend = page.evaluate("Chart.getChart('reports-employment-chart').data.datasets.map(dataset => dataset.label)")
    assert {"Miniminivå 31 %", "Medelnivå 41 %", "Utmärkt 50 %"} <= set(legend), legend
    axe(page)
    page.screenshot(path=screenshot_dir / "supervisor-3-dashboard-sv.png", full_page=True)
