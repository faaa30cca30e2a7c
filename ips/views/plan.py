"""The work-ability support plan (työkyvyn tuen suunnitelma): goals, actions, versions and a printable copy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from ips.access import get_for_user
from ips.forms import posted_data
from ips.forms.clients import GoalForm
from ips.forms.team import PlanActionForm, SupportPlanForm, describe_changes
from ips.models import ClientLanguage, Goal, NetworkMeeting, PlanAction, PlanChange, SupportPlan
from ips.models.team import Coordinator
from ips.support_services import plan_change_record
from ips.views.team import client_for, to_plan

CHANGES_SHOWN = 50


def plan_context(client):
    """The plan, its goals each with their actions, and the coordinator today: one query each."""
    plan = SupportPlan.objects.filter(client=client).first()
    goals = list(Goal.objects.filter(client=client).order_by("set_on", "pk"))
    actions = list(PlanAction.objects.filter(client=client).select_related("responsible_user"))
    today = timezone.localdate()
    for action in actions:
        action.overdue = action.is_overdue(today)
    for goal in goals:
        goal.plan_actions = [action for action in actions if action.goal_id == goal.pk]
    coordinator = Coordinator.objects.in_force().filter(client=client).select_related("user").first()
    return {"client": client, "plan": plan, "goals": goals, "coordinator": coordinator, "today": today}


@login_required
def plan_detail(request, uuid):
    client = client_for(request, uuid)
    context = plan_context(client)
    context.update(
        changes=list(PlanChange.objects.filter(client=client).select_related("changed_by")[:CHANGES_SHOWN]),
        plan_form=SupportPlanForm(instance=context["plan"] or SupportPlan(client=client), auto_id="plan_%s"),
        goal_form=GoalForm(auto_id="goal_%s"),
        action_form=PlanActionForm(client=client, auto_id="action_%s") if context["goals"] else None,
        meetings=list(
            NetworkMeeting.objects.filter(client=client).prefetch_related("parties", "members", "goals")[:CHANGES_SHOWN]
        ),
    )
    return render(request, "ips/plan_detail.html", context)


@login_required
def plan_edit(request, uuid):
    client = client_for(request, uuid, write=True)
    plan = SupportPlan.objects.filter(client=client).first() or SupportPlan(client=client)
    form = SupportPlanForm(posted_data(request), instance=plan)
    if request.method == "POST" and form.is_valid():
        form.save()
        plan_change_record(client=client, by=request.user, what=describe_changes(form, gettext("Plan")))
        messages.success(request, gettext("Saved."))
        return to_plan(client)
    return _form(request, client, form, gettext("Plan dates"))


def _form(request, client, form, title):
    back = reverse("ips:plan_detail", args=[client.uuid])
    return render(request, "ips/client_form.html", {"form": form, "title": title, "client": client, "back": back})


def _action_form(request, uuid, record=None):
    client = client_for(request, uuid, write=True)
    action = None
    if record is not None:
        action = get_for_user(request, PlanAction.objects.filter(client=client), write=True, uuid=record)
    form = PlanActionForm(posted_data(request), instance=action, client=client)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.client = client
        saved.save()
        subject = gettext("Action “%s”") % saved.text if action else gettext("New action “%s”") % saved.text
        plan_change_record(client=client, by=request.user, what=describe_changes(form, subject))
        messages.success(request, gettext("Saved."))
        return to_plan(client)
    return _form(request, client, form, gettext("Edit action") if action else gettext("Add an action"))


@login_required
def action_add(request, uuid):
    return _action_form(request, uuid)


@login_required
def action_edit(request, uuid, record):
    return _action_form(request, uuid, record)


@login_required
def plan_print(request, uuid):
    """The plan the client takes home, in the client's language (Finnish, Swedish, else English)."""
    client = client_for(request, uuid)
    language = client.language if client.language in (ClientLanguage.FINNISH, ClientLanguage.SWEDISH) else "en"
    with translation.override(language):
        return render(request, "ips/plan_print.html", {**plan_context(client), "language": language})
