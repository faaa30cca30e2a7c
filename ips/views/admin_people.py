"""Organisation administration of people: add, invite, roles and FTE shares, deactivate; an organisation admin
reaches only the people of the organisations they administer (others get 404 through get_for_user)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch, Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from ips import staff
from ips.access import get_for_user, grantable_roles, require_role
from ips.forms.admin import FteChangeForm, PersonFilterForm, PersonForm, RoleEndForm, RoleForm
from ips.forms.general import posted_data
from ips.models import Membership, Organisation, User


def admin_organisations(user) -> frozenset[int]:
    require_role(user, "org_admin")
    return user.roles.admin_orgs


def admin_form_page(request, form, *, title, write, done, error_field=None, success=None):
    """The administration's form flow: a valid form is written by `write(cleaned_data)`, then `success` is said (a
    text, or a function of what `write` returned) and the user goes to `done` (a URL); a ValidationError of the write
    shows on `error_field`; else the form page."""
    if form.is_valid():
        try:
            written = write(form.cleaned_data)
        except ValidationError as error:
            if error_field is None:
                raise
            form.add_error(error_field, error)
        else:
            if callable(success):
                success = success(written)
            if success:
                messages.success(request, success)
            return redirect(done)
    return render(request, "includes/form_page.html", {"form": form, "title": title})


def _base_url(request) -> str:
    return request.build_absolute_uri("/")


@login_required
def people_list(request):
    """People of the user's organisations, searchable and filtered by team and role, with their last sign-in."""
    organisations = admin_organisations(request.user)
    form = PersonFilterForm(request.GET, organisations=organisations)
    people = User.objects.of_organisation(organisations)
    if form.is_valid():
        if query := form.cleaned_data["q"].strip():
            people = people.filter(
                Q(first_name__icontains=query)
                | Q(last_name__icontains=query)
                | Q(email__icontains=query)
                | Q(profession__icontains=query)
            )
        roles = Membership.objects.active().filter(organisation__in=organisations)
        if team := form.cleaned_data["team"]:
            roles = roles.filter(team=team)
        if role := form.cleaned_data["role"]:
            roles = roles.filter(role=role)
        if team or role:
            people = people.filter(pk__in=roles.values("user_id"))
    in_force = Membership.objects.active().filter(organisation__in=organisations).select_related("team")
    people = people.prefetch_related(Prefetch("memberships", queryset=in_force, to_attr="roles_in_force")).order_by(
        "last_name", "first_name", "pk"
    )
    return render(request, "ips/admin/people_list.html", {"form": form, "people": people[:500]})


@login_required
def person_create(request):
    organisations = admin_organisations(request.user)
    form = PersonForm(posted_data(request), organisations=organisations)
    if form.is_valid():
        data = {
            name: form.cleaned_data[name] for name in ("first_name", "last_name", "email", "language", "profession")
        }
        person = staff.person_add(organisation=form.cleaned_data["organisation"], by=request.user, **data)
        return redirect("ips:person_detail", pk=person.pk)
    return render(request, "includes/form_page.html", {"form": form, "title": gettext("Add a person")})


@login_required
def person_detail(request, pk):
    person = get_for_user(request, User, pk=pk)
    organisations = request.user.roles.admin_orgs
    memberships = (
        Membership.objects.filter(user=person, organisation__in=organisations)
        .select_related("team", "organisation", "profession")
        .order_by("-started", "-pk")
    )
    today_roles = set(Membership.objects.filter(user=person).active().values_list("pk", flat=True))
    rows = [(membership, membership.pk in today_roles) for membership in memberships]
    return render(request, "ips/admin/person_detail.html", {"person": person, "rows": rows})


@login_required
def person_edit(request, pk):
    person = get_for_user(request, User, write=True, pk=pk)
    form = PersonForm(posted_data(request), instance=person, organisations=request.user.roles.admin_orgs)
    done = reverse("ips:person_detail", kwargs={"pk": person.pk})
    return admin_form_page(request, form, title=gettext("Edit %s") % person, write=lambda _data: form.save(), done=done)


@require_POST
@login_required
def person_invite(request, pk):
    person = get_for_user(request, User, write=True, pk=pk)
    if not person.is_active or not person.email:
        raise PermissionDenied
    staff.person_invite(person=person, by=request.user, base_url=_base_url(request))
    messages.success(request, gettext("Invitation sent to %(email)s.") % {"email": person.email})
    return redirect("ips:person_detail", pk=person.pk)


@require_POST
@login_required
def person_deactivate(request, pk):
    person = get_for_user(request, User, write=True, pk=pk)
    try:
        staff.person_deactivate(person=person, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, gettext("%s can no longer sign in.") % person)
    return redirect("ips:person_detail", pk=person.pk)


@require_POST
@login_required
def person_reactivate(request, pk):
    person = get_for_user(request, User, write=True, pk=pk)
    staff.person_reactivate(person=person, by=request.user)
    messages.success(request, gettext("%s can sign in again.") % person)
    return redirect("ips:person_detail", pk=person.pk)


@login_required
def role_give(request, pk):
    person = get_for_user(request, User, pk=pk)  # a role here leaves their account and other roles as they are
    organisations = Organisation.objects.filter(pk__in=request.user.roles.admin_orgs)
    organisation = person.organisation if person.organisation in organisations else organisations.first()
    form = RoleForm(posted_data(request), user=request.user, organisation=organisation, person=person)
    if form.is_valid():
        staff.role_give(person=person, organisation=organisation, by=request.user, **form.cleaned_data)
        return redirect("ips:person_detail", pk=person.pk)
    title = gettext("Give %s a role") % person
    return render(request, "includes/form_page.html", {"form": form, "title": title})


def _membership_to_change(request, pk) -> Membership:
    membership = get_for_user(request, Membership.objects.select_related("user", "team"), write=True, pk=pk)
    if membership.role not in grantable_roles(request.user, membership.organisation_id):
        raise PermissionDenied
    return membership


@login_required
def role_end(request, pk):
    membership = _membership_to_change(request, pk)
    return admin_form_page(
        request,
        RoleEndForm(posted_data(request)),
        title=gettext("End the role %s") % membership,
        write=lambda data: staff.role_end(membership=membership, ended=data["ended"], by=request.user),
        done=reverse("ips:person_detail", kwargs={"pk": membership.user_id}),
        error_field="ended",
    )


@login_required
def fte_change(request, pk):
    membership = _membership_to_change(request, pk)
    if membership.role != Membership.Role.COACH:
        raise PermissionDenied
    return admin_form_page(
        request,
        FteChangeForm(posted_data(request), initial={"fte": membership.fte}),
        title=gettext("Change the FTE share of %s") % membership,
        write=lambda data: staff.fte_change(membership=membership, fte=data["fte"], on=data["on"], by=request.user),
        done=reverse("ips:person_detail", kwargs={"pk": membership.user_id}),
        error_field="on",
    )
