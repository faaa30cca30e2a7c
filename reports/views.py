"""The outcome dashboard, and the funder workbook built in the background with its progress shown."""

from datetime import date

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ips import audit, xlsx
from ips.access import get_for_user
from ips.http import render_page_or_fragment
from ips.models import Client
from ips.params import query_text
from ips.periods import quarter_of
from reports import metrics, participants, workbook
from reports.forms import ReportForm, WorkbookForm
from reports.metrics import BENCHMARKS, GROW_BENCHMARK, Period
from reports.metrics.figures import figures_for
from reports.metrics.suppression import HIDDEN, Shown
from reports.models import Export
from reports.participants import participant_choices
from reports.scopes import choices_for, log_unsuppressed
from reports.tasks import build_export
from reports.workbook.definitions import chart_definitions
from reports.workbook.figures import quarter_rows

# The stored workbook is sent in pieces of this size.
DOWNLOAD_CHUNK = 64 * 1024


def _choices(request, data=None):
    """The scopes the user may report on; a scope that is not theirs is a 404, as if it did not exist."""
    choices = choices_for(request.user)
    if not choices:
        raise PermissionDenied
    asked = query_text(request, "scope") if data is None else data.get("scope")
    if asked and asked not in {choice.value for choice in choices}:
        raise Http404
    return choices


def presets(today: date | None = None) -> list[tuple[str, Period]]:
    """The current quarter, the four before it, this year and last year."""
    today = today or timezone.localdate()
    quarters = [quarter_of(today, back) for back in range(5)]
    result = [(quarter.label, quarter) for quarter in quarters]
    result.append((_("This year"), Period(date(today.year, 1, 1), date(today.year, 12, 31))))
    result.append((_("Last year"), Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))))
    return result


def _kind_name(row: dict) -> str:
    """The activity kind's name in the reader's language, from a .values() row."""
    language = (translation.get_language() or "fi")[:2]
    for code in (language, "fi", "en"):
        if row.get(f"kind__name_{code}"):
            return row[f"kind__name_{code}"]
    return row["kind__code"]


def _number(value):
    return float(value) if value is not None else None


def _percent(value):
    """A share as a chart's per cent, or None where it is missing or hidden."""
    return float(value * 100) if value is not None and value != HIDDEN else None


def _charts(shown, time, reviews) -> dict:
    """Chart data for static/js/reports.js, from the same suppressed cells as the tables and the workbook."""
    quarters = quarter_rows(shown)
    return {
        "employment": {
            "labels": [row[0] for row in quarters],
            "ips": [_percent(row[7]) for row in quarters],
            "grow": [_percent(row[10]) for row in quarters],
            "ipsLabel": _("Employment rate (IPS)"),
            "growLabel": _("Employment rate (IPS Grow)"),
            "benchmarks": [
                {"label": _("Minimum") + " 31 %", "value": float(BENCHMARKS["minimum"] * 100)},
                {"label": _("Average") + " 41 %", "value": float(BENCHMARKS["average"] * 100)},
                {"label": _("Excellent") + " 50 %", "value": float(BENCHMARKS["excellent"] * 100)},
                {"label": "IPS Grow 40 %", "value": float(GROW_BENCHMARK * 100)},
            ],
        },
        "hours": {
            "labels": [row["label"] for row in time["by_kind"]],
            "hours": [_number(row["hours"]) for row in time["by_kind"]],
            "label": _("Support hours"),
        },
        "fidelity": {
            "labels": [f"{review.team.name} {review.period_end:%m/%Y}" for review in reviews],
            "totals": [review.totals().total for review in reviews],
            "label": _("Fidelity total (25–125)"),
        },
    }


