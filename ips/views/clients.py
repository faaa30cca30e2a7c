"""The client page and the forms of the client's record. Every view starts from get_for_user."""

from itertools import chain

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ips import audit, privacy, staff, xlsx
from ips.access import get_for_user
from ips.forms import posted_data
from ips.forms.clients import (
    ClientForm,
    ClosureForm,
    ConsentForm,
    FollowUpForm,
    GoalForm,
    KykyviisariForm,
    SatisfactionForm,
    StageChangeForm,
    VocationalProfileForm,
)
from ips.forms.team import describe_changes
from ips.models import (
    OPEN_STAGES,
    Client,
    Consent,
    Coordinator,
    Goal,
    SatisfactionAnswer,
    Stage,
    StageChange,
    TimeEntry,
    kykyviisari_comparison,
)
from ips.models.record import VocationalProfile
from ips.services import client_assign, client_close, client_stage_change
from ips.support_services import plan_change_record
from ips.views.team import to_plan

TIMELINE_LENGTH = 60


def _client(request, uuid, *, write=False, related=(), clients=Client.objects):
    return get_for_user(
        request,
        clients.select_related("team", "coach", "treatment_team", "referral__source", *related),
        write=write,
        uuid=uuid,
    )


def _with_satisfaction(clients):
    """The latest satisfaction survey answer and the number of answers, in the client's own query."""
    latest = SatisfactionAnswer.objects.filter(client=OuterRef("pk")).order_by("-answered_on", "-created")
    answers = (
        SatisfactionAnswer.objects.filter(client=OuterRef("pk"))
        .order_by()
        .values("client")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return clients.annotate(
        latest_satisfaction=Subquery(latest.values("score")[:1]),
        latest_satisfaction_on=Subquery(latest.values("answered_on")[:1]),
        satisfaction_answer_count=Subquery(answers),
    )


def _back(client, section=""):
    return redirect(reverse("ips:client_detail", args=[client.uuid]) + (f"#{section}" if section else ""))


@login_required
def client_detail(request, uuid):
    # The plan and the profile come in the client's own row (one-to-one): the page's query count stays pinned.
    # The latest satisfaction answer comes in the same query (_with_satisfaction).
    client = _client(request, uuid, related=("support_plan", "profile"), clients=_with_satisfaction(Client.objects))
    today = timezone.localdate()
    consents = list(client.consents.prefetch_related("parties"))
    entries = (
        TimeEntry.objects.filter(client=client)
        .select_related("kind", "coach")
        .order_by("-date", "-created")[:TIMELINE_LENGTH]
    )
    changes = StageChange.objects.filter(client=client).select_related("changed_by")[:TIMELINE_LENGTH]
    timeline = sorted(
        chain(
            ({"type": "entry", "date": e.date, "at": e.created, "item": e} for e in entries),
            ({"type": "stage", "date": c.changed_on, "at": c.created, "item": c} for c in changes),
        ),
        key=lambda row: (row["date"], row["at"]),
        reverse=True,
    )[:TIMELINE_LENGTH]
    profile = getattr(client, "profile", None)
    scores = list(client.kykyviisari_scores.all())
    coordinators = list(Coordinator.objects.filter(client=client).select_related("user"))
    context = {
        "coordinators": coordinators,
        "coordinator": next((c for c in coordinators if c.ended is None), None),
        "plan": getattr(client, "support_plan", None),
        "client": client,
        "stages": [(value, label) for value, label in Stage.choices if value in OPEN_STAGES],
        "stage_index": OPEN_STAGES.index(client.stage) if client.stage in OPEN_STAGES else len(OPEN_STAGES),
        "target_groups": list(client.target_groups.all()),
        "consents": consents,
        "today": today,
        "has_valid_consent": any(consent.is_valid_on(today) for consent in consents),
        "profile": profile,
        "scores": scores,
        "kykyviisari_areas": kykyviisari_comparison(scores),
        "assignments": list(client.assignments.select_related("team", "coach")),
        "timeline": timeline,
        "stage_form": StageChangeForm(client=client, auto_id="stage_%s") if not client.is_closed else None,
        "score_form": KykyviisariForm(auto_id="score_%s"),
        "satisfaction_form": SatisfactionForm(auto_id="satisfaction_%s"),
        "followup_form": FollowUpForm(instance=client, auto_id="followup_%s") if client.is_closed else None,
        "can_export": client.team_id in request.user.roles.supervisor_teams,
        # Jobs and employer work are the coaches' and supervisors' (docs/permissions.md), not other members'.
        "can_see_jobs": client.team_id in request.user.roles.team_ids,
    }
    return render(request, "ips/client_detail.html", context)


@login_required
def client_export(request, uuid):
    """Everything Polku holds about the client, for the client's right of access (GDPR art. 15).

    The team's supervisor answers the request; coaches do not hand out files. Organisation admins never see
    client names (they read the audit log by code), so the export stays with the supervisor.
    """
    client = _client(request, uuid)
    if client.team_id not in request.user.roles.supervisor_teams:
        raise PermissionDenied
    audit.log_export(request, client, "xlsx")
    return xlsx.response(privacy.client_export(client), f"polku-{client.code}.xlsx")


def _form_page(request, form, *, title, client):
    return render(
        request,
        "ips/client_form.html",
        {"form": form, "title": title, "client": client, "back": reverse("ips:client_detail", args=[client.uuid])},
    )


@login_required
def client_edit(request, uuid):
    client = _client(request, uuid, write=True)
    # The assignment and treatment-team histories need the old values, which validating the form writes over.
    old_team, old_coach, old_treatment = client.team_id, client.coach_id, client.treatment_team_id
    form = ClientForm(posted_data(request), instance=client, user=request.user)
    if request.method == "POST" and form.is_valid():
        team, coach = form.cleaned_data["team"], form.cleaned_data["coach"]
        treatment_team = form.cleaned_data["treatment_team"]
        client = form.save(commit=False)
        client.team_id, client.coach_id, client.treatment_team_id = old_team, old_coach, old_treatment
        client.save()
        form.save_m2m()
        today = timezone.localdate()
        client_assign(client=client, team=team, coach=coach, on=today)
        if (treatment_team and treatment_team.pk) != old_treatment:
            # A dated span from today, as the organisation admin's move writes it: O1 reads the spans.
            staff.client_treatment_team_move(client=client, treatment_team=treatment_team, on=today, by=request.user)
        messages.success(request, gettext("Saved."))
        return _back(client)
    return _form_page(request, form, title=gettext("Edit client details"), client=client)


@login_required
def client_stage(request, uuid):
    client = _client(request, uuid, write=True)
    form = StageChangeForm(posted_data(request), client=client)
    if request.method == "POST" and form.is_valid():
        client_stage_change(
            client=client, stage=form.cleaned_data["stage"], changed_on=form.cleaned_data["changed_on"], by=request.user
        )
        messages.success(request, gettext("Stage changed."))
        return _back(client, "path")
    return _form_page(request, form, title=gettext("Change stage"), client=client)


@login_required
def client_close_view(request, uuid):
    client = _client(request, uuid, write=True)
    form = ClosureForm(posted_data(request), instance=client)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        client_close(
            client=client,
            closed_on=data["closed_on"],
            outcome=data["outcome"],
            reason=data["closure_reason"],
            satisfaction=data["satisfaction"],
            by=request.user,
        )
        messages.success(request, gettext("The client's service is closed."))
        return _back(client, "closure")
    return _form_page(request, form, title=gettext("Close the service"), client=client)


def _record_view(
    form_class, title, *, section, model=None, one_to_one=False, recorded_by=False, on_save=None, back=None
):
    """The view that adds one record of the client (consent, goal, score, answer) or edits it.

    With `model` the view edits: the record the URL names (`record`), or with `one_to_one` the client's only one (made
    on first save). `recorded_by` stamps the user; `on_save(request, form, record)` runs after the save (a goal writes
    the plan's version row); `back(client)` is where to go, else the client page's `section`.
    """

    @login_required
    def view(request, uuid, record=None):
        client = _client(request, uuid, write=True)
        instance = None
        if one_to_one:
            instance = model.objects.filter(client=client).first() or model(client=client)
        elif record is not None:
            instance = get_for_user(request, model.objects.filter(client=client), write=True, uuid=record)
        form = form_class(posted_data(request), instance=instance)
        if request.method == "POST" and form.is_valid():
            saved = form.save(commit=False)
            saved.client = client
            if recorded_by:
                saved.recorded_by = request.user
            saved.save()
            form.save_m2m()
            if on_save is not None:
                on_save(request, form, saved)
            messages.success(request, gettext("Saved."))
            return back(client) if back else _back(client, section)
        return _form_page(request, form, title=str(title), client=client)

    return view


def _goal_versioned(new):
    """A goal is part of the work-ability support plan: its change is a version of the plan."""

    def record_change(request, form, goal):
        subject = (gettext("New goal “%s”") if new else gettext("Goal “%s”")) % goal.text
        plan_change_record(client=goal.client, by=request.user, what=describe_changes(form, subject))

    return record_change


consent_add = _record_view(ConsentForm, _("Record consent"), section="consent")
consent_edit = _record_view(ConsentForm, _("Edit consent"), section="consent", model=Consent)
goal_add = _record_view(GoalForm, _("Add a goal"), section="goals", on_save=_goal_versioned(True), back=to_plan)
goal_edit = _record_view(
    GoalForm, _("Edit goal"), section="goals", model=Goal, on_save=_goal_versioned(False), back=to_plan
)
score_add = _record_view(KykyviisariForm, _("Add a Kykyviisari score"), section="kykyviisari", recorded_by=True)
satisfaction_add = _record_view(
    SatisfactionForm, _("Record a satisfaction survey answer"), section="satisfaction", recorded_by=True
)
profile_edit = _record_view(
    VocationalProfileForm, _("Vocational profile"), section="profile", model=VocationalProfile, one_to_one=True
)


@login_required
def client_followup(request, uuid):
    """The ESF+ six-month follow-up of a client who has left: is the client in employment?"""
    client = _client(request, uuid, write=True)
    if not client.is_closed:
        messages.error(request, gettext("The follow-up is recorded after the client has left."))
        return _back(client, "closure")
    form = FollowUpForm(posted_data(request), instance=client)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("Saved."))
        return _back(client, "closure")
    return _form_page(request, form, title=gettext("Six-month follow-up"), client=client)
