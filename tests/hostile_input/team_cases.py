"""Hostile-input cases of the work-ability support team's forms (issue 15): asiakasvastaava and support plan."""

from django.urls import reverse

from ips.forms import team as team_forms
from ips.models import Goal
from tests.hostile_input.world import Case, iso


def plan_goal(w):
    """A goal of the world's client, for the plan's actions."""
    return Goal.objects.get_or_create(client=w.client, text="Työkokeilu kaupassa", defaults={"set_on": w.today})[0]


TEAM_CASES = [
    Case(
        team_forms.ServiceChangeForm,
        "coach_a",
        lambda w: reverse("ips:service_edit", args=[w.client.uuid]),
        lambda w: team_forms.ServiceChangeForm(client=w.client),
        lambda w: {"service": "both", "on": iso(w.today)},
        watch=lambda w: [w.client],
    ),
    Case(
        team_forms.NetworkMeetingForm,
        "coach_a",
        lambda w: reverse("ips:network_meeting_add", args=[w.client.uuid]),
        lambda w: team_forms.NetworkMeetingForm(client=w.client),
        lambda w: {
            "held_on": iso(w.today),
            "members": [w.coach_a.pk],
            "parties": [],
            "outside_participants": "Liisa Lahti (Kela)",
            "agreed": "Kuntoutustarveselvitys",
            "goals": [plan_goal(w).pk],
        },
    ),
    Case(
        team_forms.CoordinatorForm,
        "coach_a",
        lambda w: reverse("ips:coordinator_edit", args=[w.client.uuid]),
        lambda w: team_forms.CoordinatorForm(client=w.client),
        lambda w: {"user": w.coach_a2.pk, "name": "", "organisation_name": "", "on": iso(w.today), "reason": ""},
    ),
    Case(
        team_forms.SupportPlanForm,
        "coach_a",
        lambda w: reverse("ips:plan_edit", args=[w.client.uuid]),
        lambda w: team_forms.SupportPlanForm(),
        lambda w: {"agreed_on": iso(w.today), "next_review_on": iso(w.today)},
    ),
    Case(
        team_forms.PlanActionForm,
        "coach_a",
        lambda w: reverse("ips:plan_action_add", args=[w.client.uuid]),
        lambda w: team_forms.PlanActionForm(client=w.client),
        lambda w: {
            "goal": plan_goal(w).pk,
            "text": "Soitto Kelaan",
            "responsible_user": w.coach_a.pk,
            "responsible_name": "",
            "target_date": iso(w.today),
            "status": "planned",
            "follow_up": "",
        },
    ),
]
