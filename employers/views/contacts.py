"""Recording employer contacts (from the employer page, and as a page of its own), correcting and deleting them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from employers.forms import EmployerContactForm
from employers.models import Employer, EmployerContact
from ips import audit
from ips.access import get_for_user, require_role
from ips.forms import posted_data
from ips.http import redirect_next, safe_next
from ips.models import Client, VocationalProfile
from ips.params import query_uuid


def _initial_client(request, employer=None):
    """?client=<uuid> from a client's page preselects that client, if the user may see them (and, with a known
    employer, the client is of the employer's organisation: the form offers no other)."""
    uuid = query_uuid(request, "client")
    if uuid is None:
        return {}
    clients = Client.objects.visible_to(request.user)
    if employer is not None:
        clients = clients.filter(organisation_id=employer.organisation_id)
    client = clients.filter(uuid=uuid).first()
    return {"client": client, "purpose": "on_behalf_of_client"} if client else {}


def _preferences(request, client) -> str:
    """The client's own work preferences, shown while the coach judges whether this employer matches them."""
    if client is None:
        return ""
    audit.log_access(request, client)
    return VocationalProfile.objects.filter(client=client).values_list("preferences", flat=True).first() or ""


@login_required
def contact_create(request, uuid=None):
    """Record a contact; with an employer uuid the employer is fixed and its contact persons are offered."""
    user = request.user
    require_role(user, "coach", "supervisor")
    employer = None
    if uuid is not None:
        employer = get_for_user(request, Employer, write=True, uuid=uuid)
    initial = _initial_client(request, employer)
    form = EmployerContactForm(posted_data(request), user=user, employer=employer, initial=initial)
    if request.method == "POST" and form.is_valid():
        contact = form.save()
        messages.success(request, _("Employer contact saved."))
        return redirect_next(request, reverse("employers:employer_detail", args=[contact.employer.uuid]))
    context = {
        "form": form,
        "employer": employer,
        "title": _("Record an employer contact"),
        "next": safe_next(request, ""),
        "preferences": _preferences(request, initial.get("client")),
    }
    return render(request, "employers/contact_form.html", context)


def _contact_for_change(request, uuid):
    """The recording coach and the team's supervisors change a contact; a colleague who reads it gets 403."""
    queryset = EmployerContact.objects.with_client_shown_to(request.user).select_related("employer", "client")
    return get_for_user(request, queryset, write=True, uuid=uuid)


def _employer_page(contact) -> str:
    return reverse("employers:employer_detail", args=[contact.employer.uuid])


@login_required
def contact_edit(request, uuid):
    contact = _contact_for_change(request, uuid)
    form = EmployerContactForm(posted_data(request), instance=contact, user=request.user, employer=contact.employer)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Employer contact saved."))
        return redirect_next(request, _employer_page(contact))
    context = {
        "form": form,
        "employer": contact.employer,
        "title": _("Edit employer contact"),
        "next": safe_next(request, ""),
    }
    return render(request, "employers/contact_form.html", context)


@login_required
def contact_delete(request, uuid):
    """GET asks for confirmation; POST deletes (django-auditlog keeps the deleted row in the client's log)."""
    contact = _contact_for_change(request, uuid)
    if request.method == "POST":
        contact.delete()
        messages.success(request, _("Employer contact deleted."))
        return redirect_next(request, _employer_page(contact))
    context = {"contact": contact, "employer": contact.employer, "next": safe_next(request, "")}
    return render(request, "employers/contact_delete.html", context)
