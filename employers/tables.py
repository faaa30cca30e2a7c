"""The employer list as a django-tables2 table: its columns, sort whitelist and paging. Every column is annotated in
SQL (EmployerQuerySet.with_activity); the page renders the rows itself (employers/employer_list.html#rows)."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from employers.models import Employer


class EmployerTable(tables.Table):
    name = tables.Column(linkify=("employers:employer_detail", {"uuid": tables.A("uuid")}), verbose_name=_("Name"))
    municipality = tables.Column(verbose_name=_("Municipality"))
    status = tables.Column(verbose_name=_("Relationship"))
    last_contact = tables.DateColumn(verbose_name=_("Last contact"), short=True, default="–")
    contacts_this_year = tables.Column(verbose_name=_("Contacts this year"), attrs={"td": {"class": "num"}})
    jobs_count = tables.Column(verbose_name=_("Jobs"), attrs={"td": {"class": "num"}})
    working_now = tables.Column(verbose_name=_("Clients working there now"), attrs={"td": {"class": "num"}})

    class Meta:
        model = Employer
        fields = ["name", "municipality", "status", "last_contact", "contacts_this_year", "jobs_count", "working_now"]
        order_by = "name"
        empty_text = _("No employers match.")
        attrs = {"class": "striped"}
