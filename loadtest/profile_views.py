"""Where a coach's request spends its time: queries and milliseconds per page, and a cProfile of the mix.

Run against a seeded database (`make loadtest` prepares one; see docs/loadtest.md):
    .venv/bin/python -m loadtest.profile_views [--coach loadcoach001] [--rounds 30] [--top 25]
"""

import argparse
import cProfile
import io
import os
import pstats
import re
import sys
import time
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from employers.models import EmployerContact  # noqa: E402
from ips.models import ActivityKind, TimeEntry, User  # noqa: E402

# What the mix writes; deleted again at the end, so that runs one after another measure the same pages.
WRITTEN = (TimeEntry, EmployerContact)


def coach_requests(coach):
    """The load test's mix as (name, callable) pairs on a logged-in test client."""
    browser = Client(HTTP_HOST="127.0.0.1")
    browser.force_login(coach)
    client_uuid = coach.clients.values_list("uuid", flat=True).first()
    kind = ActivityKind.objects.filter(active=True, needs_consent=False).values_list("pk", flat=True).first()

    def add_entry():
        data = {
            "date": timezone.localdate().isoformat(),
            "minutes": "5",
            "kind": kind,
            "setting": "office",
            "client": "",
            "submission_id": str(uuid.uuid4()),
        }
        return browser.post("/today/entries/new/", data, HTTP_HX_REQUEST="true")

    html = browser.get("/employers/contacts/new/").content.decode()
    employer = re.search(r'<select name="employer"[^>]*>.*?<option value="(\d+)"', html, re.S).group(1)

    def add_contact():
        data = {"employer": employer, "date": timezone.localdate().isoformat(), "minutes": "45"}
        return browser.post("/employers/contacts/new/", {**data, "purpose": "job_opening", "face_to_face": "on"})

    return [
        ("today", lambda: browser.get("/today/")),
        ("employers today panel", lambda: browser.get("/employers/today/", HTTP_HX_REQUEST="true")),
        ("add entry (htmx)", add_entry),
        ("caseload", lambda: browser.get("/clients/")),
        ("client", lambda: browser.get(f"/clients/{client_uuid}/")),
        ("client jobs panel", lambda: browser.get(f"/employers/clients/{client_uuid}/jobs/", HTTP_HX_REQUEST="true")),
        ("contact form", lambda: browser.get("/employers/contacts/new/")),
        ("record contact", add_contact),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coach", default="loadcoach001")
    parser.add_argument("--rounds", type=int, default=30)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sort", default="cumulative", help="pstats order: cumulative, tottime, ...")
    args = parser.parse_args()
    before = {model: model.objects.order_by("-pk").values_list("pk", flat=True).first() or 0 for model in WRITTEN}
    try:
        profile(args)
    finally:
        for model, last in before.items():
            model.objects.filter(pk__gt=last).delete()


def profile(args):
    requests = coach_requests(User.objects.get(username=args.coach))
    for _name, call in requests:  # warm templates and caches, as a running worker is
        assert call().status_code in (200, 302)
    sys.stdout.write(f"{'request':<24} {'queries':>7} {'wall ms':>8} {'CPU ms':>7}\n")
    for name, call in requests:
        queries = []

        def count(execute, sql, *rest, queries=queries):
            queries.append(sql)
            return execute(sql, *rest)

        with connection.execute_wrapper(count):
            call()
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(args.rounds):
            call()
        wall = (time.perf_counter() - started) * 1000 / args.rounds
        cpu = (time.process_time() - cpu) * 1000 / args.rounds
        sys.stdout.write(f"{name:<24} {len(queries):>7} {wall:>8.1f} {cpu:>7.1f}\n")
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.rounds):
        for _name, call in requests:
            call()
    profile.disable()
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats(args.sort).print_stats(args.top)
    sys.stdout.write(out.getvalue() + "\n")


if __name__ == "__main__":
    main()
