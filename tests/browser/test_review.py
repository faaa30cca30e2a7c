"""The fidelity review by clicking, from the login page on, at 390 px and 1280 px, axe on every page on the way.

The first journey: the demo reviewer refreshes the figures, accepts each suggestion, scores the rest (one item in
a browser without JavaScript), plans an action, finalises, prints the report and reads the team's history.
The second (issue 17): the reviewer ticks O2's components, accepts all suggestions, overrides V4 with a reason,
downloads the rows behind V12 and finalises; the team's supervisor then sees when the next review is due.
The third: a Swedish reviewer reads the action plan's training page in Swedish, though it was chosen in Finnish.
"""

import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from openpyxl import load_workbook
from playwright.sync_api import expect
from wagtail.models import Page

from content.management.commands.seed_training import key_for
from fidelity.cadence import NOTICE_DAYS, next_review
from fidelity.models import ActionPlanItem, ComponentTick, ItemRating, Review
from ips.models import User

pytestmark = pytest.mark.browser

TEAM = "Vaasan työkykytiimi"
WIDTHS = [390, 1280]


def fi(message: str, **values) -> str:
    """The Finnish the pages show (the browser asks for fi-FI), from the catalogue rather than copied here."""
    with translation.override("fi"):
        text = gettext(message)
    return text % values if values else text


def fi_count(singular: str, plural: str, count: int) -> str:
    with translation.override("fi"):
        return ngettext(singular, plural, count) % {"count": count}


def accept_all_label(count: int) -> str:
    with translation.override("fi"):
        label = ngettext(
            "Accept the suggestion from data of %(counter)s item",
            "Accept all suggestions from data (%(counter)s items)",
            count,
        )
    return label % {"counter": count}


def fi_date(day) -> str:
    with translation.override("fi"):
        return date_format(day, "SHORT_DATE_FORMAT")


def set_width(page, width):
    page.set_viewport_size({"width": width, "height": 844 if width == 390 else 900})


def open_from_menu(page, label):
    page.locator("header nav").get_by_role("link", name=fi(label), exact=True).click()
    page.wait_for_load_state()


def open_the_draft(page, draft, axe):
    """Menu, the list of reviews, the team's newest review (the draft)."""
    open_from_menu(page, "Fidelity reviews")
    axe(page)
    page.locator("main").get_by_role("link", name=TEAM).first.click()
    page.wait_for_load_state()
    assert page.url.endswith(f"/fidelity/reviews/{draft.uuid}/")


def score_on_the_page(page, code, score, evidence, recommendation=""):
    """Open the item (one line until opened), choose the score, write the evidence and save it (htmx)."""
    item = page.locator(f"#item-{code}")
    page.locator(f"#item-{code} > summary").click()
    item.locator(f"input[name='{code}-score'][value='{score}']").check()
    item.locator(f"textarea[name='{code}-evidence']").fill(evidence)
    if recommendation:
        item.locator(f"textarea[name='{code}-recommendation']").fill(recommendation)
    item.locator(f"form[action$='/items/{code}/'] button[type=submit]").click()
    expect(item.locator(".saved")).to_be_visible()


