"""Organisation administration of teams and the history of every administrative change; the platform admin's
organisations."""

from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from ips import staff
from ips.access import get_for_user, require_platform_admin
from ips.changes import readable
from ips.forms.admin import OrganisationForm, TeamCloseForm, TeamForm
from ips.forms.general import posted_data
from ips.models import Membership, Organisation, Team, TreatmentTeam, TreatmentTeamMembership, User
from ips.periods import overlapping, span_shown
from ips.views.admin_people import admin_form_page, admin_organisations

HISTORY_ROWS = 300


def _in_force(relation) -> Q:
    today = timezone.localdate()
    return overlapping(today, today, started=f"{relation}__started", ended=f"{relation}__ended", open_start=True)


@login_required
def team_list(request):
    organisations = admin_organisations(request.user)
    teams = (
        Team.objects.filter(organisation__in=organisations)
        .select_related("organisation")
        .annotate(
            people=Count("memberships__user", filter=_in_force("memberships"), distinct=True),
        )
        .order_by("closed_on", "organisation__name", "name")
    )
    return render(request, "ips/admin/team_list.html", {"teams": teams})


@login_required
def team_create(request):
    organisations = admin_organisations(request.user)
    form = TeamForm(posted_data(request), organisations=organisations)
    return admin_form_page(
        request, form, title=gettext("New team"), write=lambda _data: form.save(), done=reverse("ips:team_list")
    )


@login_required
def team_edit(request, uuid):
    team = get_for_user(request, Team, write=True, uuid=uuid)
    form = TeamForm(posted_data(request), instance=team, organisations=request.user.roles.admin_orgs)
    title = gettext("Rename %s") % team
    return admin_form_page(request, form, title=title, write=lambda _data: form.save(), done=reverse("ips:team_list"))


@login_required
def team_close(request, uuid):
    team = get_for_user(request, Team, write=True, uuid=uuid)
    return admin_form_page(
        request,
        TeamCloseForm(posted_data(request)),
        title=gettext("Close %s") % team,
        write=lambda data: staff.team_close(team=team, on=data["closed_on"], by=request.user),
        done=reverse("ips:team_list"),
        error_field="closed_on",
        success=lambda removed: _closed(team, removed),
    )


def _closed(team, removed) -> str:
    """The confirmation of a closing, naming the roles it removed (they would have begun on the day or later)."""
    said = gettext("Team %s is closed.") % team
    if removed:
        roles = "; ".join(
            f"{role.user}, {role.get_role_display()} {span_shown(role.started, role.ended)}" for role in removed
        )
        said += " " + ngettext(
            "This role would have begun on the closing day or later and is removed: %(roles)s.",
            "These roles would have begun on the closing day or later and are removed: %(roles)s.",
            len(removed),
        ) % {"roles": roles}
    return said


def _pks(queryset):
    return queryset.annotate(key=Cast("pk", CharField())).values("key")


def administrative_changes(organisation_ids):
    """Change rows of the organisations' people, roles, teams and treatment teams, newest first (one query)."""
    types = ContentType.objects.get_for_models(
        User, Membership, Team, TreatmentTeam, TreatmentTeamMembership, Organisation
    )
    scopes = [
        (User, User.objects.of_organisation(organisation_ids)),
        (Membership, Membership.objects.filter(organisation__in=organisation_ids)),
        (Team, Team.objects.filter(organisation__in=organisation_ids)),
        (TreatmentTeam, TreatmentTeam.objects.filter(organisation__in=organisation_ids)),
        (
            TreatmentTeamMembership,
            TreatmentTeamMembership.objects.filter(treatment_team__organisation__in=organisation_ids),
        ),
        (Organisation, Organisation.objects.filter(pk__in=organisation_ids)),
    ]
    where = Q()
    for model, rows in scopes:
        where |= Q(content_type=types[model], object_pk__in=_pks(rows.order_by()))
    # A role a team's closing removed (staff.team_close) has no row to scope by: its deletion names the organisation.
    removed_roles = Q(content_type=types[Membership], action=LogEntry.Action.DELETE)
    where |= removed_roles & Q(changes__organisation__0__in=[str(pk) for pk in organisation_ids])
    return (
        LogEntry.objects.filter(where)
        .exclude(action=LogEntry.Action.ACCESS)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


@login_required
def history(request):
    """Every administrative change with who and when: the organisation admin's audit trail."""
    organisations = admin_organisations(request.user)
    entries = readable(administrative_changes(organisations)[:HISTORY_ROWS])
    return render(request, "ips/admin/history.html", {"entries": entries})


@login_required
def organisation_list(request):
    require_platform_admin(request.user)
    organisations = Organisation.objects.annotate(
        team_count=Count("teams", filter=Q(teams__closed_on__isnull=True), distinct=True),
        admin_count=Count(
            "memberships",
            filter=Q(memberships__role=Membership.Role.ORG_ADMIN) & _in_force("memberships"),
            distinct=True,
        ),
    )
    return render(request, "ips/admin/organisation_list.html", {"organisations": organisations})


@login_required
def organisation_create(request):
    require_platform_admin(request.user)
    form = OrganisationForm(posted_data(request))
    if form.is_valid():
        data = form.cleaned_data
        with transaction.atomic():
            organisation = form.save()
            admin = staff.person_add(
                organisation=organisation,
                by=request.user,
                first_name=data["admin_first_name"],
                last_name=data["admin_last_name"],
                email=data["admin_email"],
                language=data["admin_language"],
            )
            staff.role_give(
                person=admin,
                organisation=organisation,
                role=Membership.Role.ORG_ADMIN,
                team=None,
                started=timezone.localdate(),
                by=request.user,
            )
        staff.person_invite(person=admin, by=request.user, base_url=request.build_absolute_uri("/"))
        messages.success(request, gettext("Organisation %s created; its admin is invited.") % organisation)
        return redirect("ips:organisation_list")
    return render(request, "includes/form_page.html", {"form": form, "title": gettext("New organisation")})
