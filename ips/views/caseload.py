"""The caseload: my clients or my team's, filtered with htmx, exportable by a supervisor."""

from django.contrib.auth.decorators import login_required
from django.utils import timezone
from django.utils.translation import gettext

from ips import audit, xlsx
from ips.access import require_role
from ips.filters import CaseloadFilter
from ips.http import render_page_or_fragment
from ips.models import Client
from ips.params import configure_table
from ips.tables import CaseloadTable

PER_PAGE = 25
# What a row of the page shows (ips/caseload.html#rows) and the access log reads: a client row has some sixty
# columns (the ESF+ record), and loading all of them, with the coach's, was a tenth of the page's time.
ROW_COLUMNS = (
    "uuid",
    "code",
    "first_name",
    "last_name",
    "anonymised_on",
    "stage",
    "stage_since",
    "next_step",
    "coach__first_name",
    "coach__last_name",
    "coach__username",
)


def _filtered(request):
    require_role(request.user, "coach", "supervisor", "member")
    queryset = (
        Client.objects.visible_to(request.user)
        .with_last_contact()
        .with_current_job()
        .with_coordinator()
        .select_related("coach")
    )
    return CaseloadFilter(request.GET, queryset=queryset, request=request)


@login_required
def caseload(request):
    caseload_filter = _filtered(request)
    table = CaseloadTable(caseload_filter.qs.only(*ROW_COLUMNS))
    configure_table(request, table, per_page=PER_PAGE)
    clients = list(table.page.object_list.data)
    audit.log_access_many(request, clients)
    context = {
        "filter": caseload_filter,
        "table": table,
        "clients": clients,
        "can_export": request.user.roles.is_supervisor,
    }
    return render_page_or_fragment(request, "ips/caseload.html", "results", context)


@login_required
def caseload_export(request):
    """The team's working list as Excel, for supervisors: names and codes, no free text."""
    require_role(request.user, "supervisor")
    caseload_filter = _filtered(request)
    clients = list(caseload_filter.qs.select_related("referral__source").order_by("code"))
    audit.log_access_many(request, clients)
    today = timezone.localdate()
    columns = [
        xlsx.Column(gettext("Code"), 12),
        xlsx.Column(gettext("Last name"), 18),
        xlsx.Column(gettext("First name"), 16),
        xlsx.Column(gettext("Stage"), 22),
        xlsx.Column(gettext("Days in stage"), 10, "0"),
        xlsx.Column(gettext("Current job"), 24),
        xlsx.Column(gettext("Coach"), 20),
        xlsx.Column(gettext("Last contact"), 12),
        xlsx.Column(gettext("Programme entry"), 12),
        xlsx.Column(gettext("Referral source"), 24),
    ]
    rows = (
        (
            c.code,
            c.last_name,
            c.first_name,
            c.get_stage_display(),
            (today - c.stage_since).days,
            c.current_job or "",
            str(c.coach) if c.coach else "",
            c.last_contact,
            c.programme_entry,
            c.referral.source.name if getattr(c, "referral", None) else "",
        )
        for c in clients
    )
    workbook = xlsx.new_workbook()
    xlsx.add_sheet(workbook, gettext("Caseload"), columns, rows)
    return xlsx.response(workbook, f"caseload-{today.isoformat()}.xlsx")
