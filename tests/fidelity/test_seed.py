import io

import pytest
from django.core.management import CommandError, call_command

from fidelity.models import Review

pytestmark = pytest.mark.django_db


def test_the_demo_command_creates_a_finalised_and_a_draft_review_for_the_demo_reviewer(db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_fidelity_demo", stdout=io.StringIO())
    call_command("seed_fidelity_demo", stdout=io.StringIO())  # safe to run again
    reviews = Review.objects.filter(team__name="Vaasan työkykytiimi").order_by("period_start")
    assert [review.status for review in reviews] == [Review.Status.FINALISED, Review.Status.DRAFT]
    assert all(review.reviewers.filter(username="reviewer").exists() for review in reviews)
    earlier = reviews[0].totals()
    assert earlier.complete
    assert earlier.band.code == "fair"


def test_the_demo_command_needs_the_demo_data_first(db):
    with pytest.raises(CommandError):
        call_command("seed_fidelity_demo", stdout=io.StringIO())
