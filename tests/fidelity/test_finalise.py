import pytest
from django.urls import reverse

from fidelity import services
from fidelity.models import ActionPlanItem, ItemRating, Review
from tests.fidelity.conftest import finalise, score_all

pytestmark = pytest.mark.django_db


def test_a_review_with_unscored_items_cannot_be_finalised(review, reviewer, as_user):
    score_all(review, 4)
    ItemRating.objects.filter(review=review, item__code="V14").update(score=None)
    client = as_user(reviewer)
    page = client.get(reverse("fidelity:review_finalise", args=[review.uuid]))
    assert "V14" in page.content.decode()
    client.post(reverse("fidelity:review_finalise", args=[review.uuid]))
    assert Review.objects.get(pk=review.pk).status == Review.Status.DRAFT
    with pytest.raises(services.ReviewIncomplete) as refusal:
        finalise(review, reviewer)
    assert refusal.value.unscored == ["V14"]


def test_the_assigned_reviewer_finalises_a_complete_review_after_confirming(review, reviewer, as_user):
    score_all(review, 4)
    response = as_user(reviewer).post(reverse("fidelity:review_finalise", args=[review.uuid]))
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.status == Review.Status.FINALISED
    assert review.finalised_by == reviewer
    assert review.finalised_at is not None


@pytest.fixture
def finalised(review, reviewer):
    score_all(review, 4)
    plan = ActionPlanItem.objects.create(review=review, text="Työnohjaus", owner_name="Tiimi")
    finalise(review, reviewer)
    return review, plan


def test_every_write_to_a_finalised_review_is_refused_with_a_clear_message(finalised, reviewer, as_user):
    review, plan = finalised
    client = as_user(reviewer)
    writes = [
        ("post", reverse("fidelity:rating_save", args=[review.uuid, "S1"]), {"S1-version": 0, "S1-score": 1}),
        ("post", reverse("fidelity:rating_accept", args=[review.uuid, "S1"]), {"version": 0}),
        ("post", reverse("fidelity:review_texts", args=[review.uuid]), {"strengths": "x", "summary": "", "version": 0}),
        ("post", reverse("fidelity:plan_item_create", args=[review.uuid]), {"text": "x", "owner_name": "x"}),
        ("get", reverse("fidelity:plan_item_create", args=[review.uuid]), {}),
        ("post", reverse("fidelity:plan_item_edit", args=[review.uuid, plan.uuid]), {"text": "x", "owner_name": "y"}),
        ("post", reverse("fidelity:plan_item_delete", args=[review.uuid, plan.uuid]), {}),
        ("post", reverse("fidelity:review_finalise", args=[review.uuid]), {}),
        ("post", reverse("fidelity:review_settings", args=[review.uuid]), {}),
    ]
    for method, url, data in writes:
        response = getattr(client, method)(url, data)
        assert response.status_code == 403, url
        assert "Korjaukset tehdään uuteen" in response.content.decode(), url
    assert set(review.ratings.values_list("score", flat=True)) == {4}
    assert ActionPlanItem.objects.get().text == "Työnohjaus"
    assert Review.objects.get(pk=review.pk).strengths == ""


def test_the_services_refuse_to_change_a_finalised_review(finalised, reviewer):
    review, _plan = finalised
    rating = review.ratings.get(item__code="S1")
    with pytest.raises(services.ReviewLocked):
        services.rating_save(rating=rating, based_on_version=rating.version, by=reviewer, score=1)
    with pytest.raises(services.ReviewLocked):
        finalise(review, reviewer)
    with pytest.raises(services.ReviewLocked):
        services.review_apply_suggestions(review=review, suggestions={"S1": services.Suggestion(score=5)})


def test_the_finalised_page_shows_no_forms_and_offers_a_new_review(finalised, reviewer, as_user):
    review, _plan = finalised
    html = as_user(reviewer).get(reverse("fidelity:review_detail", args=[review.uuid])).content.decode()
    assert 'name="S1-score"' not in html
    assert reverse("fidelity:review_copy", args=[review.uuid]) in html


def test_starting_a_new_review_from_a_finalised_one_copies_scores_as_a_draft(finalised, reviewer, as_user):
    review, _plan = finalised
    response = as_user(reviewer).post(reverse("fidelity:review_copy", args=[review.uuid]))
    copy = Review.objects.exclude(pk=review.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("fidelity:review_detail", args=[copy.uuid])
    assert copy.status == Review.Status.DRAFT
    assert copy.based_on == review
    assert list(copy.reviewers.all()) == [reviewer]
    assert copy.ratings.count() == 25
    assert set(copy.ratings.values_list("score", flat=True)) == {4}
    assert copy.plan_items.count() == 1
    # The copy is editable; the original stays as it was.
    copy_rating = copy.ratings.get(item__code="S1")
    services.rating_save(rating=copy_rating, based_on_version=copy_rating.version, by=reviewer, score=5)
    assert review.ratings.get(item__code="S1").score == 4


def test_a_reviewer_not_assigned_cannot_copy(finalised, reviewer2, as_user):
    review, _plan = finalised
    assert as_user(reviewer2).post(reverse("fidelity:review_copy", args=[review.uuid])).status_code == 404
