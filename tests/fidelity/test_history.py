import json
from datetime import date

import pytest
from django.urls import reverse

from fidelity.models import ItemRating
from tests.fidelity.conftest import finalise, make_review, score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_finalised(team_a, scale, reviewer):
    earlier = make_review(team_a, scale, [reviewer], period_start=date(2025, 1, 1), period_end=date(2025, 6, 30))
    score_all(earlier, 3)
    ItemRating.objects.filter(review=earlier, item__code="S1").update(score=4)
    finalise(earlier, reviewer)
    later = make_review(team_a, scale, [reviewer], period_start=date(2025, 7, 1), period_end=date(2025, 12, 31))
    later.review_end = date(2026, 2, 1)
    later.save()
    score_all(later, 3)
    ItemRating.objects.filter(review=later, item__code="S2").update(score=5)
    ItemRating.objects.filter(review=later, item__code="S1").update(score=2)
    finalise(later, reviewer)
    return earlier, later


def test_the_history_charts_the_total_and_each_section_of_finalised_reviews(two_finalised, supervisor_a, as_user):
    earlier, later = two_finalised
    response = as_user(supervisor_a).get(reverse("fidelity:team_history", args=[earlier.team.uuid]))
    chart = response.context["chart"]
    assert chart["total"] == [76, 76]
    assert [section["label"][0] for section in chart["sections"]] == ["S", "O", "V"]
    assert chart["sections"][1]["data"] == [3.0, 3.0]
    html = response.content.decode()
    assert 'id="fidelity-history-data"' in html
    assert json.loads(html.split('id="fidelity-history-data" type="application/json">')[1].split("</script>")[0])
    assert "chart.umd.min.js" in html
    assert "<table" in html  # the data table alternative


def test_the_comparison_shows_up_down_and_same_item_by_item(two_finalised, reviewer, as_user):
    earlier, later = two_finalised
    response = as_user(reviewer).get(reverse("fidelity:team_history", args=[earlier.team.uuid]))
    assert response.context["current"] == later
    assert response.context["previous"] == earlier
    directions = {row["item"].code: row["direction"] for row in response.context["comparison"]}
    assert directions["S1"] == "down"
    assert directions["S2"] == "up"
    assert directions["V1"] == "same"


def test_any_review_can_be_compared_with_the_one_before(two_finalised, reviewer, as_user):
    earlier, _later = two_finalised
    url = reverse("fidelity:team_history", args=[earlier.team.uuid]) + f"?compare={earlier.uuid}"
    response = as_user(reviewer).get(url)
    assert response.context["current"] == earlier
    assert response.context["previous"] is None


def test_a_supervisor_sees_an_empty_history_of_their_team(team_a, supervisor_a, as_user):
    response = as_user(supervisor_a).get(reverse("fidelity:team_history", args=[team_a.uuid]))
    assert response.status_code == 200
    assert response.context["history"] == []


@pytest.mark.parametrize("viewer", ["supervisor_a", "reviewer", "org_admin"])
def test_the_teams_supervisor_an_assigned_reviewer_and_the_org_admin_see_the_history(
    two_finalised, team_a, viewer, request, as_user
):
    user = request.getfixturevalue(viewer)
    assert as_user(user).get(reverse("fidelity:team_history", args=[team_a.uuid])).status_code == 200


@pytest.mark.parametrize("outsider", ["coach_a", "coach_b", "reviewer2", "reporter", "org_admin_b", "content_editor"])
def test_everyone_else_gets_404_for_the_history(two_finalised, team_a, outsider, request, as_user):
    user = request.getfixturevalue(outsider)
    assert as_user(user).get(reverse("fidelity:team_history", args=[team_a.uuid])).status_code == 404
