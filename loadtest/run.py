"""`make loadtest`: Polku under gunicorn on a throwaway PostgreSQL, driven by locust, with a verdict.

Runs inside `pg_virtualenv` (the Makefile wraps it), which provides the PG* variables of a fresh cluster:
migrate, seed the demo and many coaches, collectstatic, start gunicorn with production settings on 127.0.0.1
(plain HTTP allowed only there, see PLAIN_HTTP_ON_LOOPBACK in config/settings.py), log every simulated coach in
through the real login form, run locust headless for a fixed time, measure where the CPU went, print the figures.

Exit status: 0 when the run completed without errors (targets missed are reported, and fail only with
--strict), 1 on request errors, 2 when something crashed or hung (gunicorn died, locust timed out).
"""

import argparse
import contextlib
import json
import os
import re
import resource
import secrets
import socket
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil
import requests

from loadtest.accounts import PASSWORD, username

BASE_DIR = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TARGET_RPS = 150
TARGET_P95_MS = 250
# The task mix makes about 1.64 requests a task (Today, a client and a contact are two requests each).
REQUESTS_PER_TASK = 18 / 11


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=40, help="simulated coaches, each a distinct account")
    parser.add_argument("--rps", type=float, default=165, help="offered load in requests/s, spread over the users")
    parser.add_argument("--duration", type=int, default=60, help="seconds of measured load")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--threads", type=int, default=1, help="threads per gunicorn worker (>1: gthread)")
    parser.add_argument("--strict", action="store_true", help="also fail when a target is missed")
    parser.add_argument("--skip-prepare", action="store_true", help="reuse the database of an earlier run (tuning)")
    parser.add_argument(
        "--py-spy",
        default="",
        metavar="FILE",
        help="sample the gunicorn workers with py-spy over the measured window into FILE (collapsed stacks; "
        "py-spy pauses the workers to sample, so the run's figures are not comparable)",
    )
    return parser.parse_args()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def django_env(media_root: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "PLAIN_HTTP_ON_LOOPBACK": "true",
        "MEDIA_ROOT": media_root,
        "DB_CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, stdout=subprocess.DEVNULL)


SEED = """
from django.core.management import call_command
from loadtest.seed import seed_coaches
for command in ("seed_demo", "seed_employers_demo", "seed_fidelity_demo", "seed_training"):
    call_command(command)
seed_coaches({users})
"""


def prepare(env, users: int):
    """Migrate and seed, with collectstatic (no database needed) alongside: both take a while on 2 cores."""
    started = time.monotonic()
    static = subprocess.Popen(
        [PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL
    )
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "shell", "-c", SEED.format(users=users))
    if static.wait() != 0:
        raise RuntimeError("collectstatic failed")
    sys.stdout.write(f"prepared the database and static files in {time.monotonic() - started:.0f} s\n")


def start_gunicorn(env, port, workers, threads, log):
    command = [
        PYTHON,
        "-m",
        "gunicorn",
        "config.wsgi",
        f"--bind=127.0.0.1:{port}",
        f"--workers={workers}",
        f"--threads={threads}",
        "--worker-class=" + ("gthread" if threads > 1 else "sync"),
        "--timeout=30",
        # Load Django once in the master and fork: workers start at once and share the imported code.
        "--preload",
    ]
    return subprocess.Popen(command, cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT)


def wait_until_up(url, process, seconds=180):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}")
        try:
            if requests.get(url + "/health/", timeout=10).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /health/ in time")


