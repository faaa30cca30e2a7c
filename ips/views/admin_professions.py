"""An organisation's own professions: the shared list ships with Polku, an organisation adds, renames and takes
out of use its own (issue 15: "an organisation can add its own")."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext

from ips.access import get_for_user
from ips.forms.admin import ProfessionForm
from ips.forms.general import posted_data
from ips.models import Profession
from ips.views.admin_people import admin_form_page, admin_organisations


@login_required
def profession_list(request):
    organisations = admin_organisations(request.user)
    professions = list(
        Profession.objects.filter(Q(organisation__isnull=True) | Q(organisation__in=organisations))
        .select_related("organisation")
        .order_by("organisation__name", "-active", "order", "name_fi")
    )
    context = {
        "shared": [profession for profession in professions if profession.organisation_id is None],
        "own": [profession for profession in professions if profession.organisation_id is not None],
        "several": len(organisations) > 1,
    }
    return render(request, "ips/admin/profession_list.html", context)


@login_required
def profession_create(request):
    form = ProfessionForm(posted_data(request), organisations=admin_organisations(request.user))
    if form.is_valid():
        profession = form.save()
        messages.success(request, gettext("Profession %s added.") % profession.name)
        return redirect("ips:profession_list")
    return render(request, "includes/form_page.html", {"form": form, "title": gettext("New profession")})


@login_required
def profession_edit(request, pk):
    profession = get_for_user(request, Profession, write=True, pk=pk)
    form = ProfessionForm(posted_data(request), instance=profession, organisations=request.user.roles.admin_orgs)
    return admin_form_page(
        request,
        form,
        title=gettext("Edit profession %s") % profession.name,
        write=lambda _data: form.save(),
        done=reverse("ips:profession_list"),
        success=gettext("Saved."),
    )
