"""Training pages (koulutusmateriaali): a home per language, sections, pages, a glossary, and reading marks."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from content import vocabulary
from content.blocks import RICH_TEXT_FEATURES, TrainingBodyBlock
from content.search import search_pages
from ips.i18n import TranslatedName


class Topic(TranslatedName):
    """A tag from the fixed vocabulary: an IPS principle, a EUSE stage or a fidelity item code."""

    class Kind(models.TextChoices):
        PRINCIPLE = vocabulary.PRINCIPLE, _("IPS principle")
        STAGE = vocabulary.STAGE, _("Stage of supported employment")
        FIDELITY_ITEM = vocabulary.FIDELITY_ITEM, _("Fidelity item")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

    class Meta(TranslatedName.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    @property
    def filter_param(self) -> str:
        """The query parameter of the training listing's filter form that selects this topic."""
        return {self.Kind.PRINCIPLE: "principle", self.Kind.STAGE: "stage"}.get(self.kind, "item")

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}" if self.kind == self.Kind.FIDELITY_ITEM else self.name


def language_name_for_reader(language_code: str) -> str | None:
    """The name of a page's language in the reader's, when it is not the reader's language (a note says so)."""
    if language_code == get_language():
        return None
    return get_language_info(language_code)["name_translated"]


class ReaderLanguageMixin:
    """Reader rules shared by every training page type."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["untranslated_language"] = language_name_for_reader(self.locale.language_code)
        return context

    @property
    def summary(self) -> str:
        return self.search_description

    def version_for_reader(self):
        """The live version in the reader's language, else this page (shown with a note that it is untranslated).

        A reader whose language has no version reads the language they found it in: an English reader who searched
        with a Swedish word gets the Swedish page, not the Finnish one.
        """
        return self.localized


class TrainingHomePage(ReaderLanguageMixin, Page):
    """The root of the training site; one per language, linked as translations of each other."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["content.TrainingIndexPage", "content.TrainingPage", "content.GlossaryPage"]

    class Meta:
        verbose_name = _("training home page")

    def clean(self):
        super().clean()
        others = TrainingHomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("This language already has a training home page."))

    def route(self, request, path_components):
        """Find a page in this language's tree, else in another language's (the reader is then sent on)."""
        try:
            return super().route(request, path_components)
        except Http404:
            if not path_components:
                raise
        for home in self.get_translations().live().order_by("locale__language_code"):
            try:
                return Page.route(home, request, path_components)
            except Http404:
                continue
        raise Http404

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self))
        return context