def click_and_load(page, locator):
    locator.click()
    page.wait_for_load_state()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_demo_reviewer_accepts_the_suggestions_finalises_and_prints_a_review(
    page, browser, browser_context_args, demo, login, axe, screenshot_dir, width
):
    set_width(page, width)
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name=TEAM)
    login(page, "reviewer")
    open_the_draft(page, draft, axe)
    axe(page)

    # Refresh the figures from the team's data, then accept each suggestion with its button (htmx swaps the item).
    page.locator("#indicators button[type=submit]").click()
    page.wait_for_url("**#indicators")
    expect(page.locator(".messages")).to_be_visible()
    suggested = {r.item.code: r.suggested_score for r in draft.ratings.select_related("item") if r.suggested_score}
    assert len(suggested) >= 3
    accept_all = page.locator("#accept-all button")
    expect(accept_all).to_have_text(accept_all_label(len(suggested)))
    for done, code in enumerate(suggested, start=1):
        page.locator(f"#item-{code} > summary").click()  # each item is one line until opened
        page.locator(f"form[action$='/items/{code}/accept/'] button[type=submit]").click()
        expect(page.locator(f"#item-{code} .saved")).to_be_visible()
        if left := len(suggested) - done:  # "Accept all" counts what is left and goes with the last one
            expect(accept_all).to_have_text(accept_all_label(left))
    expect(accept_all).to_have_count(0)
    expect(page.locator("#review-totals")).to_contain_text(f"{len(suggested)}/25")
    accepted = {r.item.code: r.score for r in draft.ratings.select_related("item").filter(source="data_accepted")}
    assert accepted == suggested
    axe(page)
    page.screenshot(path=screenshot_dir / f"fidelity-1-suggestions-accepted-{width}.png", full_page=False)

    # An item without a suggestion, scored through the page with a recommendation.
    score_on_the_page(page, "S3", 4, "Haastattelut", recommendation="Pitäkää asiakasmäärä enintään 20:ssä.")
    expect(page.locator("#review-totals")).to_contain_text(f"{len(suggested) + 1}/25")

    # The rest on the page too, all but the last one.
    unscored = list(
        draft.ratings.filter(score__isnull=True)
        .order_by("item__section__order", "item__order")
        .values_list("item__code", flat=True)
    )
    last = unscored.pop()
    for code in unscored:
        score_on_the_page(page, code, 4, "Haastattelut")
    expect(page.locator("#review-totals")).to_contain_text("24/25")
    axe(page)

    # The last one in a browser without JavaScript: the plain form saves and the page comes back with the item open.
    context = browser.new_context(**browser_context_args, java_script_enabled=False)
    plain = context.new_page()
    set_width(plain, width)
    login(plain, "reviewer")
    open_the_draft(plain, draft, axe=lambda page: None)  # axe runs on JavaScript; the pages were checked above
    plain.locator(f"#item-{last} > summary").click()
    plain.locator(f"input[name='{last}-score'][value='4']").check()
    plain.locator(f"textarea[name='{last}-evidence']").fill("Haastattelut")
    click_and_load(plain, plain.locator(f"form[action$='/items/{last}/'] button[type=submit]"))
    assert plain.url.endswith(f"/fidelity/reviews/{draft.uuid}/?open={last}#item-{last}")
    expect(plain.locator(".messages")).to_contain_text(fi("%(code)s saved.", code=last))
    expect(plain.locator(f"#item-{last}")).to_have_attribute("open", "")
    expect(plain.locator("#review-totals")).not_to_contain_text("/25")  # complete: the total, not a count
    context.close()
    assert not draft.ratings.filter(score__isnull=True).exists()

    # An action plan item, from the button under the plan.
    click_and_load(page, page.locator("#action-plan").get_by_role("button", name=fi("Add an action")))
    axe(page)
    page.locator("textarea[name=text]").fill(
        "Työhönvalmentajat tapaavat työllisyysalueen yhteyshenkilöt kuukausittain."
    )
    page.locator("input[name=owner_name]").fill("Tiimin vetäjä")
    page.get_by_label("O3 Yhteistyö työllisyyspalvelujen ja Kelan kanssa").check()
    click_and_load(page, page.locator("main form button[type=submit]"))
    assert "Työhönvalmentajat tapaavat" in page.locator("#action-plan").inner_text()

    # Finalise, confirming on the way: the total counts the accepted suggestions as they are.
    click_and_load(page, page.get_by_role("link", name=fi("Finalise the review"), exact=True))
    total = sum(suggested.values()) + 4 * (25 - len(suggested))
    expect(page.locator("main p strong").first).to_have_text(re.compile(rf": {total}$"))
    axe(page)
    click_and_load(page, page.locator("main form button[type=submit]"))
    draft.refresh_from_db()
    assert draft.status == Review.Status.FINALISED
    expect(page.locator(".messages")).to_contain_text(fi("The review is finalised and locked."))
    axe(page)
    page.screenshot(path=screenshot_dir / f"fidelity-review-finalised-{width}.png", full_page=False)

    # The printable report: strengths first, each item, the action plan.
    click_and_load(page, page.get_by_role("link", name=fi("Printable report"), exact=True))
    assert page.url.endswith(f"/fidelity/reviews/{draft.uuid}/report/")
    text = page.locator("main").inner_text()
    assert "Pitäkää asiakasmäärä enintään 20:ssä." in text
    assert "Työhönvalmentajat tapaavat" in text
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    page.emulate_media(media="screen")
    axe(page)

    # Back to the review, then the team history charts every finalised review: the demo's two and this one.
    click_and_load(page, page.get_by_role("link", name=fi("Back to the review"), exact=True))
    click_and_load(page, page.get_by_role("link", name=fi("Team history"), exact=True))
    assert page.url.endswith(f"/fidelity/teams/{draft.team.uuid}/history/")
    finalised = Review.objects.filter(team=draft.team, status=Review.Status.FINALISED).count()
    assert finalised == 3
    page.locator("#fidelity-total-chart").wait_for()
    assert (
        page.evaluate("Chart.getChart(document.getElementById('fidelity-total-chart')).data.datasets[0].data.length")
        == finalised
    )
    page.screenshot(path=screenshot_dir / f"fidelity-team-history-{width}.png", full_page=True)
    axe(page)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_reviewer_scores_a_whole_review_and_the_supervisor_sees_when_the_next_one_is_due(
    page, demo, login, axe, monkeypatch, width
):
    set_width(page, width)
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name=TEAM)
    login(page, "reviewer")
    open_the_draft(page, draft, axe)

    # O2 from ticks: four of its five components seen, each with where the evidence comes from and a note.
    page.locator("#item-O2 > summary").click()
    click_and_load(page, page.locator("#item-O2").get_by_role("link", name=fi("Tick the components seen")))
    axe(page)
    seen = {
        1: ("DOC", "Johtoryhmän muistiot"),
        2: ("INT", "Esihenkilön haastattelu"),
        3: ("OBS", "Tiimikokous"),
        4: ("MIS", "Polun kirjaukset"),
    }
    for number, (source, note) in seen.items():
        page.locator(f"input[name=seen_{number}]").check()
        page.locator(f"select[name=source_{number}]").select_option(source)
        page.locator(f"input[name=note_{number}]").fill(note)
    click_and_load(page, page.get_by_role("button", name=fi("Save and score")))
    # O2's anchor rows: four components seen score 4.
    expect(page.locator(".messages")).to_contain_text(
        fi("%(code)s: %(count)s components seen, score %(score)s.", code="O2", count=4, score=4)
    )
    o2 = draft.ratings.get(item__code="O2")
    assert (o2.score, o2.source) == (4, ItemRating.Source.DATA_ACCEPTED)
    ticks = ComponentTick.objects.filter(rating=o2).order_by("component__number")
    assert {tick.component.number: (tick.source, tick.note) for tick in ticks} == seen
    expect(page.locator("#item-O2 > summary")).to_contain_text(fi("score %(score)s", score=4))
    axe(page)

    # Accept all suggestions from data in one go.
    suggested = dict(
        draft.ratings.filter(suggested_score__isnull=False)
        .exclude(item__code="O2")
        .values_list("item__code", "suggested_score")
    )
    assert {"V4", "V12"} <= suggested.keys()
    click_and_load(page, page.locator("form[action$='/accept-all/'] button[type=submit]"))
    expect(page.locator(".messages")).to_contain_text(
        fi_count("%(count)s suggestion accepted.", "%(count)s suggestions accepted.", len(suggested))
    )
    accepted = dict(
        draft.ratings.filter(source=ItemRating.Source.DATA_ACCEPTED)
        .exclude(item__code="O2")
        .values_list("item__code", "score")
    )
    assert accepted == suggested
    expect(page.locator("#review-totals")).to_contain_text(f"{len(suggested) + 1}/25")
    axe(page)

    # V4 overridden: another score, with the reason the reviewer saw it otherwise.
    override = 3 if suggested["V4"] != 3 else 2
    item = page.locator("#item-V4")
    page.locator("#item-V4 > summary").click()
    item.locator(f"input[name='V4-score'][value='{override}']").check()
    item.locator("textarea[name='V4-override_reason']").fill("Haastatteluissa ensikontaktit viivästyivät.")
    item.locator("form[action$='/items/V4/'] button[type=submit]").click()
    expect(item.locator(".saved")).to_be_visible()
    expect(page.locator("#item-V4 > summary")).to_contain_text(fi("score %(score)s", score=override))
    v4 = draft.ratings.get(item__code="V4")
    assert (v4.score, v4.source, v4.override_reason) == (
        override,
        ItemRating.Source.DATA_OVERRIDDEN,
        "Haastatteluissa ensikontaktit viivästyivät.",
    )
    axe(page)

    # The rows behind V12, all of them, as Excel: the figures sheet and one row per job with the client's code.
    v12 = draft.ratings.get(item__code="V12").measured_detail
    page.locator("#item-V12 > summary").click()
    page.locator("#item-V12 .suggestion details > summary").click()
    axe(page)
    with page.expect_download() as download:
        page.locator("#item-V12").get_by_role("link", name=fi("Download all rows (Excel)")).click()
    assert download.value.suggested_filename.startswith("fidelity-V12-")
    workbook = load_workbook(BytesIO(Path(download.value.path()).read_bytes()))
    figures, rows = workbook.worksheets
    assert [list(row) for row in figures.iter_rows(min_row=2, values_only=True)] == [
        [fi(label), value] for label, value in v12["figures"]
    ]
    header, *lines = rows.iter_rows(values_only=True)
    assert list(header) == [fi(column) for column in v12["columns"]]
    assert len(lines) == v12["row_count"] >= 1
    translated = set(v12.get("translated", []))
    assert [list(line) for line in lines] == [
        [fi(cell) if index in translated else cell for index, cell in enumerate(row)] for row in v12["rows"]
    ]
    codes = {line[v12["columns"].index("Client")] for line in lines}
    assert all(re.fullmatch(r"[A-Z]+-[A-Z]?\d+", code) for code in codes), codes  # pseudonym codes, no names

    # The items left, scored on the page; then finalise.
    for code in draft.ratings.filter(score__isnull=True).values_list("item__code", flat=True):
        score_on_the_page(page, code, 4, "Haastattelut ja asiakirjat")
    click_and_load(page, page.get_by_role("link", name=fi("Finalise the review"), exact=True))
    review = Review.objects.with_totals().prefetch_related("scale__bands").get(pk=draft.pk)
    totals = review.totals()
    assert totals.complete
    expect(page.locator("main p strong").first).to_have_text(re.compile(rf": {totals.total}$"))
    axe(page)
    click_and_load(page, page.locator("main form button[type=submit]"))
    review.refresh_from_db()
    assert review.status == Review.Status.FINALISED

    # The cadence decides the next review: six months on under the "good" band, a year from it.
    due = next_review(review, totals).due
    assert due > timezone.localdate() + timedelta(days=NOTICE_DAYS)

    # The team's supervisor: her week says no review is due within 30 days; the team's history says when it is.
    page.locator("details.dropdown > summary").click()
    click_and_load(page, page.get_by_role("button", name=fi("Log out")))
    login(page, "supervisor")
    open_from_menu(page, "Week")
    expect(page.locator("#fidelity-due")).to_contain_text(fi("No review due in the next 30 days."))
    axe(page)
    open_from_menu(page, "Fidelity reviews")
    click_and_load(page, page.locator("main").get_by_role("link", name=fi("History"), exact=True).first)
    assert page.url.endswith(f"/fidelity/teams/{draft.team.uuid}/history/")
    expect(page.locator("#next-review")).to_contain_text(f"{fi('Next review due')}: {fi_date(due)}")
    axe(page)

    # Thirty days before that day her week page shows the review coming, with a link to the team's history.
    real_localdate = timezone.localdate
    later = due - timedelta(days=NOTICE_DAYS) - real_localdate()

    def thirty_days_before(value=None, timezone=None):
        return real_localdate(value, timezone) + (later if value is None else timedelta())

    monkeypatch.setattr("django.utils.timezone.localdate", thirty_days_before)
    open_from_menu(page, "Week")
    due_now = page.locator("#fidelity-due")
    expect(due_now.get_by_role("link", name=TEAM)).to_be_visible()
    expect(due_now).to_contain_text(f"{fi('next review due')} {fi_date(due)}")
    axe(page)
    click_and_load(page, due_now.get_by_role("link", name=TEAM))
    expect(page.locator("#next-review")).to_contain_text(fi_date(due))
    axe(page)


