from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from fidelity.models import ActionPlanItem, Review
from ips import audit
from ips.models import Membership
from tests.conftest import _member
from tests.factories import MembershipFactory, TeamFactory, UserFactory
from tests.fidelity.conftest import make_review

pytestmark = pytest.mark.django_db


def _detail(review):
    return reverse("fidelity:review_detail", args=[review.uuid])


def _rating_post(review, code="S1", score=4, version=0):
    return (
        reverse("fidelity:rating_save", args=[review.uuid, code]),
        {f"{code}-score": score, f"{code}-evidence": "", f"{code}-recommendation": "", f"{code}-version": version},
    )


@pytest.mark.parametrize("viewer", ["reviewer", "supervisor_a", "org_admin"])
def test_the_assigned_reviewer_the_supervisor_and_the_org_admin_see_the_review(review, viewer, request, as_user):
    user = request.getfixturevalue(viewer)
    assert as_user(user).get(_detail(review)).status_code == 200


@pytest.mark.parametrize("outsider", ["reviewer2", "coach_a", "coach_b", "reporter", "org_admin_b", "content_editor"])
def test_everyone_else_gets_404_including_a_reviewer_not_assigned(review, outsider, request, as_user):
    user = request.getfixturevalue(outsider)
    assert as_user(user).get(_detail(review)).status_code == 404
    url, data = _rating_post(review)
    assert as_user(user).post(url, data).status_code == 404


def test_a_supervisor_of_another_team_gets_404(review, coach_b, team_b, as_user):
    other_supervisor = _member("supervisor_b", "supervisor", team=team_b, fte=None)
    assert as_user(other_supervisor).get(_detail(review)).status_code == 404


def test_a_reviewer_whose_role_ended_no_longer_sees_the_review(review, reviewer, as_user):
    reviewer.memberships.update(started=date(2024, 1, 1), ended=date(2025, 1, 1))
    assert as_user(reviewer).get(_detail(review)).status_code == 404


@pytest.mark.parametrize("read_only", ["supervisor_a", "org_admin"])
def test_supervisors_and_org_admins_read_but_get_403_on_every_write(review, read_only, request, as_user):
    user = request.getfixturevalue(read_only)
    client = as_user(user)
    url, data = _rating_post(review)
    assert client.post(url, data).status_code == 403
    assert client.post(reverse("fidelity:rating_accept", args=[review.uuid, "S1"]), {"version": 0}).status_code == 403
    texts = {"strengths": "x", "summary": "y", "version": 0}
    assert client.post(reverse("fidelity:review_texts", args=[review.uuid]), texts).status_code == 403
    assert client.get(reverse("fidelity:plan_item_create", args=[review.uuid])).status_code == 403
    assert client.post(reverse("fidelity:review_finalise", args=[review.uuid])).status_code == 403
    assert review.ratings.filter(score__isnull=False).count() == 0
    assert Review.objects.get(pk=review.pk).strengths == ""


def test_the_read_only_page_has_no_score_forms(review, supervisor_a, as_user):
    html = as_user(supervisor_a).get(_detail(review)).content.decode()
    assert 'name="S1-score"' not in html


def test_the_assigned_reviewer_gets_the_score_forms(review, reviewer, as_user):
    html = as_user(reviewer).get(_detail(review)).content.decode()
    assert 'name="S1-score"' in html
    assert 'name="V14-score"' in html


def test_the_list_shows_each_role_its_reviews(
    review, team_b, scale, reviewer, reviewer2, supervisor_a, org_admin, as_user
):
    other = make_review(team_b, scale, [reviewer2])
    url = reverse("fidelity:review_list")

    def listed(user):
        return {r.pk for r in as_user(user).get(url).context["reviews"]}

    assert listed(reviewer) == {review.pk}
    assert listed(reviewer2) == {other.pk}
    assert listed(supervisor_a) == {review.pk}
    assert listed(org_admin) == {review.pk, other.pk}


@pytest.mark.parametrize("user", ["coach_a", "reporter"])
def test_the_list_is_forbidden_to_roles_without_reviews(user, request, as_user):
    assert as_user(request.getfixturevalue(user)).get(reverse("fidelity:review_list")).status_code == 403


def _post_review(browser, team, scale, **fields):
    """The new-review form posted with a valid period and review dates unless fields say otherwise."""
    data = {
        "team": team.pk,
        "scale": scale.pk,
        "period_start": "2025-07-01",
        "period_end": "2025-12-31",
        "review_start": "2026-01-10",
        "review_end": "2026-01-11",
    }
    return browser.post(reverse("fidelity:review_create"), {**data, **fields})


