"""Rows that data migrations ship, for tests that run after a transactional test emptied every table."""

from importlib import import_module

from django.apps import apps

# In migration order: rows get the primary keys a freshly migrated database gives them (a backup loads into one).
SHIPPED = [
    ("ips.migrations.0002_caseload_and_daily_log", "load_lists", "ips.ActivityKind"),
    ("ips.migrations.0016_fidelity2_agency_kinds", "load", "ips.ActivityKind"),
    ("ips.migrations.0018_team_data", "load", "ips.Profession"),
    ("ips.migrations.0018_team_data", "load_parties", "ips.Party"),
    ("ips.migrations.0022_handover_destinations", "load", "ips.Destination"),
    ("fidelity.migrations.0002_ips25_scale", "load_scale", "fidelity.FidelityScale"),
    # The scale's cut points and components: without them every indicator falls to its lowest score.
    ("fidelity.migrations.0004_fidelity_scale_rules_data", "load", "fidelity.AnchorRule"),
    ("content.migrations.0001_initial", "locales_and_topics", "content.Topic"),
    ("fidelity.migrations.0005_fidelity2_ladders", "load", "fidelity.AnchorRule"),
    # O3's ladder, V10's count of jobs, O1's "none", and the components the data shows (V7, V11, O7, V14).
    ("fidelity.migrations.0008_fidelity3_thresholds", "load", "fidelity.AnchorRule"),
]


def restore_migrated_rows():
    """Reload the shipped lists, the IPS-25 scale and its rules, Wagtail's locales, root page and root collection
    if missing.

    (Django's serialized rollback would do this, but pytest-django does not serialize the database when the
    request for it comes through an autouse fixture; the rows are reloaded from the migrations' own functions.)
    """
    from wagtail.models import Collection, Locale, Page

    # A model empty before the reload gets the rows of every migration that ships some (several may).
    empty = {model for _module, _function, model in SHIPPED if not apps.get_model(model).objects.exists()}
    for module, function, model in SHIPPED:
        if model in empty:
            getattr(import_module(module), function)(apps, None)
    if not Page.objects.exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.get_default()))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