def log_in(url, username, password) -> tuple[dict, float]:
    """Log in through the login form (django-axes watches it) and return the session cookies and the time taken."""
    browser = requests.Session()
    page = browser.get(f"{url}/accounts/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    started = time.monotonic()
    response = browser.post(
        f"{url}/accounts/login/",
        data={"username": username, "password": password, "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=30,
    )
    took = time.monotonic() - started
    if response.status_code != 302 or "sessionid" not in browser.cookies:
        raise RuntimeError(f"login of {username} failed with HTTP {response.status_code}")
    # Land on Today as a browser would; this also warms every gunicorn worker before the measured window.
    browser.get(url + response.headers["Location"], timeout=30).raise_for_status()
    cookies = {
        "username": username,
        "sessionid": browser.cookies["sessionid"],
        "csrftoken": browser.cookies["csrftoken"],
    }
    return cookies, took


def processes_of(*roots):
    found = []
    for root in roots:
        with contextlib.suppress(psutil.NoSuchProcess):
            found += [root, *root.children(recursive=True)]
    return found


def cpu_seconds(processes) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            pass
    return total


def postmaster(env) -> psutil.Process:
    """The cluster's postmaster, found through its pid file (other PostgreSQL servers may run on this machine)."""
    data_dir = subprocess.run(
        ["psql", "-Atc", "SHOW data_directory"], env=env, check=True, capture_output=True, text=True
    ).stdout.strip()
    return psutil.Process(int(Path(data_dir, "postmaster.pid").read_text().split()[0]))


class CpuMeter:
    """CPU seconds of gunicorn, PostgreSQL, locust and everything else on the machine over the measured window.

    Locust is a child that has exited by the end, so its time comes from the children's resource usage.
    """

    def __init__(self, groups):
        self.groups = groups  # name -> callable returning the processes, found afresh each time

    def snapshot(self):
        machine = psutil.cpu_times()
        busy = sum(machine) - machine.idle - getattr(machine, "iowait", 0)
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        ours = {name: cpu_seconds(find()) for name, find in self.groups.items()}
        ours["locust"] = children.ru_utime + children.ru_stime
        return time.monotonic(), busy, ours

    @staticmethod
    def split(before, after):
        wall = after[0] - before[0]
        ours = {name: after[2][name] - before[2][name] for name in after[2]}
        ours["other processes"] = max(after[1] - before[1] - sum(ours.values()), 0)
        cores = psutil.cpu_count()
        return {
            name: {"percent": round(100 * seconds / (wall * cores), 1), "seconds": seconds}
            for name, seconds in ours.items()
        }


def start_py_spy(args, groups):
    """py-spy (the dev dependency) on the gunicorn master and its workers, on-CPU samples only (no --idle)."""
    master = groups["gunicorn"]()[0]
    command = [str(Path(PYTHON).parent / "py-spy"), "record", "--subprocesses", f"--pid={master.pid}"]
    command += ["--format=raw", f"--duration={args.duration}", "--rate=200", f"--output={args.py_spy}"]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL)


def run_locust(url, sessions, args, summary_path, groups):
    per_user_tasks = args.rps / REQUESTS_PER_TASK / args.users
    env = {
        **os.environ,
        "LOADTEST_SESSIONS": json.dumps(sessions),
        "LOADTEST_TASKS_PER_SECOND": f"{per_user_tasks:.3f}",
    }
    command = [
        PYTHON,
        "-m",
        "locust",
        "-f",
        str(BASE_DIR / "loadtest" / "locustfile.py"),
        "--headless",
        "--only-summary",
        f"--users={args.users}",
        f"--spawn-rate={args.users}",
        f"--run-time={args.duration}s",
        "--stop-timeout=5",
        f"--host={url}",
        f"--summary-json={summary_path}",
        "--loglevel=WARNING",
    ]
    meter = CpuMeter(groups)
    before = meter.snapshot()
    locust = subprocess.Popen(command, cwd=BASE_DIR, env=env)
    spy = start_py_spy(args, groups) if args.py_spy else None
    try:
        # Bounded: the run time, the stop timeout and a margin for start-up and the summary.
        locust.wait(timeout=args.duration + 60)
    except subprocess.TimeoutExpired:
        locust.kill()
        raise RuntimeError("locust did not finish in time") from None
    after = meter.snapshot()
    if spy is not None:
        spy.wait(timeout=60)
    return locust.returncode, CpuMeter.split(before, after)


def report(summary, cpu, logins, args):
    sys.stdout.write("\n")
    sys.stdout.write(
        f"== Polku load test: {args.users} coaches, {args.duration} s, offered ~{args.rps:.0f} requests/s\n"
    )
    sys.stdout.write(f"   gunicorn: {args.workers} worker(s) x {args.threads} thread(s); {psutil.cpu_count()} cores\n")
    sys.stdout.write(f"{'endpoint':<40} {'requests':>8} {'fail':>5} {'p50 ms':>7} {'p95 ms':>7}\n")
    for name, row in summary["endpoints"].items():
        sys.stdout.write(
            f"{name:<40} {row['requests']:>8} {row['failures']:>5} {row['p50_ms']:>7.0f} {row['p95_ms']:>7.0f}\n"
        )
    sys.stdout.write(
        f"{'all':<40} {summary['requests']:>8} {summary['failures']:>5} "
        f"{summary['p50_ms']:>7.0f} {summary['p95_ms']:>7.0f}" + "\n"
    )
    sys.stdout.write(
        f"logins (warm-up, not in the figures): {len(logins)}, median {sorted(logins)[len(logins) // 2]:.2f} s\n"
    )
    shares = ", ".join(f"{k} {v['percent']}" for k, v in cpu.items())
    sys.stdout.write(f"CPU over the measured window, % of all cores: {shares}\n")
    served = max(summary["requests"], 1)
    per_request = {name: 1000 * cpu[name]["seconds"] / served for name in ("gunicorn", "postgresql", "locust")}
    costs = ", ".join(f"{name} {ms:.1f} ms" for name, ms in per_request.items())
    sys.stdout.write(f"CPU per request: {costs}\n")
    ceiling = 1000 * psutil.cpu_count() / sum(per_request.values())
    sys.stdout.write(f"ceiling if these three had every core to themselves: ~{ceiling:.0f} requests/s (a projection)\n")
    for error in summary["errors"]:
        sys.stdout.write(f"ERROR {error['occurrences']}x {error['name']}: {error['error']}\n")
    checks = {
        f"requests/s {summary['rps']:.1f} >= {TARGET_RPS}": summary["rps"] >= TARGET_RPS,
        f"p95 {summary['p95_ms']:.0f} ms <= {TARGET_P95_MS} ms": summary["p95_ms"] <= TARGET_P95_MS,
        f"errors {summary['failures']} == 0": summary["failures"] == 0,
    }
    for text, ok in checks.items():
        sys.stdout.write(f"{'met   ' if ok else 'MISSED'} {text}\n")
    return all(checks.values())


def main():
    args = parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress lines show at once, between the subprocesses' output
    if not os.environ.get("PGDATABASE"):
        sys.exit("No PostgreSQL: run `make loadtest`, which starts this inside pg_virtualenv.")
    workdir = Path(tempfile.mkdtemp(prefix="polku-loadtest-"))
    env = django_env(str(workdir / "media"))
    if not args.skip_prepare:
        prepare(env, args.users)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log_path = workdir / "gunicorn.log"
    with open(log_path, "w") as log:
        gunicorn = start_gunicorn(env, port, args.workers, args.threads, log)
    try:
        wait_until_up(url, gunicorn)
        started = time.monotonic()
        names = [username(n) for n in range(1, args.users + 1)]
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            results = list(pool.map(lambda name: log_in(url, name, PASSWORD), names))
        sessions, logins = [r[0] for r in results], [r[1] for r in results]
        sys.stdout.write(
            f"logged {len(sessions)} coaches in through the login form in {time.monotonic() - started:.0f} s\n"
        )
        groups = {
            "gunicorn": lambda: processes_of(psutil.Process(gunicorn.pid)),
            "postgresql": lambda: processes_of(postmaster(env)),
        }
        summary_path = workdir / "summary.json"
        locust_status, cpu = run_locust(url, sessions, args, summary_path, groups)
        if gunicorn.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {gunicorn.returncode} during the run")
        if not summary_path.exists():
            raise RuntimeError(f"locust exited with {locust_status} without a summary")
        summary = json.loads(summary_path.read_text())
        met = report(summary, cpu, logins, args)
        (BASE_DIR / "loadtest" / "results").mkdir(exist_ok=True)
        result = {"args": vars(args), "cpu_percent": cpu, "login_seconds": logins, **summary}
        (BASE_DIR / "loadtest" / "results" / "last.json").write_text(json.dumps(result, indent=2))
    except (RuntimeError, subprocess.CalledProcessError) as error:
        sys.stderr.write(f"CRASH: {error}\n")
        sys.stderr.write(log_path.read_text()[-4000:] + "\n")
        return 2
    finally:
        gunicorn.terminate()
        try:
            gunicorn.wait(timeout=10)
        except subprocess.TimeoutExpired:
            gunicorn.kill()
    if summary["failures"]:
        return 1
    return 1 if args.strict and not met else 0


if __name__ == "__main__":
    sys.exit(main())
