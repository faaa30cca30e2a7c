"""The week grid: a coach enters or corrects a week's minutes as activities and settings by day."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from ips.access import require_role
from ips.forms.week_grid import BLANK_ROWS, MAX_ROWS, WeekGridForm
from ips.models import ActivityKind, Setting
from ips.params import query_choice, query_date
from ips.services import time_entry_grid_save
from ips.week_sheet import WeekSheet, last_week_keys

COPY_ROWS = "rows"


def _kinds(keys) -> list[ActivityKind]:
    """The activities a row may choose: those in use, and those of rows already on the page (even if retired)."""
    used = {kind_id for kind_id, _setting in keys}
    return list(ActivityKind.objects.filter(Q(active=True) | Q(pk__in=used)).order_by("order", "code"))


def unbound_grid_form(coach, day, today, *, copy_rows=False) -> WeekGridForm:
    """The week's rows, then (when asked) last week's activities and settings not yet in it with empty minutes,
    then blank rows."""
    sheet = WeekSheet.load(coach, day)
    copied = last_week_keys(coach, day) if copy_rows else []
    keys = [*sheet.grid, *(key for key in copied if key not in sheet.grid)]
    kinds = _kinds(keys)
    by_pk = {kind.pk: kind for kind in kinds}
    rows = [(key[0], key[1], minutes) for key, minutes in sheet.rows(by_pk)]
    rows += [(kind_id, setting, [0] * 7) for kind_id, setting in copied if (kind_id, setting) not in sheet.grid]
    rows += [(None, Setting.OFFICE, [0] * 7)] * BLANK_ROWS
    return WeekGridForm(sheet=sheet, kinds=kinds, today=today, rows=rows[:MAX_ROWS])


@login_required
def week_grid(request):
    user = request.user
    require_role(user, "coach")
    today = timezone.localdate()
    day = query_date(request, "on", today)
    if request.method == "POST":
        with transaction.atomic():
            sheet = WeekSheet.load(user, day, lock=True)
            form = WeekGridForm(request.POST, sheet=sheet, kinds=_kinds(sheet.grid), today=today)
            if form.is_valid() and form.is_stale():
                form = form.refused_as_stale()
            elif form.is_valid():
                # Entries without a client belong to the coach's (first) team, as on Today.
                team_id = min(user.roles.coach_teams)
                time_entry_grid_save(coach=user, team_id=team_id, sheet=sheet, wanted=form.wanted())
                messages.success(request, gettext("The week is saved."))
                return redirect(f"{reverse('ips:week')}?on={sheet.days[0].isoformat()}")
    else:
        copy_rows = query_choice(request, "copy", [COPY_ROWS]) == COPY_ROWS
        form = unbound_grid_form(user, day, today, copy_rows=copy_rows)
        sheet = form.sheet
    days = sheet.days
    return render(
        request,
        "ips/week_grid.html",
        {
            "form": form,
            "days": days,
            "others": sheet.others,
            "day_totals": [sheet.others[j] + sum(row[j] for row in sheet.grid.values()) for j in range(7)],
            "has_others": any(sheet.others),
            "previous": days[0] - timedelta(days=7),
            "following": days[0] + timedelta(days=7),
            "copy_rows": COPY_ROWS,
        },
    )