@pytest.mark.parametrize("creator", ["supervisor_a", "org_admin"])
def test_a_supervisor_or_org_admin_creates_a_review_and_assigns_a_reviewer(
    creator, request, team_a, scale, reviewer, as_user
):
    browser = as_user(request.getfixturevalue(creator))
    response = _post_review(browser, team_a, scale, reviewers=[reviewer.pk], external_reviewers="Kari Lehto")
    review = Review.objects.get()
    assert response.status_code == 302
    assert list(review.reviewers.all()) == [reviewer]
    assert review.ratings.count() == 25


def test_a_reviewer_cannot_set_up_reviews(reviewer, as_user):
    assert as_user(reviewer).get(reverse("fidelity:review_create")).status_code == 403


def test_only_users_with_the_reviewer_role_in_the_teams_organisation_can_be_assigned(
    team_a, scale, supervisor_a, coach_a, as_user
):
    response = _post_review(as_user(supervisor_a), team_a, scale, reviewers=[coach_a.pk])
    assert response.status_code == 200
    assert response.context["form"].errors["reviewers"]
    assert not Review.objects.exists()


def test_the_service_refuses_a_reviewer_of_another_organisation(scale, org_b, team_a, supervisor_a):
    foreign = UserFactory(username="foreign_reviewer")
    MembershipFactory(user=foreign, role=Membership.Role.REVIEWER, organisation=org_b, team=None, fte=None)
    with pytest.raises(ValidationError):
        make_review(team_a, scale, [foreign], by=supervisor_a)


def test_bad_dates_are_refused_next_to_the_field(team_a, scale, supervisor_a, as_user):
    response = _post_review(as_user(supervisor_a), team_a, scale, period_start="2025-12-31", period_end="2025-07-01")
    assert "period_end" in response.context["form"].errors
    assert not Review.objects.exists()


def test_a_supervisor_cannot_create_a_review_for_another_team(team_b, scale, supervisor_a, as_user):
    response = _post_review(as_user(supervisor_a), team_b, scale)
    assert "team" in response.context["form"].errors
    assert not Review.objects.exists()


def test_the_assigned_reviewer_adds_edits_and_removes_an_action(review, reviewer, scale, as_user):
    client = as_user(reviewer)
    response = client.post(
        reverse("fidelity:plan_item_create", args=[review.uuid]),
        {"text": "Viikoittainen ryhmätyönohjaus", "owner_name": "Tiimin vetäjä", "status": "open",
         "items": [scale.items.get(code="O4").pk], "due_date": "2026-03-31"},
    )  # fmt: skip
    assert response.status_code == 302
    plan = ActionPlanItem.objects.get()
    assert list(plan.items.values_list("code", flat=True)) == ["O4"]
    client.post(
        reverse("fidelity:plan_item_edit", args=[review.uuid, plan.uuid]),
        {"text": "Viikoittainen ryhmätyönohjaus", "owner_name": "Tiimin vetäjä", "status": "in_progress"},
    )
    plan.refresh_from_db()
    assert plan.status == "in_progress"
    client.post(reverse("fidelity:plan_item_delete", args=[review.uuid, plan.uuid]))
    assert not ActionPlanItem.objects.exists()


def test_an_action_needs_an_owner(review, reviewer, as_user):
    response = as_user(reviewer).post(
        reverse("fidelity:plan_item_create", args=[review.uuid]), {"text": "Jotain", "status": "open"}
    )
    assert response.status_code == 200
    assert "owner_name" in response.context["form"].errors
    assert not ActionPlanItem.objects.exists()


def test_the_team_history_is_hidden_from_outsiders(review, coach_b, reviewer2, as_user):
    url = reverse("fidelity:team_history", args=[review.team.uuid])
    assert as_user(coach_b).get(url).status_code == 404
    assert as_user(reviewer2).get(url).status_code == 404


def test_a_team_of_another_organisation_has_no_history_for_an_org_admin(org_admin):
    team = TeamFactory()
    client = Client()
    client.force_login(org_admin)
    assert client.get(reverse("fidelity:team_history", args=[team.uuid])).status_code == 404


def test_reading_the_figures_that_list_client_codes_is_logged_per_client(review, client_a, reviewer, as_user):
    rating = review.ratings.get(item__code="V8")
    rating.measured_detail = {
        "figures": [["Jobs started in the period", 1]],
        "columns": ["Start date", "Client", "Occupation group"],
        "rows": [["2025-08-01", client_a.code, "52"]],
        "row_count": 1,
    }
    rating.save()
    page = as_user(reviewer).get(_detail(review)).content.decode()
    assert client_a.code in page and client_a.first_name not in page
    assert audit.entries_for_client(client_a).filter(action=LogEntry.Action.ACCESS, actor=reviewer).count() == 1
