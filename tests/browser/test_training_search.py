"""Training search by clicking: a Finnish word form finds its compound, an empty search offers the topics, and a
reader in English finds a Swedish page with a note that it is not translated. Every screen at 390 and 1280 px."""

import pytest
from playwright.sync_api import expect

from tests.browser.keyboard import PHONE

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}


def _check(page, axe):
    """Each screen on a phone and on a desktop: no axe violations, nothing wider than the viewport."""
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        axe(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


def _search(page, words):
    page.locator("#id_q").fill(words)
    page.locator("form.training-filter button[type=submit]").click()
    page.wait_for_load_state()


def test_a_coach_searches_the_training_by_word_beginnings_and_topics(page, demo, login, axe, screenshot_dir):
    page.set_viewport_size(PHONE)
    login(page, "coach")
    page.locator("header .menu a[href='/learning/']").click()
    page.wait_for_url("**/training/")

    _search(page, "työnantaja")
    results = page.locator(".training-results")
    expect(results.get_by_role("link", name="Työnantajasuhteiden rakentaminen")).to_be_visible()
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "training-search-fi.png", full_page=True)

    _search(page, "xyzzyqq")
    expect(page.locator("#results-heading")).to_have_text("Yksikään sivu ei vastaa hakua")
    _check(page, axe)
    topic = results.locator(".topic-list a").first
    topic_name = topic.inner_text()
    topic.click()
    page.wait_for_load_state()
    expect(page.locator("#results-heading")).not_to_have_text("Yksikään sivu ei vastaa hakua")
    assert results.locator(".training-list a").count() > 0, f"no pages under {topic_name}"

    page.locator("form.training-filter .training-filter-actions a").click()  # clear search and filters
    page.wait_for_load_state()
    _search(page, "työnantaja")
    results.get_by_role("link", name="Työnantajasuhteiden rakentaminen").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", level=1)).to_have_text("Työnantajasuhteiden rakentaminen")


def test_a_reader_in_english_finds_a_swedish_page_with_a_note(page, demo, login, axe, screenshot_dir):
    page.set_viewport_size(DESKTOP)
    login(page, "coach")
    page.locator(".language-switcher button[value=en]").click()
    page.wait_for_load_state()
    page.locator("header .menu a[href='/learning/']").click()
    page.wait_for_url("**/training/")
    expect(page.locator(".language-note").first).to_contain_text("Language: Finnish")

    _search(page, "förmån")
    results = page.locator(".training-results")
    expect(results.get_by_role("link", name="Förmånsrådgivning när arbetet börjar")).to_be_visible()
    expect(results).to_contain_text("Language: Swedish, not translated yet")
    _check(page, axe)
    page.screenshot(path=screenshot_dir / "training-search-en.png", full_page=True)
    results.get_by_role("link", name="Förmånsrådgivning när arbetet börjar").click()
    page.wait_for_load_state()
    expect(page.locator("p.language-note")).to_contain_text("Language: Swedish")
