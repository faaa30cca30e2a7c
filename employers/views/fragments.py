"""Fragments the ips pages include by URL (hx-get, hx-trigger="load"); each is also a plain page without htmx.

ips sits below employers and cannot import it, so the Today page, the client page and the supervisor's view
compose these by URL name: employers:today_panel, employers:client_jobs, employers:team_contacts_week.
"""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.forms import QuickContactForm
from employers.models import WEEKLY_FACE_TO_FACE_TARGET, EmployerContact, FollowUp
from ips.access import can_edit, get_for_user, has_role, require_role
from ips.forms import posted_data
from ips.http import redirect_next, render_page_or_fragment
from ips.models import Client, Membership
from ips.params import query_date
from ips.periods import week_of

QUICK_PREFIX = "employer-contact"


@login_required
def today_panel(request):
    """The coach's week with employers: face-to-face contacts against six, minutes, quick entry.

    Follow-along contacts due are lines of My agenda (employers/agenda.py), which Today shows beside this panel.
    """
    user = request.user
    require_role(user, "coach", "supervisor")
    form = QuickContactForm(posted_data(request), user=user, prefix=QUICK_PREFIX)
    saved = False
    if request.method == "POST" and form.is_valid():
        form.save()
        saved = True
        if not request.htmx:
            messages.success(request, _("Employer contact saved."))
            return redirect_next(request, reverse("employers:today_panel"))
        # htmx gets the panel back with fresh counts and an empty form for the next contact.
        form = QuickContactForm(user=user, prefix=QUICK_PREFIX)
    today = timezone.localdate()
    monday, sunday = week_of(today)
    totals = EmployerContact.objects.filter(coach=user).between(monday, sunday).week_totals()
    context = {
        "form": form,
        "saved": saved,
        "totals": totals,
        "target": WEEKLY_FACE_TO_FACE_TARGET,
        "remaining": max(0, WEEKLY_FACE_TO_FACE_TARGET - totals["face_to_face"]),
        "week_start": monday,
        "week_end": sunday,
        "today": today,
    }
    response = render_page_or_fragment(request, "employers/today_panel.html", "panel", context)
    if saved:
        # The contact's minutes join Today's log; it may also have met a next step or a follow-up of My agenda.
        response["HX-Trigger"] = "polku:contact-saved, polku:agenda-changed"
    return response


@login_required
def client_jobs(request, uuid):
    """A client's jobs and follow-along contacts, for the client page."""
    client = get_for_user(request, Client, uuid=uuid)
    # The team's members of other professions see the client, not the coaches' employer work.
    require_role(request.user, "coach", "supervisor")
    today = timezone.localdate()
    jobs = list(client.jobs.select_related("employer").order_by("-start_date"))
    follow_ups = list(
        client.follow_ups.open()
        .with_state(today)
        .exclude(state=FollowUp.State.DONE)
        .select_related("job")
        .order_by("due_on")[:8]
    )
    # Closing the service cancelled the follow-ups still open then (employers.services.follow_ups_cancel_for_closure).
    cancelled_at_closure = (
        client.follow_ups.filter(cancel_reason=FollowUp.CancelReason.SERVICE_CLOSED).count() if client.is_closed else 0
    )
    context = {
        "client": client,
        "jobs": jobs,
        "follow_ups": follow_ups,
        "cancelled_at_closure": cancelled_at_closure,
        "can_write": can_edit(request.user, client) and has_role(request.user, "coach", "supervisor"),
        "today": today,
    }
    return render_page_or_fragment(request, "employers/client_jobs.html", "jobs", context)


@login_required
def team_contacts_week(request):
    """Each coach's employer contacts in a week, for the supervisor of their team (fidelity V6)."""
    require_role(request.user, "supervisor")
    teams = request.user.roles.supervisor_teams
    day = query_date(request, "week", timezone.localdate())
    monday, sunday = week_of(day)
    contacts = (
        EmployerContact.objects.filter(
            coach=OuterRef("user"), team=OuterRef("team"), date__gte=monday, date__lte=sunday
        )
        .order_by()
        .values("coach")
    )
    rows = list(
        Membership.objects.filter(team__in=teams, role=Membership.Role.COACH)
        .active(sunday)
        .select_related("user", "team")
        .annotate(
            face_to_face=Coalesce(Subquery(contacts.filter(face_to_face=True).annotate(n=Count("pk")).values("n")), 0),
            contacts=Coalesce(Subquery(contacts.annotate(n=Count("pk")).values("n")), 0),
            minutes=Coalesce(Subquery(contacts.annotate(m=Sum("minutes")).values("m")), 0),
        )
        .order_by("team__name", "user__first_name", "user__last_name")
    )
    context = {
        "rows": rows,
        "target": WEEKLY_FACE_TO_FACE_TARGET,
        "week_start": monday,
        "week_end": sunday,
        "previous_week": monday - datetime.timedelta(days=7),
        "next_week": monday + datetime.timedelta(days=7),
        "is_current_week": monday <= timezone.localdate() <= sunday,
    }
    return render_page_or_fragment(request, "employers/team_contacts_week.html", "week", context)
