"""The coach's daily log: Today (quick add, edit and delete in place) and the week's timesheet."""

import uuid
from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from ips import audit
from ips.access import get_for_user, require_role
from ips.forms.clients import team_coaches
from ips.forms.entries import TimeEntryForm
from ips.http import redirect_next, render_page_or_fragment, safe_next
from ips.models import Client, Setting, Team, TimeEntry
from ips.models.clients import overdue_q, overdue_since
from ips.models.plan import plan_review_due_q, review_due_by
from ips.params import query_date, query_text
from ips.periods import week_days
from ips.services import time_entry_find_submitted, time_entry_record
from ips.submissions import submission_exempt
from ips.work_time import work_week, work_weeks

AGENDA_CHANGED = "polku:agenda-changed"
WORKDAY_MINUTES = 7 * 60 + 39  # the Finnish municipal full day (7 h 39 min): the scale of the day bars
# What Today shows of a client in its lists (short_label, the link) and the access log reads: not the ESF+ record.
LABEL_COLUMNS = ("uuid", "code", "first_name", "last_name", "anonymised_on")
# What a row of today's list shows (and its access-log row names); the kind comes whole, it is a short row.
ENTRY_COLUMNS = ("uuid", "date", "minutes", "kind", "setting", "client", "note")


def _entry_team(user, client) -> int:
    """The team an entry belongs to: the client's team when the author works there, else the author's (first) team
    of the client's organisation. Coaches and team members of other professions log alike."""
    roles = user.roles
    teams = roles.log_teams
    if client is not None and client.team_id in teams:
        return client.team_id
    if client is not None:  # the form offers only clients of an organisation where the coach has a team
        teams = roles.teams_in(client.organisation_id, teams)
    return min(teams)


def _focus(form):
    """Mark the minutes field for polku.js to focus after an htmx swap (never on a full page load)."""
    form.fields["minutes"].widget.attrs["data-autofocus"] = ""
    return form


def _new_form(user, *, last=None):
    """A fresh add form: today's date, the last entry's kind, setting and minutes, a new submission id.

    Never the last entry's client: an entry about no one would otherwise be saved on whoever came before.
    """
    initial = {"date": timezone.localdate(), "submission_id": uuid.uuid4(), "minutes": 30, "setting": Setting.OFFICE}
    if last is not None:
        initial.update(kind=last.kind_id, setting=last.setting, minutes=last.minutes)
    else:
        newest = TimeEntry.objects.of_coach(user).order_by("-created").values("kind", "setting", "minutes").first()
        initial.update(newest or {})
    return TimeEntryForm(user=user, initial=initial, auto_id="add_%s")


def _week_context(user, today) -> dict:
    """This week's work time, by kind and by day, with the week's employer contacts, for the week section of Today.

    Two queries (ips/work_time.py): the entries by day and kind, and the employer contacts.
    """
    week = work_week(user, user, today)
    return {
        "week": week,
        "week_totals": {"total": week.total, "community": week.community},
        "community_share": week.community_share,
        "by_kind": [{"kind": row.kind, "minutes": row.total} for row in week.by_kind],
        "contact_minutes": week.contact_minutes,
        "days": [{"date": d, "minutes": minutes} for d, minutes in zip(week.days, week.day_totals, strict=True)],
        "workday_minutes": WORKDAY_MINUTES,
        "day_entries": week.entry_counts,
        "today_contacts": [contact for contact in week.contacts if contact["date"] == today],
    }


def _overdue(user, today) -> list[Client]:
    overdue = list(
        Client.objects.visible_to(user)
        .of_coach(user)
        .with_last_contact()
        .overdue(today)
        .order_by("contact_reference")
        .only(*LABEL_COLUMNS)
    )
    for client in overdue:
        client.days_without_contact = (today - client.contact_reference).days
    return overdue


def _overdue_and_plan_reviews(user, today):
    """The coach's clients without contact for two weeks and the plans whose review is due (the user's as coach or
    asiakasvastaava), in one query: Today's query count stays as it was before plan reviews joined it.

    Which list a row belongs on is read from the coach and the two dates it carries, by the bounds of the filter's
    own rules (overdue_since, review_due_by): as annotations the two conditions repeated the contact and coordinator
    subqueries in the SELECT list, which Django compiled twice over on every Today.
    """
    rows = list(
        Client.objects.visible_to(user)
        .active()
        .with_contact_reference()
        .with_plan_review()
        .filter((Q(coach=user) & overdue_q(today)) | plan_review_due_q(user, today))
        .only("coach", *LABEL_COLUMNS)
    )
    since, due_by = overdue_since(today), review_due_by(today)
    overdue = sorted(
        (client for client in rows if client.coach_id == user.pk and client.contact_reference <= since),
        key=lambda c: (c.contact_reference, c.pk),
    )
    for client in overdue:
        client.days_without_contact = (today - client.contact_reference).days
    reviews = sorted(
        (client for client in rows if client.plan_review_on is not None and client.plan_review_on <= due_by),
        key=lambda c: (c.plan_review_on, c.code),
    )
    return overdue, reviews


