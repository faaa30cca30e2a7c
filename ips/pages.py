"""Wagtail pages as every app lists them: each page in the reader's language, else in Finnish.

Training pages live in content/, but fidelity's action plan chooses them too (a plain foreign key to Wagtail's
Page), so the rule of which language version a reader gets lives here, below both.
"""

from django.db.models import Q
from wagtail.models import Locale

FALLBACK_LANGUAGE = "fi"


def in_reader_language(queryset):
    """Pages in the reader's language, plus the Finnish ones that have no version in it yet."""
    try:
        active = Locale.get_active()
    except (LookupError, Locale.DoesNotExist):
        active = Locale.get_default()
    local = queryset.filter(locale=active)
    if active.language_code == FALLBACK_LANGUAGE:
        return local
    return queryset.filter(
        Q(locale=active)
        | Q(locale__language_code=FALLBACK_LANGUAGE) & ~Q(translation_key__in=local.values("translation_key"))
    )
