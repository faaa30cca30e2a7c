"""`make bench`: make the national data once (cached for SQLite), then run the measurements within 10 minutes.

python -m bench.run                    SQLite, data cached in bench/.data/ (made on the first run, ~15 min)
python -m bench.run --db postgres      PostgreSQL from the PG* variables (pg_virtualenv): data made every run
"""

import argparse
import json
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.national.vocabulary import VERSION

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
BENCH_SECONDS = 600
STALE_DAYS = 7  # the pages show this week and today: data made long ago would leave them empty
DATA = Path(__file__).resolve().parent / ".data"


def manage(*args: str, env: dict) -> None:
    subprocess.run([sys.executable, "manage.py", *args], env=env, check=True)


def make_data(env: dict) -> float:
    started = time.monotonic()
    sys.stdout.write("== making the national data: migrate, then python -m bench.national\n")
    manage("migrate", "--noinput", "-v0", env=env)
    subprocess.run([sys.executable, "-m", "bench.national", "--scale", "national"], env=env, check=True)
    return time.monotonic() - started


def sqlite_env(version: int) -> dict:
    path = DATA / f"national-v{version}.sqlite3"
    stamp = DATA / f"national-v{version}.json"
    if path.exists() and stamp.exists():
        made = date.fromisoformat(json.loads(stamp.read_text())["today"])
        if (date.today() - made).days <= STALE_DAYS:
            env = {**os.environ, "SQLITE_PATH": str(path)}
            manage("migrate", "--noinput", "-v0", env=env)  # new indexes reach the cached data too
            return env
        sys.stdout.write(f"== the cached data is from {made}: making it again\n")
    DATA.mkdir(exist_ok=True)
    partial = DATA / f"national-v{version}.partial.sqlite3"
    for old in DATA.glob(f"national-v{version}*"):
        old.unlink()
    seconds = make_data({**os.environ, "SQLITE_PATH": str(partial)})
    partial.rename(path)
    stamp.write_text(json.dumps({"today": date.today().isoformat(), "seconds": round(seconds)}))
    sys.stdout.write(f"== data made in {seconds:.0f} s\n")
    return {**os.environ, "SQLITE_PATH": str(path)}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    options = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # progress lines show at once, between the subprocesses' output
    if options.db == "postgres":
        if not os.environ.get("PGDATABASE"):
            sys.exit("No PostgreSQL: run inside pg_virtualenv (make bench-pg).")
        env = dict(os.environ)
        sys.stdout.write(f"== data made in {make_data(env):.0f} s\n")
    else:
        env = sqlite_env(VERSION)
    sys.stdout.write(f"== measuring (bounded to {BENCH_SECONDS // 60} minutes)\n")
    try:
        subprocess.run([sys.executable, "-m", "bench.measure"], env=env, check=True, timeout=BENCH_SECONDS)
    except subprocess.TimeoutExpired:
        sys.exit(f"The benchmark ran over {BENCH_SECONDS} s and was stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
