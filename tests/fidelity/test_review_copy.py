"""review_copy takes over every field it names from the review, its ratings and its action plan."""

from datetime import date
from decimal import Decimal

import pytest

from fidelity import services
from fidelity.models import ActionPlanItem, ItemRating
from tests.fidelity.conftest import finalise, score_all

pytestmark = pytest.mark.django_db


def test_a_copy_keeps_the_texts_the_suggestions_and_the_plan_of_the_review(review, reviewer):
    review.external_reviewers = "Ulla Ulkoinen"
    review.strengths = "Vahva työnantajatyö"
    review.summary = "Hyvä kehitys"
    review.save()
    score_all(review, 4)
    ItemRating.objects.filter(review=review, item__code="S1").update(
        evidence="Asiakaslista",
        sources=["records"],
        recommendation="Pidä taso",
        suggested_score=5,
        measured_value=Decimal("18.50"),
        measured_detail={"figures": [["Clients", 37]]},
        source=ItemRating.Source.DATA_OVERRIDDEN,
        override_reason="Lomat",
    )
    plan = ActionPlanItem.objects.create(
        review=review,
        text="Työnohjaus",
        owner_user=reviewer,
        owner_name="Tiimi",
        due_date=date(2025, 6, 30),
        status=ActionPlanItem.Status.DONE,
    )
    plan.items.set(review.scale.items.filter(code__in=["S1", "V6"]))
    finalise(review, reviewer)

    copy = services.review_copy(review=review, by=reviewer)

    for field in services.COPIED_REVIEW_FIELDS:
        assert getattr(copy, field) == getattr(review, field), field
    assert (copy.external_reviewers, copy.strengths, copy.summary) == (
        "Ulla Ulkoinen",
        "Vahva työnantajatyö",
        "Hyvä kehitys",
    )
    original, copied = (r.ratings.get(item__code="S1") for r in (review, copy))
    assert copied.pk != original.pk
    for field in services.COPIED_RATING_FIELDS:
        assert getattr(copied, field) == getattr(original, field), field
    assert (copied.evidence, copied.measured_value, copied.override_reason) == (
        "Asiakaslista",
        Decimal("18.50"),
        "Lomat",
    )
    copied_plan = copy.plan_items.get()
    for field in services.COPIED_PLAN_FIELDS:
        assert getattr(copied_plan, field) == getattr(plan, field), field
    assert (copied_plan.owner_user, copied_plan.due_date, copied_plan.status) == (
        reviewer,
        date(2025, 6, 30),
        ActionPlanItem.Status.DONE,
    )
    assert sorted(copied_plan.items.values_list("code", flat=True)) == ["S1", "V6"]
