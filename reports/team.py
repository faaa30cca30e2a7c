"""The team report: clients by service, plans with overdue follow-ups and network meetings held, for one team.

For the people who run the team: its supervisors and its organisation's admins (ips.access.manages_team). These
are figures for managing the team's own work, not for a funder, so they are not suppressed; the overdue plans are
listed by pseudonym code, never by name, and every client listed is access-logged. A team the user does not
manage is a 404, as if it did not exist.
"""

from datetime import date
from types import SimpleNamespace

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Exists, F, Min, OuterRef, Q
from django.db.models.functions import TruncMonth
from django.shortcuts import render
from django.utils import timezone

from ips import audit
from ips.access import get_for_user
from ips.i18n import translated
from ips.models import OPEN_ACTION_STATUSES, Client, NetworkMeeting, ServicePeriod, ServiceType, Team
from ips.models.people import TeamQuerySet
from ips.params import query_uuid
from ips.periods import Period, quarter_of
from reports.forms import PeriodForm


class ManagedTeamQuerySet(TeamQuerySet):
    """Teams whose report the user may read, for ips.access.get_for_user: the teams they manage."""

    def visible_to(self, user):
        return self.managed_by(user)


def clients_by_service(team: Team, period: Period) -> dict:
    """Clients the team served in the period, by the services their dated service periods give in it: one query.
    A client in both services in the period counts in each, and once under "both"."""
    in_service = {
        service: Exists(
            ServicePeriod.objects.filter(client=OuterRef("pk"), service=service).overlapping(period.start, period.end)
        )
        for service in ServiceType.values
    }
    counts = (
        Client.objects.served_by([team.pk], period.start, period.end)
        .order_by()
        .annotate(**{f"in_{service}": condition for service, condition in in_service.items()})
        .aggregate(
            total=Count("pk"),
            both=Count("pk", filter=Q(**{f"in_{service}": True for service in ServiceType.values})),
            **{service: Count("pk", filter=Q(**{f"in_{service}": True})) for service in ServiceType.values},
        )
    )
    rows = [{"service": service, "label": label, "clients": counts[service]} for service, label in ServiceType.choices]
    return {"rows": rows, "both": counts["both"], "total": counts["total"]}


def overdue_plans(team: Team, today: date) -> list[Client]:
    """The team's open clients today whose plan has an action past its target date and not done, or whose plan is
    past its next review date: one query, each with overdue_actions, first_overdue and review_on."""
    overdue = Q(plan_actions__status__in=OPEN_ACTION_STATUSES, plan_actions__target_date__lt=today)
    return list(
        Client.objects.served_by([team.pk], today, today)
        .active()
        .annotate(
            overdue_actions=Count("plan_actions", filter=overdue),
            first_overdue=Min("plan_actions__target_date", filter=overdue),
            review_on=F("support_plan__next_review_on"),
        )
        .filter(Q(overdue_actions__gt=0) | Q(review_on__lt=today))
        .select_related("coach")
        .only("pk", "uuid", "code", "team_id", "coach__first_name", "coach__last_name", "coach__username")
        .order_by(F("first_overdue").asc(nulls_last=True), F("review_on").asc(nulls_last=True), "code")
    )


def network_meetings(team: Team, period: Period) -> dict:
    """Network meetings held in the period with the team's clients, by month, and by the outside parties named
    (a meeting naming two parties counts under each; "team only" names none): two queries."""
    meetings = NetworkMeeting.objects.filter(
        client__in=Client.objects.served_by([team.pk], period.start, period.end).values("pk"),
        held_on__range=(period.start, period.end),
    ).annotate(month=TruncMonth("held_on"))
    totals = dict(meetings.order_by().values_list("month").annotate(count=Count("pk", distinct=True)))
    by_party = (
        meetings.order_by()
        .values("month", "parties__code", "parties__order", "parties__name_fi", "parties__name_sv", "parties__name_en")
        .annotate(count=Count("pk", distinct=True))
    )
    columns, cells = {}, {}
    for row in by_party:
        code = row["parties__code"] or ""
        if code:
            names = SimpleNamespace(**{f"name_{lang}": row[f"parties__name_{lang}"] for lang in ("fi", "sv", "en")})
            columns[code] = (row["parties__order"], translated(names, "name"))
        cells[(row["month"], code)] = row["count"]
    codes = sorted(columns, key=lambda code: (columns[code][0], code))
    rows = [
        {"month": month, "total": totals[month], "cells": [cells.get((month, code), 0) for code in [*codes, ""]]}
        for month in sorted(totals)
    ]
    return {
        "columns": [columns[code][1] for code in codes],
        "rows": rows,
        "total": sum(totals.values()),
        "column_totals": [sum(row["cells"][index] for row in rows) for index in range(len(codes) + 1)],
    }


@login_required
def team_report(request):
    teams = ManagedTeamQuerySet(Team).select_related("organisation").order_by("organisation__name", "name")
    asked = query_uuid(request, "team")
    if asked is not None:
        team = get_for_user(request, teams, uuid=asked)
        choices = list(teams.visible_to(request.user))
    else:
        choices = list(teams.visible_to(request.user))
        if not choices:
            raise PermissionDenied
        team = next((choice for choice in choices if choice.closed_on is None), choices[0])
    today = timezone.localdate()
    # A period the form refuses is said next to its field; the report meanwhile shows the current quarter.
    quarter = quarter_of(today)
    form = PeriodForm(request.GET, default=quarter, auto_id="team-report-%s")
    period = form.period if form.is_valid() else quarter
    plans = overdue_plans(team, today)
    audit.log_access_many(request, plans)
    context = {
        "team": team,
        "teams": choices,
        "form": form,
        "period": period,
        "today": today,
        "services": clients_by_service(team, period),
        "plans": plans,
        "may_open_plans": team.pk in request.user.roles.client_team_ids,
        "meetings": network_meetings(team, period),
    }
    return render(request, "reports/team_report.html", context)
