"""Hostile-input cases of the work-ability support team's forms (issue 15): asiakasvastaava and support plan."""

from ips.forms import team as team_forms
from ips.models import Goal
from tests.hostile_input.world import client_case, client_change_case, iso


def plan_goal(w):
    """A goal of the world's client, for the plan's actions."""
    return Goal.objects.get_or_create(client=w.client, text="Työkokeilu kaupassa", defaults={"set_on": w.today})[0]


TEAM_CASES = [
    client_change_case(
        team_forms.ServiceChangeForm, "ips:service_edit", lambda w: {"service": "both", "on": iso(w.today)}
    ),
    client_case(
        team_forms.NetworkMeetingForm,
        "ips:network_meeting_add",
        lambda w: {
            "held_on": iso(w.today),
            "members": [w.coach_a.pk],
            "parties": [],
            "outside_participants": "Liisa Lahti (Kela)",
            "agreed": "Kuntoutustarveselvitys",
            "goals": [plan_goal(w).pk],
        },
        build=lambda w: team_forms.NetworkMeetingForm(client=w.client),
    ),
    client_case(
        team_forms.CoordinatorForm,
        "ips:coordinator_edit",
        lambda w: {"user": w.coach_a2.pk, "name": "", "organisation_name": "", "on": iso(w.today), "reason": ""},
        build=lambda w: team_forms.CoordinatorForm(client=w.client),
    ),
    client_case(
        team_forms.SupportPlanForm,
        "ips:plan_edit",
        lambda w: {"agreed_on": iso(w.today), "next_review_on": iso(w.today)},
    ),
    client_case(
        team_forms.PlanActionForm,
        "ips:plan_action_add",
        lambda w: {
            "goal": plan_goal(w).pk,
            "text": "Soitto Kelaan",
            "responsible_user": w.coach_a.pk,
            "responsible_name": "",
            "target_date": iso(w.today),
            "status": "planned",
            "follow_up": "",
        },
        build=lambda w: team_forms.PlanActionForm(client=w.client),
    ),
]