@login_required
def dashboard(request):
    choices = _choices(request)
    form = ReportForm(request.GET, choices=choices)
    roles = request.user.roles
    context = {"form": form, "choices": choices, "team_report": bool(roles.supervisor_teams or roles.admin_orgs)}
    if form.is_valid():
        choice, period = form.choice, form.period
        # The reader's dashboard shows the workbook's cells: the same figures, the same suppression.
        shown = Shown(figures_for(choice.scope, period), suppressed=True)
        figures = shown.figures.summary
        for row in figures["by_kind"]:
            row["label"] = _kind_name(row)
            row["hours"] = metrics.rounded(row["minutes_total"] / 60)
        context.update(
            choice=choice,
            period=period,
            figures=figures,
            shown=shown,
            hidden=HIDDEN,
            rows=workbook.summary_rows(shown),
            kykyviisari_areas=shown.kykyviisari_areas(),
            participants=workbook.participant_rows(shown),
            quarters=workbook.quarter_rows(shown),
            charts=_charts(shown, figures, figures["reviews"]),
            chart_definitions=chart_definitions(),
            participant_list=choice in participant_choices(request.user, choices),
            coaches=metrics.coach_rows(choice.scope, period) if choice.show_coaches else None,
            definitions=workbook.definitions(),
            presets=[
                (label, "?" + urlencode({"scope": choice.value, "start": p.start, "end": p.end}))
                for label, p in presets()
            ],
            query=urlencode({"scope": choice.value, "start": period.start, "end": period.end}),
            workbook_form=WorkbookForm(
                {"scope": choice.value, "start": period.start, "end": period.end, "suppress": "on"},
                choices=choices,
                user=request.user,
            ),
            exports=_exports(request, choices).current().defer("content", "client_ids")[:5],
            keep_hours=settings.EXPORT_KEEP_HOURS,
        )
    return render(request, "reports/dashboard.html", context)


@login_required
@require_POST
def export_start(request):
    """Queue the funder workbook for the chosen scope and period and show its progress."""
    choices = _choices(request, request.POST)
    form = WorkbookForm(request.POST, choices=choices, user=request.user)
    if not form.is_valid():
        return render(request, "reports/dashboard.html", {"form": form, "choices": choices}, status=400)
    Export.objects.expired().delete()
    choice, period = form.choice, form.period
    export = Export.objects.create(
        requested_by=request.user,
        scope=choice.value,
        scope_label=choice.label,
        start=period.start,
        end=period.end,
        suppressed=form.suppressed,
        language=translation.get_language() or "fi",
        filename=f"polku-{choice.value.split(':')[0]}-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx",
    )
    if not export.suppressed:
        log_unsuppressed(request.user, choice.scope, period, address=audit.remote_addr(request))
    build_export.enqueue(str(export.pk))
    return redirect("reports:export", pk=export.pk)


def _exports(request, choices=None):
    """The user's workbooks of scopes they may still report on: a reporter who has moved to another organisation
    no longer gets what they built for the old one (the scope is checked now, not when the file was built)."""
    choices = choices_for(request.user) if choices is None else choices
    return Export.objects.filter(scope__in=[choice.value for choice in choices])


@login_required
def export_detail(request, pk):
    """The workbook's progress, for its requester; the download link only while they may still report on its scope."""
    export = get_for_user(request, Export.objects.defer("content", "client_ids"), pk=pk)
    may_download = _exports(request).filter(pk=export.pk).exists()
    context = {"export": export, "may_download": may_download}
    return render_page_or_fragment(request, "reports/export_detail.html", "status", context)


@login_required
def export_download(request, pk):
    export = get_for_user(request, _exports(request), pk=pk, status=Export.Status.DONE)
    if export.is_expired:
        return render(request, "reports/export_detail.html", {"export": export, "may_download": False}, status=410)
    # Aggregates only: no client is named in the file. The file is streamed from the stored bytes, not copied.
    content = memoryview(export.content)
    chunks = (content[start : start + DOWNLOAD_CHUNK] for start in range(0, len(content), DOWNLOAD_CHUNK))
    response = StreamingHttpResponse(chunks, content_type=xlsx.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{export.filename}"'
    response["Content-Length"] = str(len(content))
    return response


@login_required
def participant_list(request):
    """The participant-level list of an organisation and period: only with the right of its own, access-logged."""
    choices = participant_choices(request.user)
    if not choices:
        raise PermissionDenied
    form = ReportForm(request.GET, choices=choices)
    if not form.is_valid():
        raise Http404
    period = form.period
    book, client_ids = participants.build(form.choice.scope, period)
    audit.log_access_many(request, Client.objects.filter(pk__in=client_ids).only("pk", "code", "uuid"))
    return xlsx.response(book, f"polku-participants-{period.start:%Y%m%d}-{period.end:%Y%m%d}.xlsx")
