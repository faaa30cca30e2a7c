"""A coach's working day against a running Polku, for `make loadtest` (loadtest/run.py starts everything).

Each simulated user is a distinct coach who logged in through the real login form during the warm-up
(run.py hands over the session cookies in LOADTEST_SESSIONS): PBKDF2 is deliberately slow, and a coach logs in
once a day, not once a minute. The mix: open Today (the page and its employers panel, as htmx loads it), add an
entry through Today's quick-add form (htmx, with its double-submit id), open the caseload, open a client (page and
jobs panel), record an employer contact through the employers form. Anything but 2xx/3xx, or a form that comes
back with an error instead of saving, is a failure.
"""

import itertools
import json
import os
import random
import re
from datetime import date
from urllib.parse import urlparse

from locust import FastHttpUser, constant_throughput, events, task
from requests.cookies import create_cookie

SESSIONS = json.loads(os.environ.get("LOADTEST_SESSIONS", "[]") or "[]")
_next_session = itertools.cycle(SESSIONS) if SESSIONS else None

HTMX = {"HX-Request": "true"}
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBMISSION_ID = re.compile(r'name="submission_id" value="([^"]+)"')
CLIENT_LINK = re.compile(r'href="/clients/([0-9a-f-]{36})/"')
SAVED = 'role="status"'


def select_values(html: str, name: str) -> list[str]:
    """The non-empty option values of <select name=...> in html."""
    match = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', html, re.S)
    return [v for v in re.findall(r'<option value="([^"]*)"', match.group(1)) if v] if match else []


def fail(response, what):
    response.failure(f"{what} (HTTP {response.status_code})")


class Coach(FastHttpUser):
    # An open-ish load: each coach starts tasks at a fixed pace (run.py spreads the offered requests/s over them);
    # when Polku slows down, the pace drops instead of piling up requests.
    wait_time = constant_throughput(float(os.environ.get("LOADTEST_TASKS_PER_SECOND", "1")))

    def on_start(self):
        if _next_session is None:
            raise RuntimeError("LOADTEST_SESSIONS is empty: start the load test with loadtest/run.py")
        session = next(_next_session)
        self.username = session["username"]
        self.csrftoken = session["csrftoken"]
        host = urlparse(self.host).hostname
        for name in ("sessionid", "csrftoken"):
            self.client.cookiejar.set_cookie(create_cookie(name, session[name], domain=host))
        self.clients = []
        self.today_form = {}
        self.open_today()

    def _get(self, path, name=None, headers=None):
        return self.client.get(path, name=name, headers=headers, catch_response=True)

    def _post(self, path, data, name=None, headers=None):
        headers = {"X-CSRFToken": self.csrftoken, "Referer": self.host + path, **(headers or {})}
        return self.client.post(path, data=data, name=name, headers=headers, catch_response=True, allow_redirects=False)

    @task(4)
    def open_today(self):
        with self._get("/today/") as response:
            html = response.text or ""
            if response.status_code != 200 or "submission_id" not in html:
                return fail(response, "Today without its quick-add form")
            self.today_form = {
                "kind": select_values(html, "kind"),
                "client": select_values(html, "client"),
                "submission_id": SUBMISSION_ID.search(html).group(1),
            }
            response.success()
        with self._get("/employers/today/", headers=HTMX) as response:
            if response.status_code != 200:
                return fail(response, "employers panel")
            response.success()

    @task(2)
    def add_entry(self):
        form = self.today_form
        if not form.get("kind"):
            return self.open_today()
        data = {
            "date": date.today().isoformat(),
            "minutes": str(random.randint(5, 15)),
            "kind": random.choice(form["kind"]),
            "setting": random.choice(["office", "community", "client_home"]),
            "client": random.choice(form["client"]) if form["client"] else "",
            "note": "",
            "submission_id": form["submission_id"],
        }
        with self._post("/today/entries/new/", data, headers=HTMX) as response:
            html = response.text or ""
            if response.status_code != 200 or SAVED not in html:
                return fail(response, "entry not saved")
            response.success()
            # The answer carries the next form with a fresh submission id, as the browser would swap in.
            form["submission_id"] = SUBMISSION_ID.search(html).group(1)

    @task(2)
    def open_caseload(self):
        with self._get("/clients/") as response:
            self.clients = CLIENT_LINK.findall(response.text or "")
            if response.status_code != 200 or not self.clients:
                return fail(response, "caseload without clients")
            response.success()

    @task(2)
    def open_client(self):
        if not self.clients:
            return self.open_caseload()
        uuid = random.choice(self.clients)
        with self._get(f"/clients/{uuid}/", name="/clients/[uuid]/") as response:
            if response.status_code != 200:
                return fail(response, "client page")
            response.success()
        with self._get(f"/employers/clients/{uuid}/jobs/", name="/employers/clients/[uuid]/jobs/", headers=HTMX) as r:
            if r.status_code != 200:
                return fail(r, "client's jobs panel")
            r.success()

    @task(1)
    def record_employer_contact(self):
        with self._get("/employers/contacts/new/") as response:
            html = response.text or ""
            employers = select_values(html, "employer")
            if response.status_code != 200 or not employers:
                return fail(response, "contact form without employers")
            response.success()
        data = {
            "employer": random.choice(employers),
            "date": date.today().isoformat(),
            "face_to_face": "on",
            "minutes": "45",
            "purpose": random.choice(["first_meeting", "relationship_visit", "job_opening"]),
            "client": "",
            "matches_client_preferences": "",
            "outcome": "Kuormitustesti",
            "next_step": "",
            "next_step_on": "",
        }
        with self._post("/employers/contacts/new/", data) as response:
            # Saved contacts redirect to the employer; a form with errors comes back as 200.
            if response.status_code != 302:
                return fail(response, "employer contact not saved")
            response.success()


@events.init_command_line_parser.add_listener
def _(parser):
    parser.add_argument("--summary-json", default="", help="write the run's totals to this file")


@events.quitting.add_listener
def write_summary(environment, **_kwargs):
    path = environment.parsed_options.summary_json if environment.parsed_options else ""
    if not path:
        return
    total = environment.stats.total
    rows = {
        name: {
            "requests": entry.num_requests,
            "failures": entry.num_failures,
            "p50_ms": entry.get_response_time_percentile(0.5),
            "p95_ms": entry.get_response_time_percentile(0.95),
        }
        for (name, _method), entry in sorted(environment.stats.entries.items())
    }
    summary = {
        "requests": total.num_requests,
        "failures": total.num_failures,
        "rps": total.total_rps,
        "p50_ms": total.get_response_time_percentile(0.5),
        "p95_ms": total.get_response_time_percentile(0.95),
        "p99_ms": total.get_response_time_percentile(0.99),
        "seconds": total.last_request_timestamp - total.start_time if total.last_request_timestamp else 0,
        "errors": [
            {"name": e.name, "error": str(e.error), "occurrences": e.occurrences}
            for e in environment.stats.errors.values()
        ],
        "endpoints": rows,
    }
    with open(path, "w") as f:
        json.dump(summary, f, indent=2)
