"""Data in three languages: admin-editable lists (activity kinds, referral sources) and scale texts.

A model keeps `<field>_fi`, `<field>_sv` and `<field>_en`; `translated(obj, "name")` picks the reader's language
and falls back to Finnish, then English. Templates use the `tr` filter: {{ kind|tr:"name" }}.
"""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

FALLBACKS = ("fi", "en", "sv")


def use_saved_language(request, user) -> None:
    """The user's saved language for the rest of the request: it wins over the browser's, on every device."""
    if user.language:
        translation.activate(user.language)
        request.LANGUAGE_CODE = user.language


def translated(obj, field: str, language: str | None = None) -> str:
    language = (language or translation.get_language() or "fi")[:2]
    for code in (language, *FALLBACKS):
        value = getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


class TranslatedName(models.Model):
    """An admin-extensible choice with a stable code and a name in each language."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=120)
    name_sv = models.CharField(_("name in Swedish"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    active = models.BooleanField(_("in use"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=100)

    class Meta:
        abstract = True
        ordering = ["order", "code"]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return translated(self, "name")
