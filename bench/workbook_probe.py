"""One funder workbook in a fresh process: wall time and peak memory (bench/peak_rss.py, measured around the build
and the save, above the resident set with Django loaded and the database connected), printed as JSON for
bench/measure.py.
"""

import json
import os
import sys
from datetime import timedelta
from io import BytesIO

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.utils import timezone, translation  # noqa: E402

from bench.peak_rss import measure  # noqa: E402
from ips.models import Organisation, Team  # noqa: E402
from reports import workbook  # noqa: E402
from reports.metrics import Period, Scope  # noqa: E402


def main(what: str, organisation_id: int) -> None:
    today = timezone.localdate()
    if what == "organisation":
        organisation = Organisation.objects.get(pk=organisation_id)
        teams = frozenset(organisation.teams.values_list("pk", flat=True))
        scope = Scope(teams, organisation.name, "organisation", organisation_ids=frozenset({organisation.pk}))
        period = Period(today - timedelta(days=364), today)
    else:
        teams = frozenset(Team.objects.values_list("pk", flat=True))
        organisations = frozenset(Organisation.objects.values_list("pk", flat=True))
        scope = Scope(teams, "Koko maa", "organisations", organisation_ids=organisations)
        period = Period(today - timedelta(days=3 * 365 - 1), today)

    def build():
        with translation.override("fi"):
            result = workbook.build(scope, period, suppressed=True)
            buffer = BytesIO()
            result.workbook.save(buffer)
        return result, buffer

    (result, buffer), figures = measure(build, with_baseline=True)
    sys.stdout.write(
        json.dumps(
            {
                "seconds": round(figures["seconds"], 2),
                "cpu_seconds": round(figures["cpu_seconds"], 2),
                "peak_mb": figures["peak_mb"],
                "baseline_mb": figures["baseline_mb"],
                "cells": len(result.shown.cells.counts),
                "bytes": buffer.tell(),
            }
        )
        + "\n"
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
