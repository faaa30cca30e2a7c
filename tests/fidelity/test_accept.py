"""Accepting suggestions: all at once for the items with data, and over an override only after a confirm page
(no JavaScript needed) that keeps the override's reason in the item's history. The review page on a phone: one
line per item with its score, the item worked on open."""

import re

import pytest
from django.urls import reverse

from fidelity.models import ItemRating, Review
from fidelity.services import rating_accept_suggestion, rating_save

pytestmark = pytest.mark.django_db


def _suggest(review, code, suggested, *, score=None, source=ItemRating.Source.MANUAL, reason=""):
    ItemRating.objects.filter(review=review, item__code=code).update(
        suggested_score=suggested, score=score, source=source, override_reason=reason, measured_detail={"figures": []}
    )


@pytest.fixture
def suggested(review):
    _suggest(review, "S1", 4)
    _suggest(review, "S2", 3, score=3)  # scored the same before the figures came
    _suggest(review, "V6", 5, score=2, source=ItemRating.Source.DATA_OVERRIDDEN, reason="Kontaktit ovat puhelimessa")
    _suggest(review, "V13", 2, score=4)  # a score of the reviewer's own, then different figures
    _suggest(review, "V12", 5, score=5, source=ItemRating.Source.DATA_ACCEPTED)
    return review


def _scores(review):
    return dict(review.ratings.values_list("item__code", "score"))


def test_accept_all_takes_the_suggestions_of_items_not_scored_otherwise(suggested, reviewer, as_user):
    response = as_user(reviewer).post(reverse("fidelity:review_accept_all", args=[suggested.uuid]), follow=True)
    scores = _scores(suggested)
    assert (scores["S1"], scores["S2"], scores["V6"], scores["V13"], scores["V12"]) == (4, 3, 2, 4, 5)
    assert scores["O2"] is None  # no suggestion: untouched
    accepted = suggested.ratings.filter(source=ItemRating.Source.DATA_ACCEPTED)
    assert set(accepted.values_list("item__code", flat=True)) == {"S1", "S2", "V12"}
    assert suggested.ratings.get(item__code="V6").override_reason == "Kontaktit ovat puhelimessa"
    html = response.content.decode()
    assert "2 ehdotusta hyväksytty." in html and "V6, V13" in html  # the test client's language is Finnish


def test_the_page_offers_accept_all_with_the_count_it_would_take(suggested, reviewer, as_user):
    html = as_user(reviewer).get(reverse("fidelity:review_detail", args=[suggested.uuid])).content.decode()
    assert "Hyväksy kaikki tietoihin perustuvat ehdotukset (2 kohtaa)" in html


def test_accept_all_is_for_the_assigned_reviewer_of_a_draft(suggested, supervisor_a, coach_b, reviewer, as_user):
    url = reverse("fidelity:review_accept_all", args=[suggested.uuid])
    assert as_user(supervisor_a).post(url).status_code == 403
    assert as_user(coach_b).post(url).status_code == 404
    assert as_user(reviewer).get(url).status_code == 405
    Review.objects.filter(pk=suggested.pk).update(status=Review.Status.FINALISED, finalised_at="2026-01-16T10:00Z")
    assert as_user(reviewer).post(url).status_code == 403
    assert _scores(suggested)["S1"] is None


def test_accepting_over_an_override_asks_first_and_keeps_the_reason_in_the_history(suggested, reviewer, as_user):
    rating = suggested.ratings.get(item__code="V6")
    url = reverse("fidelity:rating_accept", args=[suggested.uuid, "V6"])
    page = as_user(reviewer).post(url, {"version": rating.version})
    assert page.status_code == 200
    html = page.content.decode()
    assert "Kontaktit ovat puhelimessa" in html and 'name="confirm"' in html
    assert _scores(suggested)["V6"] == 2  # nothing changed before the confirmation
    response = as_user(reviewer).post(url, {"version": rating.version, "confirm": "True"})
    assert response.status_code == 302 and response["Location"].endswith("?open=V6#item-V6")
    rating.refresh_from_db()
    assert (rating.score, rating.source, rating.override_reason) == (5, ItemRating.Source.DATA_ACCEPTED, "")
    [entry] = rating.history
    assert (entry["score"], entry["suggested"], entry["reason"]) == (2, 5, "Kontaktit ovat puhelimessa")
    page = as_user(reviewer).get(reverse("fidelity:review_detail", args=[suggested.uuid])).content.decode()
    assert "Kontaktit ovat puhelimessa" in page  # in the item's history


def test_a_plain_accept_is_one_action_without_a_confirm_page(suggested, reviewer, as_user):
    rating = suggested.ratings.get(item__code="S1")
    url = reverse("fidelity:rating_accept", args=[suggested.uuid, "S1"])
    assert as_user(reviewer).post(url, {"version": rating.version}).status_code == 302
    assert _scores(suggested)["S1"] == 4