class TrainingIndexPage(ReaderLanguageMixin, Page):
    """A section of training pages; readers filter it by principle, stage and fidelity item."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["content.TrainingHomePage", "content.TrainingIndexPage"]
    subpage_types = ["content.TrainingPage", "content.TrainingIndexPage"]

    class Meta:
        verbose_name = _("training section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(request, self))
        return context


def topics_of_kind(kind, related_name, verbose_name):
    """The topics of one kind (principle, stage, fidelity item) a training page is tagged with; none is fine."""
    return ParentalManyToManyField(
        Topic, blank=True, related_name=related_name, limit_choices_to={"kind": kind}, verbose_name=verbose_name
    )


class TrainingPage(ReaderLanguageMixin, Page):
    intro = models.TextField(
        _("summary"), max_length=400, help_text=_("One or two sentences shown in lists and search results.")
    )
    body = StreamField(TrainingBodyBlock(), verbose_name=_("body"), blank=True)
    principles = topics_of_kind(vocabulary.PRINCIPLE, "pages_by_principle", _("IPS principles"))
    stages = topics_of_kind(vocabulary.STAGE, "pages_by_stage", _("stages of supported employment"))
    fidelity_items = topics_of_kind(vocabulary.FIDELITY_ITEM, "pages_by_fidelity_item", _("fidelity items"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
                FieldPanel("stages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("fidelity_items", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Tags"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["content.TrainingIndexPage", "content.TrainingHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("training page")

    @property
    def summary(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = [*self.principles.all(), *self.stages.all(), *self.fidelity_items.all()]
        context["read_mark"] = ReadingMark.objects.for_page(request.user, self).first()
        return context


class GlossaryPage(ReaderLanguageMixin, Page):
    """Finnish terms of the field explained in the page's language."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro"), InlinePanel("terms", label=_("Terms"))]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.RelatedFields("terms", [index.SearchField("term"), index.SearchField("explanation")]),
    ]
    parent_page_types = ["content.TrainingHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("glossary")


class GlossaryTerm(Orderable):
    page = ParentalKey(GlossaryPage, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(_("Finnish term"), max_length=120)
    equivalent = models.CharField(
        _("term in this language"), max_length=120, blank=True, help_text=_("Leave empty on the Finnish page.")
    )
    explanation = models.TextField(_("explanation"))

    panels = [FieldPanel("term"), FieldPanel("equivalent"), FieldPanel("explanation")]

    def __str__(self):
        return self.term


class ReadingMarkQuerySet(models.QuerySet):
    def for_page(self, user, page):
        """The user's mark on this page or on any language version of it."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(user=user, page__translation_key=page.translation_key)


class ReadingMark(models.Model):
    """A professional's note that they have read a training page."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reading_marks", verbose_name=_("user")
    )
    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+", verbose_name=_("page"))
    read_at = models.DateTimeField(_("read at"), default=timezone.now)

    objects = ReadingMarkQuerySet.as_manager()

    class Meta:
        ordering = ["-read_at"]
        verbose_name = _("reading mark")
        verbose_name_plural = _("reading marks")
        constraints = [models.UniqueConstraint(fields=["user", "page"], name="reading_mark_once_per_user_and_page")]

    def __str__(self):
        return f"{self.user} · {self.page_id}"


# --- What the training home and section pages list: sections, pages, search results and tag filters ---------

SEARCH_LIMIT = 50


def _topic_field(kind, label):
    return forms.ModelChoiceField(
        queryset=Topic.objects.filter(kind=kind, active=True),
        to_field_name="code",
        required=False,
        label=label,
        empty_label=_("All"),
    )


class TrainingFilterForm(forms.Form):
    q = forms.CharField(label=_("Search training pages"), required=False, max_length=100)
    principle = _topic_field(vocabulary.PRINCIPLE, _("IPS principle"))
    stage = _topic_field(vocabulary.STAGE, _("Stage of supported employment"))
    item = _topic_field(vocabulary.FIDELITY_ITEM, _("Fidelity item"))

    # Form field name -> TrainingPage relation it filters.
    RELATIONS = {"principle": "principles", "stage": "stages", "item": "fidelity_items"}


def read_keys(user) -> set:
    """The translation keys of pages the user has marked read: a read Finnish page counts for its Swedish twin."""
    if not user.is_authenticated:
        return set()
    return set(ReadingMark.objects.filter(user=user).values_list("page__translation_key", flat=True))


def _tagged(pages, chosen):
    for relation, topic in chosen.items():
        pages = pages.filter(**{relation: topic})
    return pages


def _search_trees(parent) -> list:
    """Where a search looks: the listing's own language tree and, for a reader whose language has no training pages
    of its own (English), its translations too."""
    trees = [parent]
    if parent.locale.language_code != get_language():
        trees += parent.get_translations().live().select_related("locale").order_by("locale__language_code")
    return trees


def search_results(parent, text: str, chosen: dict) -> list:
    """Pages below parent matching the words of text, each searched with the rules of its own language.

    Every page type counts (sections and the glossary too); with tags chosen, only training pages carrying them.
    A page found in two languages is listed once, in the listing's own language first.
    """
    found, keys = [], set()
    for tree in _search_trees(parent):
        pages = Page.objects.live().descendant_of(tree).filter(locale_id=tree.locale_id)
        if chosen:
            pages = pages.filter(id__in=_tagged(TrainingPage.objects.all(), chosen).values("id"))
        language = tree.locale.language_code
        hits = list(search_pages(pages, text, language).values_list("id", "translation_key")[:SEARCH_LIMIT])
        found += [(pk, language) for pk, key in hits if key not in keys]
        keys.update(key for _pk, key in hits)
    by_id = Page.objects.filter(id__in=[pk for pk, _language in found]).specific().in_bulk()
    results = []
    for pk, language in found[:SEARCH_LIMIT]:
        if pk in by_id:
            by_id[pk].language_code = language
            by_id[pk].untranslated_language = language_name_for_reader(language)
            results.append(by_id[pk])
    return results


def listing_context(request, parent) -> dict:
    pages = TrainingPage.objects.live().descendant_of(parent).filter(locale_id=parent.locale_id).order_by("path")
    form = TrainingFilterForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        chosen = {relation: data[name] for name, relation in TrainingFilterForm.RELATIONS.items() if data[name]}
        if data["q"]:
            results = search_results(parent, data["q"], chosen)
        elif chosen:
            results = list(_tagged(pages, chosen))
    pages = list(pages)
    sections = list(TrainingIndexPage.objects.live().child_of(parent).filter(locale_id=parent.locale_id))
    for section in sections:
        section.training_pages = [page for page in pages if page.path.startswith(section.path)]
    return {
        "filter_form": form,
        "results": results,
        "browse_topics": _browse_topics() if results == [] else [],
        "sections": sections,
        "training_pages": [page for page in pages if not any(page.path.startswith(s.path) for s in sections)],
        "glossary": GlossaryPage.objects.live().child_of(parent).first(),
        "read_keys": read_keys(request.user),
    }


def _browse_topics() -> list:
    """What an empty search offers instead: the principles and stages, each a link to the pages tagged with it."""
    kinds = [Topic.Kind.PRINCIPLE, Topic.Kind.STAGE]
    return list(Topic.objects.filter(kind__in=kinds, active=True).order_by("kind", "order", "code"))
