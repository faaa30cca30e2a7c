"""Two tabs on one goal: the later save is refused with the other tab's value beside the user's kept typing.

Selectors use URLs, field names and classes, not visible text (the page is in Finnish).
"""

import pytest
from django.urls import reverse

from ips.models import Goal

pytestmark = pytest.mark.browser


def _open_the_goal(tab, goal):
    """From the signed-in Today, by the menu: the caseload, the client, the plan, the goal's edit link."""
    tab.locator("header .menu a[href='/clients/']").click()
    tab.locator(f"main a[href='{reverse('ips:client_detail', args=[goal.client.uuid])}']").first.click()
    tab.locator(f"main a[href='{reverse('ips:plan_detail', args=[goal.client.uuid])}']").first.click()
    tab.locator(f"main a[href='{reverse('ips:goal_edit', args=[goal.client.uuid, goal.uuid])}']").click()
    tab.locator("input[name=text]").wait_for()


def test_a_second_tab_cannot_overwrite_the_first_one_silently(page, demo, login, axe, screenshot_dir, live_server):
    login(page, "coach")
    # A goal of one of the coach's open clients, whom the caseload lists.
    goal = (
        Goal.objects.filter(client__coach__username="coach", status=Goal.Status.OPEN)
        .exclude(client__stage="closed")
        .select_related("client")
        .first()
    )
    other = page.context.new_page()
    # The second tab shares the session: its sign-in page sends it on to Today.
    other.goto(f"{live_server.url}/accounts/login/")
    other.wait_for_url("**/today/")
    _open_the_goal(page, goal)
    _open_the_goal(other, goal)

    page.locator("input[name=text]").fill("Ensimmäisen välilehden tavoite")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    other.locator("input[name=text]").fill("Toisen välilehden tavoite")
    other.locator("main form button[type=submit]").click()
    other.wait_for_load_state()

    assert Goal.objects.get(pk=goal.pk).text == "Ensimmäisen välilehden tavoite"
    assert other.locator("input[name=text]").input_value() == "Toisen välilehden tavoite"
    assert "Ensimmäisen välilehden tavoite" in other.locator(".saved-meanwhile").inner_text()
    assert other.locator(".form-errors").is_visible()
    axe(other)
    other.screenshot(path=screenshot_dir / "stale-save-fi.png", full_page=True)

    other.locator("main form button[type=submit]").click()
    other.wait_for_load_state()
    assert Goal.objects.get(pk=goal.pk).text == "Toisen välilehden tavoite"
