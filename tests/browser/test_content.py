"""The training site end to end: an editor writes a page in /cms/, a coach finds it, reads it and marks it read."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from content.models import ReadingMark, Topic, TrainingIndexPage, TrainingPage
from ips.models import User

pytestmark = pytest.mark.browser

TITLE = "Kuukausipalaverin muistilista"
BODY_WORD = "viikkopalaverikäytäntö"


@pytest.fixture
def editor_in_english(demo, settings):
    # Wagtail 8 autosaves drafts and swaps the address mid-edit; without it the journey does not race the clock.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    editor = User.objects.get(username="editor")
    editor.language = "en"
    editor.save(update_fields=["language"])
    # The admin in English keeps the selectors below stable whatever the catalogues say.
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()


def _editor_publishes_a_page(page, live_server, login):
    section = TrainingIndexPage.objects.get(locale__language_code="fi", slug="kaytannossa")
    v4 = Topic.objects.get(code="V4")
    login(page, "editor")
    # From the training site's menu to the section, whose page offers its editors a new page there.
    page.locator("header .menu a[href='/learning/']").click()
    page.locator(f"main a[href='{section.url}']").first.click()
    page.locator(f"main a[href='/cms/pages/{section.pk}/add_subpage/']").click()
    page.locator(f"a[href^='/cms/pages/add/content/trainingpage/{section.pk}/']").click()
    page.locator("#id_title").wait_for()
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_intro").fill("Mitä tiimin kuukausipalaverissa käydään läpi.")

    page.locator("[data-contentpath='body'] button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Heading").click()
    page.locator("input[name='body-0-value-text']").fill("Ennen palaveria")
    page.locator("[data-contentpath='body'] button.c-sf-add-button").last.click()
    page.get_by_role("option", name="Paragraph").click()
    editor = page.locator("[data-contentpath='body'] .DraftEditor-root [contenteditable='true']").last
    editor.click()
    editor.type(f"Sovi tiimin {BODY_WORD} ja kirjaa se Polkuun.")
    page.locator(f"input[name='fidelity_items'][value='{v4.pk}']").check()
    # Draftail writes the rich text into its hidden input when the editor loses focus.
    page.locator("#id_title").focus()
    expect(page.locator("input[name='body-1-value']")).to_have_value(re.compile(BODY_WORD))
    page.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    page.wait_for_load_state()
    published = TrainingPage.objects.get(title=TITLE)
    assert published.live
    assert published.fidelity_items.filter(code="V4").exists()
    assert BODY_WORD in str(published.body)
    page.context.clear_cookies()
    return published


def test_an_editor_publishes_a_page_and_a_coach_finds_reads_and_marks_it(
    page, editor_in_english, live_server, login, axe, screenshot_dir
):
    published = _editor_publishes_a_page(page, live_server, login)

    login(page, "coach")
    page.locator("header .menu a[href='/learning/']").click()
    page.wait_for_load_state()
    assert page.url.endswith("/training/")
    axe(page)

    page.locator("#id_q").fill(BODY_WORD)
    page.locator("form.training-filter button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".training-results").get_by_role("link", name=TITLE).count() == 1

    page.locator("header .menu a[href='/learning/']").click()
    page.locator("select[name=item]").select_option("V4")
    page.locator("form.training-filter button[type=submit]").click()
    page.wait_for_load_state()
    axe(page)
    page.locator(".training-results").get_by_role("link", name=TITLE).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == TITLE

    page.locator("#read-status button").click()
    page.locator("#read-status input[value=unread]").wait_for(state="attached")
    assert ReadingMark.objects.filter(user__username="coach", page=published).exists()
    axe(page)
    page.screenshot(path=screenshot_dir / "training-page-fi.png", full_page=True)

    # A shipped page in Swedish: the switcher sends the reader to the Swedish version.
    page.locator("header .menu a[href='/learning/']").click()
    page.locator("main a[href='/training/perusteet/']").first.click()
    page.locator("main a[href='/training/perusteet/tiedon-kertominen/']").first.click()
    page.wait_for_load_state()
    page.get_by_role("button", name="SV Svenska").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "sv"
    assert page.url.endswith("/training/grunder/att-beratta/")
    axe(page)
    page.locator("header .menu a[href='/learning/']").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Utbildningsmaterial"
    axe(page)
    page.screenshot(path=screenshot_dir / "training-home-sv.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]
