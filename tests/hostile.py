"""Hostile values for every kind of form field, and the checks a rejected submission must pass.

Used by tests/hostile_input/ (forms) and tests/permissions/test_hostile_urls.py (query strings): a payload starts
from values the form accepts and replaces some fields with something hostile (or drops them), so each example probes
one or a few fields while the rest still validates and the view gets as far as its service layer.
"""

import importlib
import pkgutil
import re
from datetime import date, timedelta

from bs4 import BeautifulSoup
from django import forms
from django.apps import apps
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import connection
from hypothesis import strategies as st

# Strings that have broken web forms somewhere: SQL, markup, spreadsheet formulas, format strings, bidi controls,
# NUL bytes, numbers in odd notations and dates that do not exist.
HOSTILE_STRINGS = [
    "",
    " ",
    "\x00",
    "nimi\x00",
    "\u202eevil.exe\u202c",
    "\u200f\u200e\u200b",
    "😀" * 30,
    "Ω≈ç√∫ åäö ÅÄÖ",
    "' OR '1'='1' --",
    "1; DROP TABLE ips_client;--",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    '=HYPERLINK("http://evil.example","x")',
    "+SUM(1+1)",
    "@cmd",
    "\t=1+1",
    "{{ 7|add:7 }}{% now 'Y' %}",
    "%(name)s %s %d",
    "../../etc/passwd",
    "None",
    "NaN",
    "-Infinity",
    "1e309",
    "-1",
    "0",
    "9" * 40,
    "0x1F",
    "١٢٣",
    "2025-02-30",
    "31.12.2025",
    "0000-00-00",
    "0001-01-01",
    "9999-12-31",
    "99999-01-01",
    "2025-13-45",
    "00000000-0000-0000-0000-000000000000",
]

hostile_text = st.one_of(
    st.sampled_from(HOSTILE_STRINGS),
    st.text(max_size=40),
    st.builds(lambda char, n: char * n, st.characters(), st.integers(min_value=201, max_value=3_000)),
)


def _dates(today: date):
    return st.one_of(
        st.integers(min_value=-800, max_value=40).map(lambda days: today + timedelta(days=days)),
        st.sampled_from([date.min, date.max, date(1900, 1, 1)]),
        st.dates(),
    ).map(date.isoformat)


def _numbers():
    return st.one_of(
        st.integers(min_value=-100, max_value=2000),
        st.integers(min_value=-(2**80), max_value=2**80),
        st.decimals(allow_nan=True, allow_infinity=True),
        st.floats(),
    ).map(str)


def _choice_values(field) -> list[str]:
    values = []
    for value, label in field.choices:
        if isinstance(label, list | tuple):  # an optgroup
            values += [str(v) for v, _label in label]
        else:
            values.append(str(value))
    return values


def _rows_of(field) -> list[str]:
    """Every row of the field's model, not only those offered: other teams' and organisations' ids too."""
    model = field.queryset.model
    return [str(value) for value in model._default_manager.values_list(field.to_field_name or "pk", flat=True)]


def typed_values(field: forms.Field, today: date):
    """Values of the field's own type: right, wrong, out of range, somebody else's."""
    if isinstance(field, forms.ModelMultipleChoiceField):
        return st.lists(st.sampled_from(_rows_of(field) or ["1"]), max_size=4)
    if isinstance(field, forms.ModelChoiceField):
        return st.sampled_from(_rows_of(field) or ["1"])
    if isinstance(field, forms.MultipleChoiceField):
        return st.lists(st.sampled_from(_choice_values(field)), max_size=4)
    if isinstance(field, forms.ChoiceField):
        return st.sampled_from(_choice_values(field))
    if isinstance(field, forms.BooleanField):
        return st.sampled_from(["on", "true", "false", "0", ""])
    if isinstance(field, forms.DateField):
        return _dates(today)
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return _numbers()
    if isinstance(field, forms.UUIDField):
        return st.uuids().map(str)
    return hostile_text


def payloads(form: forms.BaseForm, valid: dict, today: date):
    """A POST/GET dict: the valid values, with a few fields replaced by hostile ones or left out."""
    names = list(form.fields)
    replacement = {
        name: st.one_of(st.none(), typed_values(field, today), hostile_text, st.lists(hostile_text, max_size=3))
        for name, field in form.fields.items()
    }

    @st.composite
    def build(draw):
        chosen = draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
        data = dict(valid)
        for name in chosen:
            data[name] = draw(replacement[name], label=name)
        return {form.add_prefix(name): value for name, value in data.items() if value is not None}

    return build()


APPS = ["ips", "employers", "fidelity", "reports", "content"]


def defined_in_apps(base: type) -> set[type]:
    """Every subclass of `base` defined in a Polku app (every Form, every FilterSet...)."""
    found = set()
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if ".migrations" in info.name:
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, base) and value.__module__ == info.name:
                    found.add(value)
    return found


def row_counts() -> dict[str, int]:
    """Rows per table, in one query; audit ACCESS rows are left out (reading a record rightly writes one)."""
    from auditlog.models import LogEntry

    tables = sorted(
        {model._meta.db_table for model in apps.get_models(include_auto_created=True) if model._meta.managed}
    )
    quote = connection.ops.quote_name
    parts = []
    for table in tables:
        where = f" WHERE action <> {int(LogEntry.Action.ACCESS)}" if table == LogEntry._meta.db_table else ""
        parts.append(f"(SELECT COUNT(*) FROM {quote(table)}{where})")
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return dict(zip(tables, cursor.fetchone(), strict=True))


def _text(value) -> str:
    # NUL and the replacement character are dropped and whitespace folded: the HTML parser rewrites them.
    return " ".join(str(value).replace("\x00", "").replace("\ufffd", "").split())


def assert_errors_next_to_fields(html: bytes, form: forms.BaseForm) -> None:
    """Every error is on the page: a field's inside that field's container, tied to the input for screen readers;
    errors of the whole form and of hidden fields in the form's error box."""
    soup = BeautifulSoup(html.decode(), "html.parser")
    for name, messages in form.errors.items():
        if name == NON_FIELD_ERRORS or form[name].is_hidden:
            boxes = " ".join(_text(box.get_text(" ")) for box in soup.select(".form-errors"))
            for message in messages:
                assert _text(message) in boxes, f"{name}: {message!r} is not in the form's error box"
            continue
        field = form[name]
        error_id = f"{field.auto_id}_error"
        element = soup.find(id=error_id)
        assert element is not None, f"{name}: no element #{error_id} for {messages}"
        shown = _text(element.get_text(" "))
        for message in messages:
            assert _text(message) in shown, f"{name}: {message!r} is not in #{error_id}"
        # By name and id: a field called "language" must not be taken for the header's language menu.
        widget = soup.find(attrs={"name": field.html_name, "id": re.compile("^" + re.escape(field.auto_id))})
        assert widget is not None, f"{name}: the field is not on the page"
        container = widget.find_parent(["fieldset", "div"], class_=["field", "choice-group"])
        assert container is not None and container.find(id=error_id), f"{name}: the error is not next to the field"
        if not field.use_fieldset:
            assert error_id in widget.get("aria-describedby", ""), f"{name}: the input does not point to its error"
