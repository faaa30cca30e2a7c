"""Import every module of the apps (migrations aside): run with an environment of [project] dependencies alone, a
package that only the dev group installs shows up as an ImportError here instead of in `make demo` or production.

Usage: python scripts/import_apps.py   (from the project root; .ci/run calls it)
"""

import importlib
import os
import pkgutil
import sys
from pathlib import Path

import django

APPS = ("config", "ips", "employers", "fidelity", "reports", "content")


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    django.setup()
    count = 0
    for app in APPS:
        package = importlib.import_module(app)
        for module in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" not in module.name:
                importlib.import_module(module.name)
                count += 1
    sys.stdout.write(f"imported {count} modules of {', '.join(APPS)}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
