"""The work-ability support plan: goals with actions, who is responsible, target dates and follow-up status; its
versions; the next review on Today; a printable copy in the client's language."""

import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.models import Goal, PlanAction, PlanChange, SupportPlan, plan_reviews_due
from ips.support_services import coordinator_change
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def _sid():
    return str(uuid.uuid4())


def _agree_plan(browser, client, nurse):
    today = timezone.localdate()
    for text in ("Kuntoutussuunnitelma Kelalle", "Osa-aikatyö kaupassa"):
        browser.post(
            reverse("ips:goal_add", args=[client.uuid]),
            {"text": text, "status": "open", "set_on": today.isoformat(), "submission_id": _sid()},
        )
    first = Goal.objects.get(client=client, text="Kuntoutussuunnitelma Kelalle")
    browser.post(
        reverse("ips:plan_action_add", args=[client.uuid]),
        {
            "goal": first.pk,
            "text": "B-lausunto lääkäriltä",
            "responsible_user": nurse.pk,
            "responsible_name": "",
            "target_date": (today + timedelta(days=14)).isoformat(),
            "status": "planned",
            "submission_id": _sid(),
        },
    )
    browser.post(
        reverse("ips:plan_edit", args=[client.uuid]),
        {
            "agreed_on": today.isoformat(),
            "next_review_on": (today + timedelta(days=3)).isoformat(),
            "submission_id": _sid(),
        },
    )
    return first


def test_the_team_agrees_a_plan_with_two_goals_and_an_action(coach_a, nurse_a, client_a, as_user):
    browser = as_user(coach_a)
    goal = _agree_plan(browser, client_a, nurse_a)
    assert Goal.objects.filter(client=client_a).count() == 2
    action = PlanAction.objects.get(client=client_a)
    assert (action.goal, action.responsible_user, action.status) == (goal, nurse_a, "planned")
    page = browser.get(reverse("ips:plan_detail", args=[client_a.uuid])).content.decode()
    assert "B-lausunto lääkäriltä" in page and str(nurse_a) in page
    assert SupportPlan.objects.get(client=client_a).next_review_on == timezone.localdate() + timedelta(days=3)


def test_every_change_is_a_version_naming_who_and_what(coach_a, nurse_a, client_a, as_user):
    _agree_plan(as_user(coach_a), client_a, nurse_a)
    action = PlanAction.objects.get(client=client_a)
    browser = as_user(nurse_a)
    page = browser.get(reverse("ips:plan_action_edit", args=[client_a.uuid, action.uuid]))
    data = {name: value for name, value in page.context["form"].initial.items() if value is not None}
    data.update(
        goal=action.goal_id,
        responsible_user=nurse_a.pk,
        status="done",
        follow_up="Lausunto saatu",
        target_date=action.target_date.isoformat(),
        submission_id=_sid(),
        row_fingerprint=page.context["form"]["row_fingerprint"].value(),
    )
    assert browser.post(reverse("ips:plan_action_edit", args=[client_a.uuid, action.uuid]), data).status_code == 302
    newest = PlanChange.objects.filter(client=client_a).first()
    assert newest.changed_by == nurse_a
    assert "B-lausunto lääkäriltä" in newest.what and "→ Lausunto saatu" in newest.what
    assert PlanChange.objects.filter(client=client_a).count() == 5  # two goals, an action, the dates, the follow-up


def _finnish(day) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def _edit(browser, url, **changes):
    """Post the edit form as the user would: what the form shows, with the changes typed over it."""
    form = browser.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(changes, submission_id=_sid(), row_fingerprint=form["row_fingerprint"].value())
    data = {name: value.isoformat() if hasattr(value, "isoformat") else value for name, value in data.items()}
    assert browser.post(url, data).status_code == 302


def _versions(browser, client) -> str:
    page = browser.get(reverse("ips:plan_detail", args=[client.uuid])).content.decode()
    return page[page.index('id="plan-versions"') :]


