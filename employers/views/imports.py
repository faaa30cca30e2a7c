"""Bringing a team's own tracker into Polku: upload, map, check, commit (in the task worker), undo, templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employers.imports import reading, service, template_book
from employers.imports.forms import ImportMappingForm, ImportUploadForm
from employers.imports.tasks import check_import, commit_import
from employers.models import ImportKind, ImportRun
from ips import xlsx
from ips.access import get_for_user
from ips.forms.general import posted_data
from ips.http import render_page_or_fragment
from ips.params import query_choice

LANGUAGES = ["fi", "sv", "en"]


def _require_importer(user) -> None:
    """Supervisors import into their teams, organisation admins into their organisation's teams."""
    roles = user.roles
    if not (roles.supervisor_teams or roles.admin_orgs):
        raise PermissionDenied


def _run(request, uuid) -> ImportRun:
    _require_importer(request.user)
    queryset = ImportRun.objects.select_related("team__organisation", "created_by").defer("content")
    return get_for_user(request, queryset, uuid=uuid)


@login_required
def import_list(request):
    _require_importer(request.user)
    form = ImportUploadForm(posted_data(request), request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            run = service.upload(
                user=request.user,
                team=form.cleaned_data["team"],
                kind=form.cleaned_data["kind"],
                filename=upload.name,
                content=upload.read(),
                language=translation.get_language() or "fi",
            )
        except reading.ReadError as error:
            form.add_error("file", str(error))
        else:
            return redirect("employers:import_detail", uuid=run.uuid)
    runs = (
        ImportRun.objects.visible_to(request.user)
        .select_related("team", "created_by")
        .defer("content", "problems", "mapping", "headers", "unmatched")[:20]
    )
    context = {"form": form, "runs": runs, "kinds": ImportKind.choices, "languages": LANGUAGES}
    return render(request, "employers/import_list.html", context)


@login_required
def import_template(request, kind):
    _require_importer(request.user)
    if kind not in ImportKind.values:
        raise Http404
    language = query_choice(request, "language", LANGUAGES, default=(translation.get_language() or "fi")[:2])
    content = template_book.build(kind, language)
    response = HttpResponse(content, content_type=xlsx.XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="polku-{kind}-{language}.xlsx"'
    return response


def _detail_context(run, form=None):
    return {
        "run": run,
        "form": form if form is not None else (ImportMappingForm(run=run) if run.is_open else None),
        "earlier": service.earlier_import(run),
        "problems": run.problems,
        "problems_cut": len(run.problems) >= service.PROBLEMS_SHOWN,
    }


def _queued(run, task):
    """The check or the commit runs in the task worker; the run's page polls its progress."""
    task.enqueue(run.pk)
    return redirect("employers:import_detail", uuid=run.uuid)


@login_required
def import_detail(request, uuid):
    """The run's page: the mapping, the check's progress and its problems, the buttons to import or cancel."""
    run = _run(request, uuid)
    if request.htmx and not run.is_pending:
        # The check or commit finished: the whole page changes (the mapping's unmatched values, the buttons).
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"
        return response
    return render_page_or_fragment(request, "employers/import_detail.html", "status", _detail_context(run))


@login_required
@require_POST
def import_map(request, uuid):
    """Save the mapping and check every row in the task worker."""
    run = _run(request, uuid)
    if not run.is_open or run.is_pending:
        return redirect("employers:import_detail", uuid=run.uuid)
    form = ImportMappingForm(request.POST, run=run)
    if not form.is_valid():
        return render(request, "employers/import_detail.html", _detail_context(run, form), status=200)
    mapping = form.mapping()
    service.save_mapping(run, columns=mapping["columns"], values=mapping["values"], key=mapping["key"])
    return _queued(run, check_import)


@login_required
@require_POST
def import_commit(request, uuid):
    run = _run(request, uuid)
    if run.status != ImportRun.Status.CHECKED:
        return redirect("employers:import_detail", uuid=run.uuid)
    service.commit_start(run, skip_errors="skip_errors" in request.POST)
    return _queued(run, commit_import)


@login_required
@require_POST
def import_cancel(request, uuid):
    run = _run(request, uuid)
    if run.is_open:
        service.cancel(run)
        messages.success(request, _("The import was cancelled. Nothing was written."))
    return redirect("employers:import_list")


@login_required
@require_POST
def import_undo(request, uuid):
    run = _run(request, uuid)
    try:
        removed = service.undo(run)
    except service.CommitRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The import was undone: %(count)d rows were removed.") % {"count": removed})
    return redirect("employers:import_detail", uuid=run.uuid)


@login_required
def import_errors(request, uuid):
    """The uploaded file with a column of each row's errors, while the run still holds the file."""
    run = _run(request, uuid)
    run.content = ImportRun.objects.values_list("content", flat=True).get(pk=run.pk)
    if run.content is None or run.status != ImportRun.Status.CHECKED:
        raise Http404
    content, filename, content_type = service.error_file(run)
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