def test_a_new_override_after_the_history_keeps_both(suggested, reviewer):
    rating = suggested.ratings.get(item__code="V6")
    rating = rating_accept_suggestion(rating=rating, based_on_version=rating.version, by=reviewer, confirmed=True)
    rating = rating_save(rating=rating, based_on_version=rating.version, by=reviewer, score=3, override_reason="Uusi")
    assert (rating.score, rating.override_reason, len(rating.history)) == (3, "Uusi", 1)


def test_each_item_is_one_line_with_its_score_and_only_the_asked_one_is_open(suggested, reviewer, as_user):
    url = reverse("fidelity:review_detail", args=[suggested.uuid])
    html = as_user(reviewer).get(url + "?open=V6").content.decode()
    items = re.findall(r'<details class="rating" id="item-(\w+)" name="scale-items"( open)?>', html)
    assert len(items) == 25
    assert [code for code, opened in items if opened] == ["V6"]
    assert re.search(r'id="item-V6-title">V6 [^<]+</h3> <span class="item-score">pisteet 2 · ehdotus 5</span>', html)
    hostile = as_user(reviewer).get(url + "?open=%3Cscript%3E").content.decode()
    assert " open>" not in hostile.split('id="item-S1"')[1][:40]


def test_scrollable_tables_on_the_review_page_can_take_the_keyboard_focus(review, reviewer, as_user):
    detail = {"figures": [["Clients", 1]], "columns": ["Client"], "rows": [["A-1"]], "row_count": 1}
    ItemRating.objects.filter(review=review, item__code="S1").update(suggested_score=5, measured_detail=detail)
    html = as_user(reviewer).get(reverse("fidelity:review_detail", args=[review.uuid])).content.decode()
    wraps = re.findall(r'<div class="table-wrap"[^>]*>', html)
    assert wraps and all('tabindex="0"' in wrap and "aria-label=" in wrap for wrap in wraps)


def _accept_all_button(html: str) -> str | None:
    """The "Accept all" button's text in the element that holds it (the page's, or an out-of-band swap's)."""
    box = re.search(r'<div id="accept-all"[^>]*>(.*?)</div>', html, re.DOTALL)
    assert box, "no accept-all element"
    button = re.search(r"<button[^>]*>(.*?)</button>", box.group(1), re.DOTALL)
    return button.group(1).strip() if button else None


def _page_button(browser, review):
    return _accept_all_button(browser.get(reverse("fidelity:review_detail", args=[review.uuid])).content.decode())


def _htmx_accept(browser, review, code):
    rating = review.ratings.get(item__code=code)
    url = reverse("fidelity:rating_accept", args=[review.uuid, code])
    return browser.post(url, {"version": rating.version}, HTTP_HX_REQUEST="true").content.decode()


def test_an_htmx_accept_of_one_item_updates_the_accept_all_count_to_what_the_page_would_show(
    suggested, reviewer, as_user
):
    _suggest(suggested, "O1", 3)  # a third item the button would take
    browser = as_user(reviewer)
    before = _page_button(browser, suggested)
    assert "(3 kohtaa)" in before
    swapped = _htmx_accept(browser, suggested, "S1")
    assert re.search(r'<div id="accept-all"[^>]* hx-swap-oob="true"', swapped)
    assert _accept_all_button(swapped) == _page_button(browser, suggested) != before
    assert "(2 kohtaa)" in _accept_all_button(swapped)
    swapped = _htmx_accept(browser, suggested, "O1")
    assert _accept_all_button(swapped) == _page_button(browser, suggested)
    assert "(" not in _accept_all_button(swapped)  # one item left: the singular wording, no "(N items)"


def test_the_accept_all_button_goes_when_an_htmx_accept_takes_the_last_suggestion(suggested, reviewer, as_user):
    ItemRating.objects.filter(review=suggested, item__code="S2").update(score=None, suggested_score=None)
    browser = as_user(reviewer)
    assert _page_button(browser, suggested) is not None
    swapped = _htmx_accept(browser, suggested, "S1")
    assert re.search(r'<div id="accept-all"[^>]* hx-swap-oob="true"', swapped)
    assert _accept_all_button(swapped) is None
    assert _page_button(browser, suggested) is None


def test_an_htmx_save_overriding_a_suggestion_takes_the_item_out_of_the_accept_all_count(suggested, reviewer, as_user):
    browser = as_user(reviewer)
    rating = suggested.ratings.get(item__code="S1")
    response = browser.post(
        reverse("fidelity:rating_save", args=[suggested.uuid, "S1"]),
        {"S1-version": rating.version, "S1-score": 2, "S1-override_reason": "Tiimissä on vain kaksi valmentajaa"},
        HTTP_HX_REQUEST="true",
    )
    assert _accept_all_button(response.content.decode()) == _page_button(browser, suggested)
    assert "(" not in _page_button(browser, suggested)  # S2 alone is left: the singular wording