def test_the_versions_read_dates_and_people_as_the_page_shows_them(coach_a, nurse_a, client_a, as_user):
    browser = as_user(coach_a)
    goal = _agree_plan(browser, client_a, nurse_a)
    today = timezone.localdate()
    agreed, review, target = today - timedelta(days=6), today + timedelta(days=30), today + timedelta(days=60)
    _edit(browser, reverse("ips:plan_edit", args=[client_a.uuid]), agreed_on=agreed, next_review_on=review)
    _edit(browser, reverse("ips:goal_edit", args=[client_a.uuid, goal.uuid]), target_date=target)
    action = PlanAction.objects.get(client=client_a)
    _edit(browser, reverse("ips:plan_action_edit", args=[client_a.uuid, action.uuid]), responsible_user=coach_a.pk)
    versions = _versions(browser, client_a)
    for day in (agreed, review, target, today + timedelta(days=3)):
        assert _finnish(day) in versions
    assert f"{nurse_a} → {coach_a}" in versions
    for day in (agreed, review, target, today):
        assert day.isoformat() not in versions
    assert f"{nurse_a.pk} → " not in versions


def test_an_action_needs_someone_responsible(coach_a, client_a, as_user):
    goal = Goal.objects.create(client=client_a, text="Työkokeilu", set_on=timezone.localdate())
    response = as_user(coach_a).post(
        reverse("ips:plan_action_add", args=[client_a.uuid]),
        {"goal": goal.pk, "text": "Soitto Kelaan", "status": "planned", "submission_id": _sid()},
    )
    assert "responsible_name" in response.context["form"].errors
    assert not PlanAction.objects.exists()


def test_a_goal_of_another_client_cannot_carry_the_action(coach_a, team_a, client_a, as_user):
    other = Goal.objects.create(client=ClientFactory(team=team_a), text="Muu", set_on=timezone.localdate())
    response = as_user(coach_a).post(
        reverse("ips:plan_action_add", args=[client_a.uuid]),
        {"goal": other.pk, "text": "X", "responsible_name": "Kela", "status": "planned", "submission_id": _sid()},
    )
    assert "goal" in response.context["form"].errors


def test_the_review_shows_on_today_of_the_asiakasvastaava_and_the_coach(coach_a, nurse_a, client_a, as_user):
    coordinator_change(client=client_a, on=timezone.localdate(), by=coach_a, user=nurse_a)
    _agree_plan(as_user(coach_a), client_a, nurse_a)
    assert list(plan_reviews_due(nurse_a)) == [client_a] == list(plan_reviews_due(coach_a))
    for user in (nurse_a, coach_a):
        page = as_user(user).get(reverse("ips:today")).content.decode()
        assert "today-plan-reviews" in page and reverse("ips:plan_detail", args=[client_a.uuid]) in page


def test_a_review_far_ahead_is_not_due(coach_a, client_a):
    SupportPlan.objects.create(client=client_a, next_review_on=timezone.localdate() + timedelta(days=40))
    assert not plan_reviews_due(coach_a).exists()


def test_the_printable_plan_is_in_the_clients_language(coach_a, nurse_a, team_a, as_user):
    swedish = ClientFactory(team=team_a, coach=coach_a, language="sv")
    browser = as_user(coach_a)
    _agree_plan(browser, swedish, nurse_a)
    page = browser.get(reverse("ips:plan_print", args=[swedish.uuid])).content.decode()
    assert '<html lang="sv">' in page and "B-lausunto lääkäriltä" in page
    english = ClientFactory(team=team_a, coach=coach_a, language="other")
    assert '<html lang="en">' in browser.get(reverse("ips:plan_print", args=[english.uuid])).content.decode()


def test_outsiders_get_404_on_the_plan(coach_b, client_a, as_user):
    browser = as_user(coach_b)
    for name in ("plan_detail", "plan_edit", "plan_print", "plan_action_add"):
        assert browser.get(reverse(f"ips:{name}", args=[client_a.uuid])).status_code == 404


def test_the_plan_page_query_count_is_flat(coach_a, nurse_a, client_a, as_user, count_queries):
    browser = as_user(coach_a)
    _agree_plan(browser, client_a, nurse_a)
    url = reverse("ips:plan_detail", args=[client_a.uuid])
    few = count_queries(url)
    goal = Goal.objects.filter(client=client_a).first()
    for n in range(10):
        PlanAction.objects.create(client=client_a, goal=goal, text=f"Toimi {n}", responsible_user=nurse_a)
    assert count_queries(url) == few
