"""One funder workbook in a fresh process: wall time and peak memory, printed as JSON for bench/measure.py.

Memory is the process's resident set (psutil), sampled every 5 ms in a thread while the workbook is built and
saved; peak_mb is the peak above the resident set just before the build (Django loaded, database connected).
"""

import json
import os
import sys
import threading
import time
from datetime import timedelta
from io import BytesIO

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

import psutil  # noqa: E402
from django.utils import timezone, translation  # noqa: E402

from ips.models import Organisation, Team  # noqa: E402
from reports import workbook  # noqa: E402
from reports.metrics import Period, Scope  # noqa: E402


class PeakRss(threading.Thread):
    def __init__(self):
        super().__init__(daemon=True)
        self.process = psutil.Process()
        self.peak = self.process.memory_info().rss
        self.running = True

    def run(self):
        while self.running:
            self.peak = max(self.peak, self.process.memory_info().rss)
            time.sleep(0.005)


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
    baseline = psutil.Process().memory_info().rss
    sampler = PeakRss()
    sampler.start()
    started, cpu = time.perf_counter(), time.process_time()
    with translation.override("fi"):
        result = workbook.build(scope, period, suppressed=True)
        buffer = BytesIO()
        result.workbook.save(buffer)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    sampler.running = False
    sampler.join()
    sys.stdout.write(
        json.dumps(
            {
                "seconds": round(seconds, 2),
                "cpu_seconds": round(cpu, 2),
                "peak_mb": (sampler.peak - baseline) / 2**20,
                "baseline_mb": baseline / 2**20,
                "cells": len(result.shown.cells.counts),
                "bytes": buffer.tell(),
            }
        )
        + "\n"
    )


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
