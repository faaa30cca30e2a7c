"""Treatment teams with dated coach memberships, and a client's treatment team with dates (fidelity item O1).

The organisation admin finds a client by pseudonym code only: names stay with the client's own team."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from ips import audit, staff
from ips.access import get_for_user
from ips.forms import ClientCodeForm
from ips.forms.admin import ClientTreatmentTeamForm, SpanEndForm, TreatmentMemberForm, TreatmentTeamForm
from ips.forms.general import posted_data
from ips.models import Client, ClientTreatmentTeam, TreatmentTeam, TreatmentTeamMembership
from ips.views.admin_people import admin_form_page, admin_organisations


def _treatment_teams(user):
    return TreatmentTeam.objects.filter(organisation__in=admin_organisations(user))


@login_required
def treatment_team_list(request):
    members = TreatmentTeamMembership.objects.select_related("user").order_by("-started", "-pk")
    teams = (
        _treatment_teams(request.user)
        .select_related("organisation")
        .prefetch_related(Prefetch("memberships", queryset=members))
    )
    return render(request, "ips/admin/treatment_team_list.html", {"teams": teams})


@login_required
def treatment_team_create(request):
    form = TreatmentTeamForm(posted_data(request), organisations=admin_organisations(request.user))
    return admin_form_page(
        request,
        form,
        title=gettext("New treatment team"),
        write=lambda _data: form.save(),
        done=reverse("ips:treatment_team_list"),
    )


@login_required
def treatment_member_add(request, pk):
    team = get_for_user(request, TreatmentTeam.objects.select_related("organisation"), write=True, pk=pk)
    form = TreatmentMemberForm(posted_data(request), treatment_team=team)
    if form.is_valid():
        staff.treatment_member_add(
            treatment_team=team,
            person=form.cleaned_data["person"],
            started=form.cleaned_data["started"],
            by=request.user,
        )
        return redirect("ips:treatment_team_list")
    title = gettext("Add a coach to %s") % team
    return render(request, "includes/form_page.html", {"form": form, "title": title})


@login_required
def treatment_member_end(request, pk):
    membership = get_for_user(
        request, TreatmentTeamMembership.objects.select_related("user", "treatment_team"), write=True, pk=pk
    )
    return admin_form_page(
        request,
        SpanEndForm(posted_data(request)),
        title=gettext("End %s") % membership,
        write=lambda data: staff.treatment_member_end(membership=membership, ended=data["ended"], by=request.user),
        done=reverse("ips:treatment_team_list"),
        error_field="ended",
    )


@login_required
def client_treatment_team(request):
    """Find a client by code, see their treatment teams with dates, and move them to another from a date."""
    organisations = admin_organisations(request.user)
    lookup = ClientCodeForm(request.GET or None)
    client = move = None
    spans = []
    if lookup.is_valid():
        client = Client.objects.filter(organisation__in=organisations, code=lookup.cleaned_data["code"]).first()
        if client is None:
            lookup.add_error("code", gettext("No client with this code in your organisation."))
    if client is not None:
        audit.log_access_many(request, [client])
        move = ClientTreatmentTeamForm(posted_data(request), organisation=client.organisation)
        if move.is_valid():
            try:
                staff.client_treatment_team_move(
                    client=client,
                    treatment_team=move.cleaned_data["treatment_team"],
                    on=move.cleaned_data["on"],
                    by=request.user,
                )
            except ValidationError as error:
                move.add_error("on", error)
            else:
                messages.success(request, gettext("The treatment team of %s is changed.") % client.code)
                return redirect(f"{request.path}?code={client.code}")
        spans = ClientTreatmentTeam.objects.filter(client=client).select_related("treatment_team")
    context = {"lookup": lookup, "client": client, "move": move, "spans": spans}
    return render(request, "ips/admin/client_treatment_team.html", context)