def test_a_swedish_reviewer_reads_the_plans_training_page_in_swedish(page, demo, login, live_server, axe):
    """The reviewer chose the Finnish page; content's fragment shows the Swedish one in its place."""
    finnish, swedish = (
        Page.objects.get(translation_key=key_for("disclosure"), locale__language_code=language)
        for language in ("fi", "sv")
    )
    draft = Review.objects.get(status=Review.Status.DRAFT, team__name=TEAM)
    ActionPlanItem.objects.create(review=draft, text="Kerrotaan", owner_name="Tiimi", training_page=finnish)
    User.objects.filter(username="reviewer").update(language="sv")
    login(page, "reviewer")
    with translation.override("sv"):
        reviews = gettext("Fidelity reviews")
    for width in (1280, 390):  # the menu, the list of reviews, the team's draft: as the reviewer gets there
        set_width(page, width)
        page.locator("header nav").get_by_role("link", name=reviews, exact=True).click()
        page.wait_for_load_state()
        click_and_load(page, page.locator("main").get_by_role("link", name=TEAM).first)
        assert page.url.endswith(f"/fidelity/reviews/{draft.uuid}/")
        link = page.locator("#action-plan").get_by_role("link", name=swedish.title)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", swedish.url)
        expect(page.locator("#action-plan")).not_to_contain_text(finnish.title)
        axe(page)
