from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from ips import audit
from ips.forms import ClientCodeForm, LanguageForm
from ips.http import redirect_next
from ips.models import Client, Membership, Organisation, Team


def health(request):
    """For the load balancer: 200 while this instance can reach the database, else a 500 takes it out."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return HttpResponse("ok", content_type="text/plain")


@login_required
def home(request):
    """A coach starts the day on Today, a supervisor on the team's week; other roles get the overview."""
    roles = request.user.roles
    if roles.log_teams:
        return redirect("ips:today")
    if roles.is_supervisor:
        return redirect("ips:week")
    return render(request, "ips/home.html", {"roles": roles})


@require_POST
def language_set(request):
    """Switch the UI language; a signed-in user's choice is saved so it follows them to other devices."""
    form = LanguageForm(request.POST)
    response = redirect_next(request, "/")
    if form.is_valid():
        language = form.cleaned_data["language"]
        if request.user.is_authenticated:
            request.user.language = language
            request.user.save(update_fields=["language"])
        translation.activate(language)
        response.set_cookie(
            "django_language", language, max_age=365 * 24 * 3600, samesite="Lax", secure=request.is_secure()
        )
    return response


def _admin_organisations(user):
    organisations = Organisation.objects.filter(pk__in=user.roles.admin_orgs)
    if not organisations:
        raise PermissionDenied
    return organisations


@login_required
def org_overview(request):
    """Teams and their people, for the organisation admin."""
    memberships = Membership.objects.select_related("user").order_by("role", "user__last_name")
    organisations = _admin_organisations(request.user).prefetch_related(
        Prefetch("teams", queryset=Team.objects.prefetch_related(Prefetch("memberships", queryset=memberships))),
        Prefetch("memberships", queryset=memberships.filter(team__isnull=True), to_attr="org_memberships"),
    )
    return render(request, "ips/org_overview.html", {"organisations": organisations})


@login_required
def client_audit_log(request):
    """The audit log of one client, found by pseudonym code (an organisation admin's duty under client-data law)."""
    organisations = _admin_organisations(request.user)
    form = ClientCodeForm(request.GET or None)
    client = entries = None
    if form.is_valid():
        client = Client.objects.filter(organisation__in=organisations, code=form.cleaned_data["code"]).first()
        if client is None:
            form.add_error("code", gettext("No client with this code in your organisation."))
        else:
            entries = audit.entries_for_client(client)[:500]
            audit.log_access_many(request, [client])  # reading a client's log is itself a read of the client
    return render(request, "ips/client_audit_log.html", {"form": form, "client": client, "entries": entries})
