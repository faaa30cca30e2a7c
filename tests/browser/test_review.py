"""The demo reviewer accepts the suggestions from data, scores the rest, adds an action, finalises and prints."""

import re

import pytest
from playwright.sync_api import expect

from fidelity.models import Review

pytestmark = pytest.mark.browser


def test_the_demo_reviewer_accepts_the_suggestions_finalises_and_prints_a_review(
    page, demo, login, axe, screenshot_dir, live_server
):
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name="Vaasan työkykytiimi")
    login(page, "reviewer")

    page.goto(f"{live_server.url}/fidelity/")
    page.get_by_role("link", name="Vaasan työkykytiimi").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/fidelity/reviews/{draft.uuid}/")
    axe(page)

    # Refresh the figures from the team's data, then accept each suggestion with its button (htmx swaps the item).
    page.locator("#indicators button[type=submit]").click()
    page.wait_for_url("**#indicators")
    expect(page.locator(".messages")).to_be_visible()
    suggested = {r.item.code: r.suggested_score for r in draft.ratings.select_related("item") if r.suggested_score}
    assert len(suggested) >= 3
    for code in suggested:
        page.locator(f"#item-{code} > summary").click()  # each item is one line until opened
        page.locator(f"form[action$='/items/{code}/accept/'] button[type=submit]").click()
        expect(page.locator(f"#item-{code} .saved")).to_be_visible()
    expect(page.locator("#review-totals")).to_contain_text(f"{len(suggested)}/25")
    accepted = {r.item.code: r.score for r in draft.ratings.select_related("item").filter(source="data_accepted")}
    assert accepted == suggested
    axe(page)
    page.screenshot(path=screenshot_dir / "fidelity-1-suggestions-accepted.png", full_page=False)

    # An item without a suggestion, scored through the page with a recommendation.
    item = page.locator("#item-S3")
    page.locator("#item-S3 > summary").click()
    item.locator("input[name='S3-score'][value='4']").check()
    item.locator("textarea[name='S3-evidence']").fill("Haastattelut")
    item.locator("textarea[name='S3-recommendation']").fill("Pitäkää asiakasmäärä enintään 20:ssä.")
    item.locator("button[type=submit]").last.click()
    expect(page.locator("#item-S3 .saved")).to_be_visible()
    expect(page.locator("#review-totals")).to_contain_text(f"{len(suggested) + 1}/25")

    # The rest through the plain form, as a browser without JavaScript would post it.
    csrf = next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken")
    for rating in draft.ratings.select_related("item").filter(score__isnull=True):
        code = rating.item.code
        response = page.request.post(
            f"{live_server.url}/fidelity/reviews/{draft.uuid}/items/{code}/",
            form={f"{code}-version": str(rating.version), f"{code}-score": "4", f"{code}-evidence": "Haastattelut"},
            headers={"X-CSRFToken": csrf, "Referer": page.url},
            max_redirects=0,
        )
        assert response.status == 302, code

    # An action plan item.
    page.goto(f"{live_server.url}/fidelity/reviews/{draft.uuid}/plan/new/")
    page.locator("textarea[name=text]").fill(
        "Työhönvalmentajat tapaavat työllisyysalueen yhteyshenkilöt kuukausittain."
    )
    page.locator("input[name=owner_name]").fill("Tiimin vetäjä")
    page.get_by_label("O3 Yhteistyö työllisyyspalvelujen ja Kelan kanssa").check()
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Työhönvalmentajat tapaavat" in page.locator("#action-plan").inner_text()

    # Finalise, confirming on the way: the total counts the accepted suggestions as they are.
    page.goto(f"{live_server.url}/fidelity/reviews/{draft.uuid}/finalise/")
    total = sum(suggested.values()) + 4 * (25 - len(suggested))
    expect(page.locator("main p strong").first).to_have_text(re.compile(rf": {total}$"))
    axe(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    draft.refresh_from_db()
    assert draft.status == Review.Status.FINALISED
    page.screenshot(path=screenshot_dir / "fidelity-review-finalised.png", full_page=False)

    # The printable report: strengths first, each item, the action plan.
    page.goto(f"{live_server.url}/fidelity/reviews/{draft.uuid}/report/")
    text = page.locator("main").inner_text()
    assert "Pitäkää asiakasmäärä enintään 20:ssä." in text
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    page.emulate_media(media="screen")
    axe(page)

    # The team history charts every finalised review: the demo's two earlier ones and this one.
    finalised = Review.objects.filter(team=draft.team, status=Review.Status.FINALISED).count()
    assert finalised == 3
    page.goto(f"{live_server.url}/fidelity/teams/{draft.team.uuid}/history/")
    page.locator("#fidelity-total-chart").wait_for()
    assert (
        page.evaluate("Chart.getChart(document.getElementById('fidelity-total-chart')).data.datasets[0].data.length")
        == finalised
    )
    page.screenshot(path=screenshot_dir / "fidelity-team-history.png", full_page=True)
    axe(page)
