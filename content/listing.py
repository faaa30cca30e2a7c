"""What the training home and section pages list: sections, pages, search results and tag filters."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from content import vocabulary
from content.models import GlossaryPage, ReadingMark, Topic, TrainingIndexPage, TrainingPage

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
