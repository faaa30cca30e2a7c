"""The employer list's search and filters (django-filter)."""

import datetime

import django_filters
from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employers.models import Employer, Industry

# Ten years: longer than any employer register has existed, and far from the calendar's end.
MAX_DAYS = 3650


class EmployerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="search")
    status = django_filters.ChoiceFilter(label=_("Relationship"), choices=Employer.Status.choices)
    industry = django_filters.ChoiceFilter(label=_("Industry"), choices=Industry.choices)
    municipality = django_filters.ChoiceFilter(label=_("Municipality"), choices=[])
    not_contacted_days = django_filters.NumberFilter(
        label=_("Not contacted for (days)"),
        method="not_contacted",
        min_value=1,
        max_value=MAX_DAYS,
        widget=forms.NumberInput(attrs={"min": 1, "inputmode": "numeric"}),
    )

    class Meta:
        model = Employer
        fields = ["q", "status", "industry", "municipality", "not_contacted_days"]

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["municipality"].extra["choices"] = [(m, m) for m in municipalities]
        self.form.fields["q"].widget.attrs.update({"type": "search", "placeholder": _("Name, business ID, place")})

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value) | Q(business_id__icontains=value) | Q(municipality__icontains=value)
        )

    def not_contacted(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.not_contacted_since(timezone.localdate() - datetime.timedelta(days=int(value) - 1))
