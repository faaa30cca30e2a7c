"""The reviewer's journey by clicking, on a phone (390 px) and a desktop (1280 px): open the review, accept all
suggestions, override one item, accept its suggestion over the override (confirming on a page of its own), see the
total and download the Excel. axe finds no WCAG 2.1 AA violation on any page on the way."""

from io import BytesIO
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from fidelity.models import ItemRating, Review
from ips.scale_items import IPS25_CODES

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
def test_the_reviewer_accepts_all_overrides_one_and_takes_its_suggestion_back(page, demo, login, axe, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 900})
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name="Vaasan työkykytiimi")
    login(page, "reviewer")

    page.locator("header nav").get_by_role("link", name="Menetelmäuskollisuuden arvioinnit").click()
    page.wait_for_load_state()
    axe(page)
    page.locator(f"a[href$='/fidelity/reviews/{draft.uuid}/']").first.click()
    page.wait_for_load_state()
    # 25 items, each one line until opened.
    expect(page.locator("details.rating")).to_have_count(25)
    expect(page.locator("details.rating[open]")).to_have_count(0)
    axe(page)

    suggested = dict(draft.ratings.filter(suggested_score__isnull=False).values_list("item__code", "suggested_score"))
    assert len(suggested) >= 5
    page.locator("form[action$='/accept-all/'] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(".messages")).to_be_visible()
    accepted = dict(draft.ratings.filter(source=ItemRating.Source.DATA_ACCEPTED).values_list("item__code", "score"))
    assert accepted == suggested
    expect(page.locator("#review-totals")).to_contain_text(f"{len(suggested)}/25")
    axe(page)

    # Override one: open it (the others stay closed), choose another score and say why.
    code = next(code for code in IPS25_CODES if code in suggested)
    score, other = suggested[code], 1 if suggested[code] != 1 else 2
    item = page.locator(f"#item-{code}")
    page.locator(f"#item-{code} > summary").click()
    expect(page.locator("details.rating[open]")).to_have_count(1)
    item.locator(f"input[name='{code}-score'][value='{other}']").check()
    item.locator(f"textarea[name='{code}-override_reason']").fill("Haastatteluissa tilanne oli toinen.")
    item.locator(f"form[action$='/items/{code}/'] button[type=submit]").click()
    expect(page.locator(f"#item-{code} .saved")).to_be_visible()
    expect(page.locator(f"#item-{code} > summary")).to_contain_text(str(other))
    assert draft.ratings.get(item__code=code).source == ItemRating.Source.DATA_OVERRIDDEN
    axe(page)

    # Take the suggestion back: a confirm page first, then the override's reason stays in the item's history.
    page.locator(f"#item-{code} form[action$='/items/{code}/accept/'] button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator("main")).to_contain_text("Haastatteluissa tilanne oli toinen.")
    assert draft.ratings.get(item__code=code).score == other
    axe(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    expect(page.locator(f"#item-{code}")).to_have_attribute("open", "")
    rating = draft.ratings.get(item__code=code)
    assert (rating.score, rating.source) == (score, ItemRating.Source.DATA_ACCEPTED)
    assert rating.history[0]["reason"] == "Haastatteluissa tilanne oli toinen."
    page.locator(f"#item-{code} details.history > summary").click()
    expect(page.locator(f"#item-{code} details.history")).to_contain_text("Haastatteluissa tilanne oli toinen.")
    total = sum(suggested.values())
    expect(page.locator("#review-totals")).to_contain_text(str(total))
    axe(page)

    with page.expect_download() as download:
        page.locator(f"a[href$='/fidelity/reviews/{draft.uuid}/review.xlsx']").click()
    assert download.value.suggested_filename.endswith(".xlsx")
    workbook = load_workbook(BytesIO(Path(download.value.path()).read_bytes()))
    rows = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in rows] == list(IPS25_CODES)
    assert {row[1]: row[3] for row in rows if row[3] is not None} == suggested
