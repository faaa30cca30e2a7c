"""The work-ability support team around the client: the asiakasvastaava and "my clients as asiakasvastaava"."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from ips import audit
from ips.access import get_for_user, require_role
from ips.forms import posted_data
from ips.forms.team import CoordinatorForm, NetworkMeetingForm, ServiceChangeForm
from ips.models import Client
from ips.models.team import Coordinator
from ips.support_services import coordinator_change, service_change


def client_for(request, uuid, *, write=False):
    """The client of a team page: fetched for the user (404 outside the client's team), the fetch access-logged."""
    return get_for_user(request, Client.objects.select_related("team", "coach"), write=write, uuid=uuid)


def back_to(client, section):
    return redirect(reverse("ips:client_detail", args=[client.uuid]) + f"#{section}")


def to_plan(client):
    return redirect(reverse("ips:plan_detail", args=[client.uuid]))


@login_required
def coordinator_edit(request, uuid):
    client = client_for(request, uuid, write=True)
    current = Coordinator.objects.filter(client=client, ended__isnull=True).first()
    form = CoordinatorForm(posted_data(request), client=client, current=current)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        coordinator_change(
            client=client,
            on=data["on"],
            by=request.user,
            user=data["user"],
            name=data["name"].strip(),
            organisation_name=data["organisation_name"].strip(),
            reason=data["reason"].strip(),
        )
        messages.success(request, gettext("The asiakasvastaava is recorded."))
        return back_to(client, "team")
    title = gettext("Change the asiakasvastaava") if current else gettext("Name the asiakasvastaava")
    back = reverse("ips:client_detail", args=[client.uuid])
    return render(request, "ips/client_form.html", {"form": form, "title": title, "client": client, "back": back})


@login_required
def my_coordinated(request):
    """The clients the user is asiakasvastaava of today, with the plan's next review."""
    require_role(request.user, "coach", "supervisor", "member")
    today = timezone.localdate()
    mine = Coordinator.objects.in_force(today).filter(user=request.user)
    clients = list(
        Client.objects.visible_to(request.user)
        .filter(pk__in=mine.values("client_id"))
        .with_plan_review()
        .select_related("coach", "team")
        .order_by("plan_review_on", "code")
    )
    audit.log_access_many(request, clients)
    return render(request, "ips/coordinated_clients.html", {"clients": clients, "today": today})


@login_required
def network_meeting_add(request, uuid):
    """Record a network meeting; outside parties need the client's valid consent on the day (the form says so)."""
    client = client_for(request, uuid, write=True)
    form = NetworkMeetingForm(posted_data(request), client=client)
    if request.method == "POST" and form.is_valid():
        meeting = form.save(commit=False)
        meeting.client, meeting.recorded_by = client, request.user
        meeting.save()
        form.save_m2m()
        messages.success(request, gettext("The network meeting is recorded."))
        return redirect(reverse("ips:plan_detail", args=[client.uuid]) + "#network")
    back = reverse("ips:client_detail", args=[client.uuid])
    context = {"form": form, "title": gettext("Record a network meeting"), "client": client, "back": back}
    return render(request, "ips/client_form.html", context)


@login_required
def service_edit(request, uuid):
    """The client's services as dated periods, and a change of service from a date."""
    client = client_for(request, uuid, write=True)
    form = ServiceChangeForm(posted_data(request), client=client)
    if request.method == "POST" and form.is_valid():
        service_change(client=client, services=form.services, on=form.cleaned_data["on"])
        messages.success(request, gettext("The service is recorded."))
        return back_to(client, "details")
    context = {"form": form, "client": client, "periods": list(client.service_periods.all())}
    return render(request, "ips/service_periods.html", context)
