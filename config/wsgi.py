import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# What is loaded by now (Django, Wagtail and Polku's modules: some 180,000 objects) lives as long as the process.
# Frozen, the collector's full passes skip it: 2–11 ms instead of 80–270 ms each (docs/performance.md). Under
# gunicorn's --preload the workers are forked after this line, and their collections leave those shared pages alone.
gc.freeze()
