"""The report "hand-overs by destination" for a team or organisation and a period (its own page beside the
dashboard). Whoever may see a team's or organisation's report figures sees it; a coach's own scope has none."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.http import urlencode

from ips.params import query_text
from reports.forms import ReportForm
from reports.hand_overs import hand_over_report
from reports.scopes import choices_for


def _team_choices(request):
    """The team and organisation scopes the user may report on; a scope that is not theirs is a 404."""
    choices = [choice for choice in choices_for(request.user) if choice.scope.kind != "coach"]
    if not choices:
        raise PermissionDenied
    asked = query_text(request, "scope")
    if asked and asked not in {choice.value for choice in choices}:
        raise Http404
    return choices


@login_required
def hand_overs(request):
    choices = _team_choices(request)
    form = ReportForm(request.GET, choices=choices)
    context = {"form": form}
    if form.is_valid():
        choice, period = form.choice, form.period
        context.update(
            choice=choice,
            period=period,
            rows=hand_over_report(choice.scope, period, suppressed=True),
            dashboard_query=urlencode({"scope": choice.value, "start": period.start, "end": period.end}),
        )
    return render(request, "reports/hand_overs.html", context)