def _today_context(request, form):
    user = request.user
    today = timezone.localdate()
    entries = list(
        TimeEntry.objects.of_coach(user)
        .filter(date=today)
        .select_related("kind", "client")
        .only(*ENTRY_COLUMNS, "client__team", *(f"client__{column}" for column in LABEL_COLUMNS))
    )
    overdue, plan_reviews = _overdue_and_plan_reviews(user, today)
    audit.log_access_many(request, [*overdue, *plan_reviews, *_about_clients(entries)])
    week = _week_context(user, today)
    return {
        "plan_reviews": plan_reviews,
        "is_coach": user.roles.is_coach,
        "form": form,
        "today": today,
        "entries": entries,
        "today_minutes": next(day["minutes"] for day in week["days"] if day["date"] == today),
        **week,
        "overdue": overdue,
    }


def _about_clients(entries):
    """The entries that name a client: showing them is logged as access to that client."""
    return [entry for entry in entries if entry.client_id]


def _render_log(request, form, *, saved=None):
    """The whole Today page, or just its log section for htmx."""
    if request.htmx:
        return render(request, "ips/today.html#log", {**_today_context(request, _focus(form)), "saved": saved})
    return render(request, "ips/today.html", _today_context(request, form))


def _render_added(request, entry):
    """htmx answer to a quick add: a fresh form, and out of band only the parts of Today the entry changed.

    Its row joins today's list (the whole list when it is the day's first, replacing the "nothing logged" line)
    with the day's total; the week section when the date is in this week; the clients without contact only when
    the entry is a contact with one of the coach's own clients, the one way an entry can take someone off it.
    """
    user = request.user
    today = timezone.localdate()
    context = {"form": _focus(_new_form(user, last=entry)), "saved": entry, "today": today, "oob": True}
    shown = []
    if entry.date >= week_days(today)[0]:
        context.update(_week_context(user, today))
    if entry.date == today:
        # Today's total and whether this is the day's first entry come from the week's rows (no query of their own).
        first = context["day_entries"].get(today) == 1 and not context["today_contacts"]
        today_minutes = next(day["minutes"] for day in context["days"] if day["date"] == today)
        context.update(entry=entry, today_minutes=today_minutes, entries=[entry] if first else [])
        shown = _about_clients([entry])
    if entry.client_id and entry.client.coach_id == user.pk and entry.kind.is_client_contact:
        context["overdue"] = _overdue(user, today)
        shown = [*context["overdue"], *shown]
    audit.log_access_many(request, shown)
    return render(request, "ips/today.html#added", context)


@login_required
def today(request):
    roles = request.user.roles
    if not roles.log_teams:
        if roles.is_supervisor:
            return redirect("ips:week")
        raise PermissionDenied
    return _render_log(request, _new_form(request.user))


def _submitted_id(request):
    try:
        return uuid.UUID(request.POST.get("submission_id", ""))
    except ValueError:
        return None


# The quick add keeps its own one-time record: the submission id is stored on the entry it creates, and a repeat
# re-renders the whole log (_after_repeat) rather than the middleware's generic answer.
@submission_exempt
@login_required
@require_POST
def entry_create(request):
    user = request.user
    require_role(user, "coach", "member")
    submission_id = _submitted_id(request)
    existing = time_entry_find_submitted(coach=user, submission_id=submission_id)
    if existing is not None:
        return _after_repeat(request, existing)
    form = TimeEntryForm(request.POST, user=user, auto_id="add_%s")
    if not form.is_valid():
        if request.htmx:
            # Only the form comes back, with each message next to its field; nothing else on Today changed.
            return render(request, "ips/today.html#add", {"form": _focus(form)})
        return _render_log(request, form)
    form.instance.submission_id = submission_id or uuid.uuid4()
    entry = time_entry_record(form=form, coach=user, team_id=_entry_team(user, form.cleaned_data["client"]))
    if entry is not form.instance:
        return _after_repeat(request, entry)  # a concurrent double tap saved it first
    if request.htmx:
        response = _render_added(request, entry)
        response["HX-Trigger"] = AGENDA_CHANGED  # the entry may have met a follow-up: My agenda reloads
        return response
    return _after_save(request, entry)


