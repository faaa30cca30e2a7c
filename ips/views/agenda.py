"""My agenda (a page, and a fragment on Today), the reminder settings and the private calendar feed."""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.views.decorators.http import require_GET
from icalendar import Calendar, Event

from ips import audit
from ips.access import require_role
from ips.agenda import AHEAD_DAYS, Kind, agenda
from ips.forms.clients import team_coaches
from ips.forms.reminders import ReminderForm
from ips.http import render_page_or_fragment
from ips.models import ReminderSettings
from ips.params import query_choice

# On Today the clients without contact have their own section (refreshed by each saved contact): not twice.
TODAY_PART = "today"


def _shown(request, items):
    audit.log_access_many(request, [item.client for item in items if item.client is not None])
    return items


@login_required
def agenda_page(request):
    """The coach's own agenda; a supervisor's shows each coach of their teams (themselves first when coaching)."""
    user = request.user
    require_role(user, "coach", "supervisor")
    roles = user.roles
    today = timezone.localdate()
    coaches = list(team_coaches(roles.supervisor_teams)) if roles.is_supervisor else []
    if roles.is_coach:
        coaches = [user, *(coach for coach in coaches if coach != user)]
    items = agenda(user, [coach.pk for coach in coaches], today)
    if request.htmx and query_choice(request, "part", [TODAY_PART]) == TODAY_PART:
        items = [item for item in items if item.coach_id == user.pk and item.kind != Kind.NO_CONTACT]
    _shown(request, items)
    by_coach = {coach.pk: {"coach": coach, "items": []} for coach in coaches}
    for item in items:
        by_coach[item.coach_id]["items"].append(item)
    context = {
        "today": today,
        "ahead_days": AHEAD_DAYS,
        "groups": list(by_coach.values()),
        "mine": by_coach.get(user.pk, {"items": []})["items"],
        "is_supervisor": roles.is_supervisor,
    }
    return render_page_or_fragment(request, "ips/agenda.html", "mine", context)


@login_required
def reminders(request):
    """Turn the calendar feed on, off or to a new address, and the daily digest on or off."""
    user = request.user
    require_role(user, "coach", "supervisor")
    reminder, _created = ReminderSettings.objects.get_or_create(user=user)
    form = ReminderForm(request.POST or None, instance=reminder)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, gettext("Reminder settings saved."))
        return redirect("ips:reminders")
    feed_url = reminder.feed_token and request.build_absolute_uri(
        reverse("ips:agenda_feed", args=[reminder.feed_token])
    )
    return render(request, "ips/reminders.html", {"form": form, "reminder": reminder, "feed_url": feed_url})


@require_GET
def agenda_feed(request, token):
    """The agenda as iCalendar for a calendar app: no sign-in, the secret token in the URL is the credential."""
    reminder = ReminderSettings.objects.select_related("user").filter(feed_token=token).first()
    user = reminder.user if reminder else None
    if user is None or not user.is_active or not (user.roles.is_coach or user.roles.is_supervisor):
        raise Http404
    today = timezone.localdate()
    with translation.override(user.language or settings.LANGUAGE_CODE):
        items = agenda(user, [user.pk], today)
        calendar = _calendar(request, items, today)
    audit.log_access_by(
        user, [item.client for item in items if item.client is not None], address=audit.remote_addr(request)
    )
    return HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")


def _calendar(request, items, today) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Polku//agenda//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", gettext("Polku agenda"))
    stamp = datetime.now(tz=timezone.get_current_timezone())
    for item in items:
        event = Event()
        # An overdue item sits on today, where the coach will see it, until it is done.
        day = max(item.due_on, today)
        summary = item.title if item.due_on >= today else gettext("Overdue: %(title)s") % {"title": item.title}
        event.add("uid", f"{item.key}@polku")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + timedelta(days=1))
        event.add("summary", summary)
        event.add("categories", [str(Kind(item.kind).label)])
        event.add("url", request.build_absolute_uri(item.url))
        calendar.add_component(event)
    return calendar
