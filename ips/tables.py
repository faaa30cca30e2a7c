"""The caseload table (django-tables2): its columns, sort whitelist and paging. Every column is a field or an SQL
annotation: no per-row queries. The page renders the rows itself (ips/caseload.html#rows), a plain loop."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from ips.models import Client
from ips.models.clients import path_order


class CaseloadTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"), linkify=("ips:client_detail", {"uuid": tables.A("uuid")}))
    name = tables.Column(verbose_name=_("Name"), accessor="last_name", order_by=("last_name", "first_name"))
    stage = tables.Column(verbose_name=_("Stage"))
    days_in_stage = tables.Column(verbose_name=_("Days in stage"), accessor="stage_since", order_by="-stage_since")
    last_contact = tables.DateColumn(verbose_name=_("Last contact"), short=True, default="–")
    current_job = tables.Column(verbose_name=_("Current job"), default="–")
    coach = tables.Column(verbose_name=_("Coach"), order_by=("coach__first_name", "coach__last_name"), default="–")
    coordinator_label = tables.Column(verbose_name=_("Client coordinator"), orderable=False, default="–")
    next_step = tables.Column(verbose_name=_("Next step"), orderable=False, default="–")

    class Meta:
        model = Client
        fields = []
        sequence = [
            "code",
            "name",
            "stage",
            "days_in_stage",
            "last_contact",
            "current_job",
            "coach",
            "coordinator_label",
            "next_step",
        ]
        order_by = "code"
        empty_text = _("No clients match.")
        attrs = {"class": "caseload"}

    def order_stage(self, queryset, is_descending):
        """By the stages' order on the path, then by code."""
        place = path_order()
        return queryset.order_by(place.desc() if is_descending else place.asc(), "code"), True

    def render_name(self, record):
        return record.full_name

    def render_days_in_stage(self, record):
        return record.days_in_stage
