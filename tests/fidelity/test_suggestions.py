"""The plug-in point for indicators computed from data: suggestion, accept with one action, override with a reason."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from fidelity import services
from fidelity.models import ItemRating

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggested(review):
    services.review_apply_suggestions(
        review=review,
        suggestions={
            "S1": services.Suggestion(
                score=4, measured_value=Decimal("22.5"), detail={"clients": 45, "coach FTE": "2.0"}
            ),
            "V6": services.Suggestion(score=5, measured_value=Decimal("6.1")),
        },
    )
    return review


def test_a_suggestion_is_stored_with_its_measured_value_and_figures(suggested):
    rating = suggested.ratings.get(item__code="S1")
    assert rating.suggested_score == 4
    assert rating.measured_value == Decimal("22.5")
    assert rating.measured_detail == {"clients": 45, "coach FTE": "2.0"}
    assert rating.score is None
    assert rating.source == ItemRating.Source.MANUAL


def test_the_review_page_shows_the_suggestion_and_an_accept_button(suggested, reviewer, as_user):
    html = as_user(reviewer).get(reverse("fidelity:review_detail", args=[suggested.uuid])).content.decode()
    assert reverse("fidelity:rating_accept", args=[suggested.uuid, "S1"]) in html
    assert "22,5" in html


def test_accepting_a_suggestion_is_one_action(suggested, reviewer, as_user):
    rating = suggested.ratings.get(item__code="S1")
    as_user(reviewer).post(reverse("fidelity:rating_accept", args=[suggested.uuid, "S1"]), {"version": rating.version})
    rating.refresh_from_db()
    assert (rating.score, rating.source) == (4, ItemRating.Source.DATA_ACCEPTED)


def test_overriding_needs_a_reason(suggested, reviewer, as_user):
    rating = suggested.ratings.get(item__code="V6")
    url = reverse("fidelity:rating_save", args=[suggested.uuid, "V6"])
    response = as_user(reviewer).post(url, {"V6-version": rating.version, "V6-score": 3})
    form = next(row["form"] for s in response.context["sections"] for row in s["rows"] if row["item"].code == "V6")
    assert form.errors["override_reason"]
    assert ItemRating.objects.get(pk=rating.pk).score is None

    as_user(reviewer).post(
        url, {"V6-version": rating.version, "V6-score": 3, "V6-override_reason": "Puhelinkontaktit laskettu mukaan"}
    )
    rating.refresh_from_db()
    assert (rating.score, rating.source) == (3, ItemRating.Source.DATA_OVERRIDDEN)
    assert rating.override_reason == "Puhelinkontaktit laskettu mukaan"


def test_the_service_refuses_an_override_without_reason(suggested, reviewer):
    rating = suggested.ratings.get(item__code="V6")
    with pytest.raises(ValidationError):
        services.rating_save(rating=rating, based_on_version=rating.version, by=reviewer, score=2)


def test_choosing_the_suggested_score_by_hand_counts_as_accepting(suggested, reviewer):
    rating = suggested.ratings.get(item__code="V6")
    rating = services.rating_save(rating=rating, based_on_version=rating.version, by=reviewer, score=5)
    assert rating.source == ItemRating.Source.DATA_ACCEPTED


def test_a_new_different_suggestion_sends_an_accepted_score_back_to_the_reviewer(suggested, reviewer):
    rating = suggested.ratings.get(item__code="S1")
    services.rating_accept_suggestion(rating=rating, based_on_version=rating.version, by=reviewer)
    services.review_apply_suggestions(review=suggested, suggestions={"S1": services.Suggestion(score=3)})
    rating.refresh_from_db()
    assert (rating.score, rating.suggested_score, rating.source) == (4, 3, ItemRating.Source.MANUAL)


def test_a_new_suggestion_makes_open_forms_stale(suggested, reviewer):
    rating = suggested.ratings.get(item__code="S1")
    old_version = rating.version
    services.review_apply_suggestions(review=suggested, suggestions={"S1": services.Suggestion(score=5)})
    with pytest.raises(services.StaleEdit):
        services.rating_save(rating=rating, based_on_version=old_version, by=reviewer, score=5)


def test_the_report_says_which_scores_came_from_data_and_which_were_overridden(suggested, reviewer, as_user):
    s1 = suggested.ratings.get(item__code="S1")
    services.rating_accept_suggestion(rating=s1, based_on_version=s1.version, by=reviewer)
    v6 = suggested.ratings.get(item__code="V6")
    services.rating_save(rating=v6, based_on_version=v6.version, by=reviewer, score=3, override_reason="Syy")
    with_language = as_user(reviewer)
    with_language.cookies["django_language"] = "en"
    html = with_language.get(reverse("fidelity:review_report", args=[suggested.uuid])).content.decode()
    assert "Score from data (suggested 4), accepted by the reviewers." in html
    assert "Data suggested 5; the reviewers overrode it." in html
    assert "Syy" in html
