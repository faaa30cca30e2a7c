"""python -m bench.national --help"""

import os
import sys

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from bench.national.command import main  # noqa: E402

sys.exit(main())
