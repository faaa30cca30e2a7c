"""The demo reviewer scores a review, writes a recommendation and an action, finalises and prints the report."""

import pytest

from fidelity.models import Review

pytestmark = pytest.mark.browser


def test_the_demo_reviewer_scores_finalises_and_prints_a_review(page, demo, login, axe, screenshot_dir, live_server):
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name="Vaasan työkykytiimi")
    login(page, "reviewer")

    page.goto(f"{live_server.url}/fidelity/")
    page.get_by_role("link", name="Vaasan työkykytiimi").first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/fidelity/reviews/{draft.uuid}/")
    axe(page)

    # Score one item through the page (htmx swaps the item in place), with a recommendation.
    item = page.locator("#item-S1")
    item.get_by_label("4 – 21–25").check()
    # Fields by name: the Finnish labels arrive when the lead merges the translations.
    item.locator("textarea[name='S1-recommendation']").fill("Pitäkää asiakasmäärä enintään 20:ssä.")
    # The demo draft carries suggestions from data: a score that differs from one needs a reason.
    item.locator("[name='S1-override_reason']").fill("Asiakasmäärä kasvoi arviointijakson jälkeen.")
    item.locator("button[type=submit]").last.click()
    page.locator("#item-S1 .saved").wait_for()
    assert "1/25" in page.locator("#review-totals").inner_text()

    # The other 24 through the plain form, as a browser without JavaScript would post it.
    csrf = next(cookie["value"] for cookie in page.context.cookies() if cookie["name"] == "csrftoken")
    for rating in draft.ratings.select_related("item").exclude(item__code="S1"):
        code = rating.item.code
        response = page.request.post(
            f"{live_server.url}/fidelity/reviews/{draft.uuid}/items/{code}/",
            form={
                f"{code}-version": str(rating.version),
                f"{code}-score": "4",
                f"{code}-evidence": "Haastattelut",
                f"{code}-override_reason": "Haastattelujen perusteella",
            },
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

    # Finalise, confirming on the way.
    page.goto(f"{live_server.url}/fidelity/reviews/{draft.uuid}/finalise/")
    assert "100" in page.locator("main").inner_text()
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

    # The team history has two finalised reviews on its chart.
    page.goto(f"{live_server.url}/fidelity/teams/{draft.team.uuid}/history/")
    page.locator("#fidelity-total-chart").wait_for()
    assert (
        page.evaluate("Chart.getChart(document.getElementById('fidelity-total-chart')).data.datasets[0].data.length")
        == 2
    )
    page.screenshot(path=screenshot_dir / "fidelity-team-history.png", full_page=True)
    axe(page)