def _after_repeat(request, entry):
    """A double tap: the first POST saved the entry, this one only shows the result again.

    For htmx that is the whole log, not an added row: the page may already show the entry from the first answer.
    """
    if not request.htmx:
        return _after_save(request, entry)
    response = _render_log(request, _new_form(request.user, last=entry), saved=entry)
    response["HX-Retarget"] = "#today-log"
    return response


def _after_save(request, entry):
    if request.htmx:
        return _render_log(request, _new_form(request.user, last=entry), saved=entry)
    messages.success(request, gettext("Saved."))
    return redirect_next(request, reverse("ips:today"))


def _entry_for_write(request, uuid):
    return get_for_user(request, TimeEntry.objects.select_related("kind", "client"), write=True, uuid=uuid)


@login_required
def entry_edit(request, uuid):
    entry = _entry_for_write(request, uuid)
    prefix = f"e{entry.pk}_%s"
    if request.method == "POST":
        form = TimeEntryForm(request.POST, instance=entry, user=request.user, auto_id=prefix)
        if form.is_valid():
            entry = form.save()
            return _after_save(request, entry)
        if request.htmx:
            _focus(form)
            response = render(request, "ips/entry_edit.html#edit-form", {"form": form, "entry": entry})
            response["HX-Retarget"] = f"#entry-{entry.uuid}"
            response["HX-Reswap"] = "outerHTML"
            return response
    else:
        form = _focus(TimeEntryForm(instance=entry, user=request.user, auto_id=prefix))
    context = {"form": form, "entry": entry, "next": safe_next(request, None)}
    return render_page_or_fragment(request, "ips/entry_edit.html", "edit-form", context)


@login_required
def entry_delete(request, uuid):
    entry = _entry_for_write(request, uuid)
    if request.method == "POST":
        entry.delete()
        if request.htmx:
            return _render_log(request, _new_form(request.user))
        messages.success(request, gettext("Entry deleted."))
        return redirect_next(request, reverse("ips:today"))
    return render(request, "ips/entry_delete.html", {"entry": entry, "next": safe_next(request, None)})


@login_required
def week(request):
    """A coach's timesheet for one week; a supervisor picks any coach of their teams and sees the team's totals."""
    user = request.user
    require_role(user, "coach", "supervisor")
    roles = user.roles
    days = week_days(query_date(request, "on", timezone.localdate()))
    coaches = list(team_coaches(roles.supervisor_teams)) if roles.is_supervisor else []
    if roles.is_coach and user not in coaches:
        coaches.insert(0, user)
    wanted = query_text(request, "coach")
    if wanted:
        coach = next((c for c in coaches if c.username == wanted), None)
        if coach is None:
            raise Http404
    else:
        coach = user if roles.is_coach else (coaches[0] if coaches else None)

    # Every coach shown, the timesheet's and the team's, in one read of the week's work time (two queries).
    shown = [*coaches, *([coach] if coach is not None and coach not in coaches else [])]
    weeks = work_weeks(user, shown, days[0])
    sheet = weeks[coach.pk] if coach is not None else None
    grid, entries, totals = [], [], None
    if sheet is not None:
        grid = [{"kind": row.kind, "cells": row.cells, "total": row.total} for row in sheet.by_kind]
        totals = {"total": sheet.total, "employment": sheet.employment, "days": sheet.day_totals}
        entries = list(
            TimeEntry.objects.visible_to(user)
            .of_coach(coach)
            .between(days[0], days[-1])
            .select_related("kind", "client")
            .order_by("date", "created")
        )
        audit.log_access_many(request, _about_clients(entries))
    team_rows = []
    if roles.is_supervisor:
        for person in coaches:
            of_person = weeks[person.pk]
            team_rows.append(
                {
                    "coach": person,
                    "cells": of_person.day_totals,
                    "total": of_person.total,
                    "community_share": of_person.community_share,
                }
            )
    previous, following = days[0] - timedelta(days=7), days[0] + timedelta(days=7)
    return render(
        request,
        "ips/week.html",
        {
            "days": days,
            "coach": coach,
            "coaches": coaches,
            "grid": grid,
            "entries": entries,
            "totals": totals,
            "sheet": sheet,
            "community_share": sheet.community_share if sheet is not None else None,
            "team_rows": team_rows,
            "teams": Team.objects.filter(pk__in=roles.supervisor_teams) if roles.is_supervisor else [],
            "previous": previous,
            "following": following,
            "is_current_week": days[0] <= timezone.localdate() <= days[-1],
            "can_edit": coach == user,
        },
    )
