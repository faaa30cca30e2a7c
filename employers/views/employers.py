"""The employer register: list, page, create and edit, contact persons."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.filters import EmployerFilter
from employers.forms import ContactPersonForm, EmployerForm
from employers.models import ContactPerson, Employer
from employers.tables import EmployerTable
from employers.views.common import uuid_url
from ips import audit
from ips.access import can_edit, get_for_user, require_role
from ips.forms import posted_data
from ips.http import redirect_next, render_page_or_fragment, safe_next
from ips.models import Organisation
from ips.params import configure_table

EMPLOYERS_PER_PAGE = 50
# The page shows recent history; a year of weekly visits fits with room to spare.
CONTACT_HISTORY_LIMIT = 60
JOB_LIMIT = 60


@login_required
def employer_list(request):
    user = request.user
    require_role(user, "coach", "supervisor", "org_admin")
    visible = Employer.objects.visible_to(user)
    municipalities = (
        visible.exclude(municipality="").order_by("municipality").values_list("municipality", flat=True).distinct()
    )
    employer_filter = EmployerFilter(
        request.GET or None, queryset=visible.with_activity(), municipalities=list(municipalities)
    )
    table = EmployerTable(employer_filter.qs)
    configure_table(request, table, per_page=EMPLOYERS_PER_PAGE)
    context = {
        "filter": employer_filter,
        "table": table,
        "employers": list(table.page.object_list.data),
        "can_add": bool(user.roles.team_ids),
    }
    return render_page_or_fragment(request, "employers/employer_list.html", "results", context)


@login_required
def employer_detail(request, uuid):
    user = request.user
    employer = get_for_user(request, Employer.objects.select_related("responsible_coach"), uuid=uuid)
    today = timezone.localdate()
    contacts = list(
        employer.contacts.with_client_shown_to(user)
        .with_notes_for(user)
        .with_changeable_by(user)
        .select_related("coach", "contact_person", "team")[:CONTACT_HISTORY_LIMIT]
    )
    edit_url, delete_url = uuid_url("employers:employer_contact_edit"), uuid_url("employers:employer_contact_delete")
    for contact in contacts:
        if contact.can_change:
            contact.edit_url, contact.delete_url = edit_url(contact.uuid), delete_url(contact.uuid)
    jobs = list(employer.jobs.with_client_shown_to(user).order_by("-start_date")[:JOB_LIMIT])
    next_planned = (
        employer.contacts.with_notes_for(user)
        .filter(next_step_on__gte=today)
        .select_related("coach")
        .order_by("next_step_on")
        .first()
    )
    # Reading rows that name a client is logged per client; rows of clients the viewer may not see were masked.
    audit.log_access_many(
        request, [row for row in (*contacts, *jobs) if getattr(row, "shown_client_uuid", None) is not None]
    )
    persons = list(employer.contact_persons.all())
    context = {
        "employer": employer,
        "contacts": contacts,
        "jobs": jobs,
        "persons": [person for person in persons if person.active],
        "former_persons": [person for person in persons if not person.active],
        "next_planned": next_planned,
        "can_write": can_edit(user, employer),
        "today": today,
    }
    return render(request, "employers/employer_detail.html", context)


def _organisation_for_new_employer(user):
    organisation = Organisation.objects.filter(teams__in=user.roles.team_ids).order_by("pk").first()
    if organisation is None:
        raise PermissionDenied
    return organisation


@login_required
def employer_create(request):
    require_role(request.user, "coach", "supervisor")
    organisation = _organisation_for_new_employer(request.user)
    form = EmployerForm(
        posted_data(request),
        organisation=organisation,
        initial={"responsible_coach": request.user},
    )
    return _employer_page(request, form, title=_("New employer"))


@login_required
def employer_edit(request, uuid):
    employer = get_for_user(request, Employer, write=True, uuid=uuid)
    form = EmployerForm(posted_data(request), instance=employer, organisation=employer.organisation)
    return _employer_page(request, form, title=employer.name, employer=employer)


def _employer_page(request, form, *, title, employer=None):
    """A new or an existing employer's form; an employer already registered with the typed business ID or name is
    linked next to that field (EmployerForm)."""
    if request.method == "POST" and form.is_valid():
        employer = form.save()
        messages.success(request, _("Employer saved."))
        return redirect("employers:employer_detail", uuid=employer.uuid)
    context = {"form": form, "title": title, "employer": employer}
    return render(request, "employers/employer_form.html", context)


@login_required
def contact_person_create(request, uuid):
    employer = get_for_user(request, Employer, write=True, uuid=uuid)
    form = ContactPersonForm(posted_data(request), instance=ContactPerson(employer=employer))
    return _contact_person_page(request, form, title=_("New contact person"))


def _contact_person_page(request, form, *, title):
    employer = form.instance.employer
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Contact person saved."))
        return redirect("employers:employer_detail", uuid=employer.uuid)
    return render(request, "employers/contact_person_form.html", {"form": form, "title": title, "employer": employer})


def _person_for_change(request, uuid):
    return get_for_user(request, ContactPerson.objects.select_related("employer"), write=True, uuid=uuid)


@login_required
def contact_person_edit(request, uuid):
    person = _person_for_change(request, uuid)
    form = ContactPersonForm(posted_data(request), instance=person)
    return _contact_person_page(request, form, title=_("Edit contact person"))


@login_required
def contact_person_remove(request, uuid):
    """GET asks for confirmation; POST deletes a person no contact names, and keeps one that recorded contacts
    name as a former contact person, so the contact history still says whom the coach met."""
    person = _person_for_change(request, uuid)
    named_in = person.contacts.count()
    if request.method == "POST":
        if named_in:
            person.active = False
            person.save(update_fields=["active"])
            messages.success(
                request,
                _("%(name)s is kept as a former contact person, because recorded contacts name them.")
                % {"name": person.name},
            )
        else:
            person.delete()
            messages.success(request, _("Contact person removed."))
        return redirect_next(request, reverse("employers:employer_detail", args=[person.employer.uuid]))
    context = {"person": person, "employer": person.employer, "named_in": named_in, "next": safe_next(request, "")}
    return render(request, "employers/contact_person_remove.html", context)
