"""The caseload's filters (django-filter): a coach's own clients by default, the team's on request."""

import django_filters
from django import forms
from django.db.models import F, Q, Value
from django.utils.translation import gettext_lazy as _

from ips.forms.clients import team_coaches
from ips.forms.widgets import PlainSelect
from ips.models import ReferralSource, Stage, TargetGroup, User

SORT, TEXT = ("sort_1", "sort_2", "sort_3"), ("text_1", "text_2", "text_3")


def _choice_rows(queryset, name, sort, text):
    """Rows of (list name, pk, three sort keys, three texts), for several lists in one UNION ALL."""
    columns = {"list": Value(name), **dict(zip(SORT, sort, strict=True)), **dict(zip(TEXT, text, strict=True))}
    return queryset.order_by().annotate(**columns).values_list("list", "pk", *SORT, *TEXT)


def filter_choices(team_ids) -> dict[str, list[tuple[int, str]]]:
    """The coach, referral-source and target-group choices in one query, not one each (those three round trips
    were a quarter of the caseload's queries); ordered and labelled as the models' querysets and __str__ do."""
    coaches = _choice_rows(
        team_coaches(team_ids),
        "coach",
        (Value(0), F("first_name"), F("last_name")),
        (F("first_name"), F("last_name"), F("username")),
    )
    sources, groups = (
        _choice_rows(
            model.objects.all(), name, (F("order"), F("code"), Value("")), (F("name_fi"), F("name_sv"), F("name_en"))
        )
        for name, model in (("source", ReferralSource), ("target_group", TargetGroup))
    )
    as_model = {
        "coach": lambda a, b, c: User(first_name=a, last_name=b, username=c),
        "source": lambda a, b, c: ReferralSource(name_fi=a, name_sv=b, name_en=c),
        "target_group": lambda a, b, c: TargetGroup(name_fi=a, name_sv=b, name_en=c),
    }
    choices = {name: [] for name in as_model}
    for name, pk, *_sort, a, b, c in coaches.union(sources, groups, all=True).order_by("list", *SORT):
        choices[name].append((pk, str(as_model[name](a, b, c))))
    return choices


class ListChoiceFilter(django_filters.ChoiceFilter):
    """A choice from a list read once per request (filter_choices) and validated without a query; a stale or forged
    value gets the same message as from a ModelChoiceField, not the value echoed back."""

    def __init__(self, *args, **kwargs):
        invalid = forms.ModelChoiceField.default_error_messages["invalid_choice"]
        super().__init__(*args, choices=[], error_messages={"invalid_choice": invalid}, widget=PlainSelect, **kwargs)


class CaseloadFilter(django_filters.FilterSet):
    MINE, TEAM = "mine", "team"

    q = django_filters.CharFilter(
        label=_("Name or code"), method="filter_q", widget=forms.TextInput(attrs={"type": "search"})
    )
    scope = django_filters.ChoiceFilter(
        label=_("Show"),
        choices=[(MINE, _("My clients")), (TEAM, _("My team's clients"))],
        method="filter_scope",
        empty_label=None,
        widget=PlainSelect,
    )
    stage = django_filters.ChoiceFilter(
        label=_("Stage"), choices=Stage.choices, empty_label=_("All open stages"), widget=PlainSelect
    )
    coach = ListChoiceFilter(label=_("Coach"), empty_label=_("All coaches"))
    source = ListChoiceFilter(label=_("Referral source"), field_name="referral__source", empty_label=_("All sources"))
    target_group = ListChoiceFilter(
        label=_("Target group"), field_name="target_groups", empty_label=_("All target groups")
    )
    overdue = django_filters.BooleanFilter(
        label=_("No contact for 14 days or more"), method="filter_overdue", widget=forms.CheckboxInput
    )

    def __init__(self, data=None, *args, request=None, **kwargs):
        user = request.user
        data = data.copy() if data is not None else {}
        if not data.get("scope"):
            data["scope"] = self.MINE if user.roles.is_coach else self.TEAM
        super().__init__(data, *args, request=request, **kwargs)
        self.user = user
        for name, choices in filter_choices(user.roles.client_team_ids).items():
            self.filters[name].extra["choices"] = choices

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.form.cleaned_data.get("stage"):
            queryset = queryset.active()
        return queryset

    def filter_scope(self, queryset, name, value):
        return queryset.filter(coach=self.user) if value == self.MINE else queryset

    def filter_q(self, queryset, name, value):
        for word in value.split():
            queryset = queryset.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(code__icontains=word)
            )
        return queryset

    def filter_overdue(self, queryset, name, value):
        return queryset.overdue() if value else queryset
