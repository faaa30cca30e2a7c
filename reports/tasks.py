"""The funder workbook, built by a task worker so that a large export never freezes the page."""

import logging

from django.utils import timezone, translation
from django_tasks import task

from reports import workbook
from reports.metrics import Period
from reports.models import Export
from reports.scopes import choices_for

logger = logging.getLogger(__name__)


@task(backend="exports")
def build_export(export_id: str) -> None:
    export = Export.objects.select_related("requested_by").get(pk=export_id)
    rows = Export.objects.filter(pk=export.pk)
    rows.update(status=Export.Status.RUNNING, progress=1)
    try:
        with translation.override(export.language):
            # The scopes are checked again: a role taken away while the export waited takes the export with it.
            choice = {choice.value: choice for choice in choices_for(export.requested_by)}.get(export.scope)
            if choice is None:
                raise PermissionError(f"export {export.pk}: the scope is no longer the requester's")
            result = workbook.build(
                choice.scope,
                Period(export.start, export.end),
                suppressed=export.suppressed,
                progress=lambda percent: rows.update(progress=percent),
            )
            # Read once from the built file into the row: no second in-memory copy of a buffer.
            content = result.workbook.open().read()
    except Exception:
        logger.exception("export %s failed", export.pk)
        rows.update(status=Export.Status.FAILED, finished=timezone.now())
        return
    rows.update(
        status=Export.Status.DONE,
        progress=100,
        content=content,
        finished=timezone.now(),
    )
