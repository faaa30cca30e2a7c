"""The caseload's filters (django-filter): a coach's own clients by default, the team's on request."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ips.forms.clients import NamedChoiceField, team_coaches
from ips.models import ReferralSource, Stage, TargetGroup


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = NamedChoiceField


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
    )
    stage = django_filters.ChoiceFilter(label=_("Stage"), choices=Stage.choices, empty_label=_("All open stages"))
    coach = django_filters.ModelChoiceFilter(label=_("Coach"), queryset=None, empty_label=_("All coaches"))
    source = NamedChoiceFilter(
        label=_("Referral source"), field_name="referral__source", queryset=None, empty_label=_("All sources")
    )
    target_group = NamedChoiceFilter(
        label=_("Target group"), field_name="target_groups", queryset=None, empty_label=_("All target groups")
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
        self.filters["coach"].queryset = team_coaches(user.roles.team_ids)
        self.filters["source"].queryset = ReferralSource.objects.all()
        self.filters["target_group"].queryset = TargetGroup.objects.all()

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
