"""Two reviewers on one review: a stale save is refused and shows the other person's value."""

import pytest
from django.test import Client
from django.urls import reverse

from fidelity import services
from fidelity.models import ItemRating, Review

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_reviewers(review, reviewer, reviewer2):
    review.reviewers.add(reviewer2)
    first, second = Client(), Client()
    first.force_login(reviewer)
    second.force_login(reviewer2)
    return first, second


def _form_data(page, code):
    """What the browser would post back: the version the page was rendered with."""
    form = page.context["sections"][0]["rows"][0]["form"]
    assert form.prefix == code
    return {f"{code}-version": form.initial["version"]}


def test_two_concurrent_edits_the_second_is_refused_with_the_first_persons_value(review, reviewer, two_reviewers):
    first, second = two_reviewers
    url = reverse("fidelity:rating_save", args=[review.uuid, "S1"])
    detail = reverse("fidelity:review_detail", args=[review.uuid])
    # Both open the page before either saves.
    first_version = _form_data(first.get(detail), "S1")
    second_version = _form_data(second.get(detail), "S1")

    saved = first.post(url, {**first_version, "S1-score": 4, "S1-evidence": "Asiakasmäärä 22 / htv"})
    assert saved.status_code == 302

    refused = second.post(url, {**second_version, "S1-score": 2, "S1-evidence": "Oma arvio"})
    html = refused.content.decode()
    rating = ItemRating.objects.get(review=review, item__code="S1")
    assert (rating.score, rating.evidence, rating.version) == (4, "Asiakasmäärä 22 / htv", 1)
    assert str(reviewer) in html  # who saved first
    assert "Asiakasmäärä 22 / htv" in html  # their value is shown
    assert "Oma arvio" in html  # the refused input is kept in the form
    form = refused.context["sections"][0]["rows"][0]["form"]
    assert form.non_field_errors()
    assert form.conflict.score == 4


def test_after_seeing_the_conflict_saving_again_replaces_the_value_knowingly(review, two_reviewers):
    first, second = two_reviewers
    url = reverse("fidelity:rating_save", args=[review.uuid, "S2"])
    first.post(url, {"S2-version": 0, "S2-score": 4})
    refused = second.post(url, {"S2-version": 0, "S2-score": 3})
    rows = [row for section in refused.context["sections"] for row in section["rows"]]
    version = next(row["form"] for row in rows if row["item"].code == "S2")["version"].value()
    second.post(url, {"S2-version": version, "S2-score": 3})
    assert ItemRating.objects.get(review=review, item__code="S2").score == 3


def test_the_service_refuses_a_stale_version_without_changing_the_row(review, reviewer, reviewer2):
    rating = review.ratings.get(item__code="V6")
    services.rating_save(rating=rating, based_on_version=0, by=reviewer, score=5, evidence="6,2 kontaktia / vko")
    stale = review.ratings.get(item__code="V6")
    stale.version = 0  # what the second reviewer's form was based on
    with pytest.raises(services.StaleEdit) as refusal:
        services.rating_save(rating=stale, based_on_version=0, by=reviewer2, score=2)
    assert refusal.value.current.score == 5
    assert refusal.value.current.updated_by == reviewer
    assert ItemRating.objects.get(pk=rating.pk).score == 5


def test_an_htmx_save_returns_the_item_fragment_and_the_totals(review, reviewer, as_user):
    response = as_user(reviewer).post(
        reverse("fidelity:rating_save", args=[review.uuid, "O2"]),
        {"O2-version": 0, "O2-score": 5, "O2-recommendation": "Jatkakaa viikkopalavereja"},
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="item-O2-title"' in html  # the inside of #item-O2 (swapped innerHTML: the details stays open)
    assert 'hx-swap-oob="true"' in html
    assert "<html" not in html
    assert "1/25" in html


def test_an_htmx_stale_save_shows_the_conflict_in_the_fragment(review, two_reviewers):
    first, second = two_reviewers
    url = reverse("fidelity:rating_save", args=[review.uuid, "O3"])
    first.post(url, {"O3-version": 0, "O3-score": 3, "O3-evidence": "Kuukausittaiset tapaamiset"})
    response = second.post(url, {"O3-version": 0, "O3-score": 5}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Kuukausittaiset tapaamiset" in html
    assert 'class="conflict"' in html
    assert ItemRating.objects.get(review=review, item__code="O3").score == 3


def test_a_stale_save_of_strengths_and_summary_is_refused_too(review, two_reviewers):
    first, second = two_reviewers
    url = reverse("fidelity:review_texts", args=[review.uuid])
    first.post(url, {"strengths": "Vahva tiimi", "summary": "", "version": 0})
    response = second.post(url, {"strengths": "Toinen näkemys", "summary": "", "version": 0})
    assert Review.objects.get(pk=review.pk).strengths == "Vahva tiimi"
    assert "Vahva tiimi" in response.content.decode()


def test_a_score_outside_1_to_5_is_refused_next_to_the_field(review, reviewer, as_user):
    response = as_user(reviewer).post(
        reverse("fidelity:rating_save", args=[review.uuid, "S1"]), {"S1-version": 0, "S1-score": 7}
    )
    form = next(row["form"] for s in response.context["sections"] for row in s["rows"] if row["item"].code == "S1")
    assert form.errors["score"]
    assert ItemRating.objects.get(review=review, item__code="S1").score is None
