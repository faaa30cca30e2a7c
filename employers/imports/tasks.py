"""Checking and committing an import in the task worker (the exports backend), with its progress on the run."""

import logging

from django.utils import translation
from django_tasks import task

from employers.imports import service
from employers.models import ImportRun

logger = logging.getLogger(__name__)


@task(backend="exports")
def check_import(run_id: int) -> None:
    run = ImportRun.objects.select_related("team__organisation", "created_by").get(pk=run_id)
    with translation.override(run.language):
        service.check(run)


@task(backend="exports")
def commit_import(run_id: int) -> None:
    run = ImportRun.objects.select_related("team__organisation", "created_by").get(pk=run_id)
    with translation.override(run.language):
        service.commit(run)
