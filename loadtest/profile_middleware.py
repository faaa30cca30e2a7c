"""What the middleware chain costs a request by itself: CPU ms per request through Django's test client with a view
that only asks whether the user is signed in, for the whole chain and without each middleware in turn.

Run against a seeded database, as profile_views (docs/loadtest.md):
    .venv/bin/python -m loadtest.profile_middleware [--coach loadcoach002] [--rounds 300]
"""

import argparse
import os
import sys
import time

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.http import HttpResponse  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.test.client import ClientHandler  # noqa: E402

from ips.models import User  # noqa: E402

# Signing in needs these; the leave-one-out keeps them.
NEEDED = ("SessionMiddleware", "AuthenticationMiddleware")


class SignedInOnly(ClientHandler):
    """The test client's handler with the URL resolver and the view replaced by one answer."""

    def _get_response(self, request):
        return HttpResponse("yes" if request.user.is_authenticated else "no")


def cpu_ms_per_request(coach, chain, rounds) -> tuple[float, int]:
    """The best of three runs, and the queries of one request."""
    with override_settings(MIDDLEWARE=chain):
        browser = Client(HTTP_HOST="127.0.0.1")
        browser.handler = SignedInOnly()
        browser.force_login(coach)
        for _ in range(30):
            assert browser.get("/today/").content == b"yes"
        queries = []
        with connection.execute_wrapper(lambda execute, sql, *rest: queries.append(sql) or execute(sql, *rest)):
            browser.get("/today/")
        runs = []
        for _ in range(3):
            started = time.process_time()
            for _ in range(rounds):
                browser.get("/today/")
            runs.append((time.process_time() - started) * 1000 / rounds)
    return min(runs), len(queries)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--coach", default="loadcoach002")
    parser.add_argument("--rounds", type=int, default=300)
    args = parser.parse_args()
    coach = User.objects.get(username=args.coach)
    chain = list(settings.MIDDLEWARE)
    full, queries = cpu_ms_per_request(coach, chain, args.rounds)
    needed, _ = cpu_ms_per_request(coach, [m for m in chain if m.endswith(NEEDED)], args.rounds)
    sys.stdout.write(f"whole chain {full:.2f} ms ({queries} queries); session and auth only {needed:.2f} ms\n")
    for middleware in chain:
        if not middleware.endswith(NEEDED):
            without, _ = cpu_ms_per_request(coach, [m for m in chain if m != middleware], args.rounds)
            sys.stdout.write(f"  {middleware:<58} {full - without:+.3f} ms\n")


if __name__ == "__main__":
    main()
