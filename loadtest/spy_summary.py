"""Where a gunicorn worker's CPU went, from the collapsed stacks `loadtest.run --py-spy FILE` records.

    .venv/bin/python -m loadtest.spy_summary FILE [--top 30]

Prints the share of all samples (on-CPU only: py-spy leaves idle threads out) spent inside each of the top
functions (inclusive), in each package at the innermost frame (self), and in the request's layers: WSGI server,
middleware before the view, the view, the template rendering, the ORM building SQL, the database driver.
"""

import argparse
import re
import sys
from collections import Counter

FRAME = re.compile(r"^(?P<function>.*) \((?P<file>[^()]*?)(?::(?P<line>\d+))?\)$")

# Innermost frame's file -> package, first match wins.
PACKAGES = [
    ("psycopg", "psycopg (database driver)"),
    ("django/template/", "django.template"),
    ("django/db/models/sql/", "django.db (SQL compiler)"),
    ("django/db/backends/", "django.db.backends"),
    ("django/db/", "django.db (models, querysets)"),
    ("django/utils/translation", "django.utils.translation"),
    ("django/utils/", "django.utils"),
    ("django/forms/", "django.forms"),
    ("django/urls/", "django.urls"),
    ("django/", "django (other)"),
    ("gunicorn/", "gunicorn"),
    ("wagtail/", "wagtail"),
    ("auditlog/", "auditlog"),
    ("axes/", "axes"),
    ("allauth/", "allauth"),
    ("csp/", "csp"),
    ("whitenoise/", "whitenoise"),
    ("/ips/", "polku ips"),
    ("/employers/", "polku employers"),
    ("/fidelity/", "polku fidelity"),
    ("/reports/", "polku reports"),
    ("/lib/python", "python stdlib"),
]


def parse(path):
    """(frames outermost first, count) per distinct stack."""
    with open(path) as f:
        for raw in f:
            stack, _, count = raw.rstrip("\n").rpartition(" ")
            if not stack or not count.isdigit():
                continue
            frames = []
            for part in stack.split(";"):
                match = FRAME.match(part)
                if match:
                    frames.append((match["function"], match["file"]))
            yield frames, int(count)


def package(file):
    return next((name for needle, name in PACKAGES if needle in file), "other")


def short(function, file):
    tail = "/".join(file.split("/")[-2:])
    return f"{function} ({tail})"


def layer(frames):
    """The innermost request layer a sample is in."""
    names = [(function, file) for function, file in frames]
    in_view = any(f.endswith("_get_response") and "django/core/handlers/base.py" in p for f, p in names)
    for _function, file in reversed(names):
        if "psycopg" in file:
            return "database driver (psycopg)"
        if "django/db/models/sql/compiler.py" in file:
            return "ORM: building SQL"
        if "django/template/" in file:
            return "template rendering"
    if in_view:
        return "view code (not template/SQL)"
    if any("django/core/handlers" in file for _f, file in names):
        return "middleware and request handling"
    if any("gunicorn/" in file for _f, file in names):
        return "gunicorn (WSGI server)"
    return "other"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    total = 0
    inclusive, own, layers = Counter(), Counter(), Counter()
    for frames, count in parse(args.file):
        if not frames:
            continue
        total += count
        for key in {short(function, file) for function, file in frames}:
            inclusive[key] += count
        own[package(frames[-1][1])] += count
        layers[layer(frames)] += count
    if not total:
        sys.exit("no samples")
    out = sys.stdout
    out.write(f"{total} samples\n\nlayer (innermost)\n")
    for name, count in layers.most_common():
        out.write(f"{100 * count / total:6.1f} %  {name}\n")
    out.write("\nself time by package (innermost frame)\n")
    for name, count in own.most_common(args.top):
        out.write(f"{100 * count / total:6.1f} %  {name}\n")
    out.write("\ninclusive, top functions\n")
    for name, count in inclusive.most_common(args.top):
        out.write(f"{100 * count / total:6.1f} %  {name}\n")


if __name__ == "__main__":
    main()
