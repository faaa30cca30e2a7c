"""Query-string parameters, read the one safe way: a value that does not parse falls back to the default.

A URL is something anyone can type, so a bad `?on=`, `?client=` or `?page=` is not an error worth a page of its
own: the view goes on as if the parameter were absent. Filters and search boxes bind a form to `request.GET`
instead (the form shows its own message); everything else reads through these helpers, never `request.GET[...]`.
tests/permissions/test_hostile_urls.py sends every parameter a view reads hostile values and fails on a 500.
"""

import uuid
from datetime import date

from django.core.paginator import EmptyPage, PageNotAnInteger

from ips.forms.fields import EARLIEST_DATE, latest_date

MAX_TEXT = 200
MAX_PER_PAGE = 200


def query_text(request, name, default="") -> str:
    """The parameter's last value, without NUL characters and at most MAX_TEXT long; empty gives the default."""
    value = request.GET.get(name, "").replace("\x00", "")[:MAX_TEXT]
    return value or default


def query_int(request, name, default=None, *, min_value=None, max_value=None):
    """A whole number within [min_value, max_value]; anything else gives the default."""
    try:
        number = int(query_text(request, name, "").strip())
    except ValueError:
        return default
    if (min_value is not None and number < min_value) or (max_value is not None and number > max_value):
        return default
    return number


def query_date(request, name, default=None) -> date | None:
    """An ISO date (YYYY-MM-DD) within the calendar Polku accepts anywhere; anything else gives the default."""
    value = query_text(request, name, "").strip()
    if len(value) != len("2025-01-31"):
        return default
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return default
    return day if EARLIEST_DATE <= day <= latest_date() else default


def query_uuid(request, name) -> uuid.UUID | None:
    """A UUID, or None when the parameter is absent or not one."""
    try:
        return uuid.UUID(query_text(request, name, "").strip())
    except ValueError:
        return None


def query_choice(request, name, choices, default=None):
    """One of `choices` (strings), or the default."""
    value = query_text(request, name, "")
    return value if value in choices else default


def configure_table(request, table, *, per_page):
    """django-tables2's RequestConfig, reading its parameters through the helpers above: a page past the last shows
    the last page, a nonsensical page size the default one."""
    table.request = request
    order_by = [query_text(request, table.prefixed_order_by_field)] if table.prefixed_order_by_field else []
    if order_by and order_by[0]:
        table.order_by = order_by
    page = query_int(request, table.prefixed_page_field, 1, min_value=1)
    size = query_int(request, table.prefixed_per_page_field, per_page, min_value=1, max_value=MAX_PER_PAGE)
    try:
        table.paginate(per_page=size, page=page)
    except (EmptyPage, PageNotAnInteger):
        table.page = table.paginator.page(table.paginator.num_pages)
    return table
