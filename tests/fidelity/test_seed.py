import io

import pytest
from django.core.management import CommandError, call_command

from fidelity.models import Review

pytestmark = pytest.mark.django_db


def test_the_demo_command_creates_two_finalised_reviews_and_a_draft_for_the_demo_reviewer(db):
    call_command("seed_demo", stdout=io.StringIO())
    call_command("seed_fidelity_demo", stdout=io.StringIO())
    call_command("seed_fidelity_demo", stdout=io.StringIO())  # safe to run again
    reviews = Review.objects.filter(team__name="Vaasan työkykytiimi").order_by("period_start")
    finalised, draft = Review.Status.FINALISED, Review.Status.DRAFT
    assert [review.status for review in reviews] == [finalised, finalised, draft]
    assert all(review.reviewers.filter(username="reviewer").exists() for review in reviews)
    first, earlier = reviews[0].totals(), reviews[1].totals()
    assert first.complete and earlier.complete
    assert (first.band.code, earlier.band.code) == ("fair", "fair")
    assert first.total < earlier.total  # the team improves


def test_the_demo_command_needs_the_demo_data_first(db):
    with pytest.raises(CommandError):
        call_command("seed_fidelity_demo", stdout=io.StringIO())
