"""Training pages (koulutusmateriaali): a home per language, sections, pages, a glossary, and reading marks."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Orderable, Page
from wagtail.search import index

from content import vocabulary
from content.blocks import RICH_TEXT_FEATURES, TrainingBodyBlock
from ips.i18n import TranslatedName

FALLBACK_LANGUAGE = "fi"


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


class ReaderLanguageMixin:
    """Reader rules shared by every training page type."""

    @property
    def summary(self) -> str:
        return self.search_description

    def version_for_reader(self):
        """The live version in the reader's language, else the Finnish one, else this page."""
        localized = self.localized
        if localized.locale_id != self.locale_id:
            return localized
        try:
            active = Locale.get_active()
        except (LookupError, Locale.DoesNotExist):
            return self
        if active.language_code != self.locale.language_code and self.locale.language_code != FALLBACK_LANGUAGE:
            finnish = Locale.objects.filter(language_code=FALLBACK_LANGUAGE).first()
            fallback = finnish and self.get_translation_or_none(finnish)
            if fallback is not None and fallback.live:
                return fallback
        return self


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
        models.Q(locale=active)
        | models.Q(locale__language_code=FALLBACK_LANGUAGE)
        & ~models.Q(translation_key__in=local.values("translation_key"))
    )


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


def listing_context(request, parent) -> dict:
    pages = TrainingPage.objects.live().descendant_of(parent).filter(locale_id=parent.locale_id).order_by("path")
    form = TrainingFilterForm(request.GET or None)
    results = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        tagged = pages
        chosen = {relation: data[name] for name, relation in TrainingFilterForm.RELATIONS.items() if data[name]}
        for relation, topic in chosen.items():
            tagged = tagged.filter(**{relation: topic})
        if data["q"]:
            # Search covers every page type below this one (sections and the glossary too), in the reader's language.
            searchable = Page.objects.live().descendant_of(parent).filter(locale_id=parent.locale_id)
            if chosen:
                searchable = searchable.filter(id__in=list(tagged.values_list("id", flat=True)))
            found = [hit.id for hit in searchable.search(data["q"])[:SEARCH_LIMIT]]
            by_id = Page.objects.filter(id__in=found).specific().in_bulk()
            results = [by_id[pk] for pk in found if pk in by_id]
        elif chosen:
            results = list(tagged)
    pages = list(pages)
    sections = list(TrainingIndexPage.objects.live().child_of(parent).filter(locale_id=parent.locale_id))
    for section in sections:
        section.training_pages = [page for page in pages if page.path.startswith(section.path)]
    return {
        "filter_form": form,
        "results": results,
        "sections": sections,
        "training_pages": [page for page in pages if not any(page.path.startswith(s.path) for s in sections)],
        "glossary": GlossaryPage.objects.live().child_of(parent).first(),
        "read_keys": read_keys(request.user),
    }
