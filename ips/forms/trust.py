"""Two promises every form that writes keeps, whatever the app: a double submit saves once, and a save based on
what someone else has since changed never overwrites it silently.

- `OneTimeSubmitMixin` (every form that writes): a hidden one-time `submission_id`. ips.submissions'
  middleware claims it in the same transaction as the save; a repeat POST with it saves nothing and gets the
  first POST's answer.
- `StaleSaveMixin` (every ModelForm that may edit an existing row): a hidden `row_fingerprint`, a hash of the
  row's saved values of the form's fields as the form was loaded. On POST the row is read again (locked for the
  request's transaction) and, if it changed and differs from what the user sent, the save is refused: the user's
  input stays in the fields, each field shows what was saved meanwhile, and the form carries the new fingerprint
  so that saving again knowingly replaces the other person's values.

`TrustedForm` and `TrustedModelForm` are the bases a new form starts from; tests/trust/ fails for a form that
writes without them.
"""

import hashlib
import json
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db import models, router, transaction
from django.forms.models import model_to_dict
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ips.changes import shown_in_form

SUBMISSION_FIELD = "submission_id"
FINGERPRINT_FIELD = "row_fingerprint"
# The fingerprint of a row that did not exist when the form was loaded (a vocational profile written for the first
# time): if someone creates it meanwhile, the second save is refused like any other stale one.
NO_ROW = "none"
TRANSPORT_FIELDS = {SUBMISSION_FIELD, FINGERPRINT_FIELD}

STALE_MESSAGE = _(
    "Someone else saved this while you were editing, so your changes are not saved yet. What they saved is shown "
    "next to each field; your own input is kept. Saving again replaces their values with yours."
)
GONE_MESSAGE = _("Someone deleted this while you were editing, so your changes cannot be saved.")

# The one-time forms validated during the current request: the middleware reads it to tell a save from a refusal.
_validated: ContextVar[list | None] = ContextVar("polku_one_time_forms", default=None)


def parse_submission_id(value) -> uuid.UUID | None:
    """A posted submission id, or None for anything that is not a uuid (a form from elsewhere, or a forgery)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value or ""))
    except ValueError:
        return None


class SubmissionIdField(forms.Field):
    """Hidden, never an error: a missing or broken id only means the POST is not protected against a repeat."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        kwargs.setdefault("initial", uuid.uuid4)
        super().__init__(required=False, **kwargs)

    def clean(self, value):
        return parse_submission_id(value)

    def has_changed(self, initial, data):
        return False  # transport, not a value the user changes (form.changed_data stays about the user's input)


class FingerprintField(forms.CharField):
    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, **kwargs)

    def has_changed(self, initial, data):
        return False


@contextmanager
def collect_validated_forms():
    """The one-time forms validated inside the block, as a list filled while it runs."""
    seen = []
    token = _validated.set(seen)
    try:
        yield seen
    finally:
        _validated.reset(token)


class OneTimeSubmitMixin:
    """A hidden one-time submission id; ips.submissions.OneTimeSubmissionMiddleware saves its POST only once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[SUBMISSION_FIELD] = SubmissionIdField()

    def full_clean(self):
        super().full_clean()
        if self.is_bound:
            self.cleaned_data.pop(SUBMISSION_FIELD, None)  # transport only: views pass cleaned_data on as arguments
        seen = _validated.get()
        if seen is not None and self.is_bound:
            seen.append(self)


def _row_fields(instance, names) -> list[models.Field]:
    """The model fields among the form's fields (a form may add fields of its own)."""
    fields = []
    for name in names:
        if name in TRANSPORT_FIELDS:
            continue  # a log entry's own submission_id column is not a value the user edits
        try:
            field = instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.Field) and (field.concrete or field.many_to_many):
            fields.append(field)
    return fields


def row_fingerprint(instance, names) -> str:
    """A hash of the row's values of the named fields: it changes when anyone saves other values into them."""
    if instance is None or instance.pk is None:
        return NO_ROW
    values = []
    for field in _row_fields(instance, names):
        if field.many_to_many:
            related = getattr(instance, field.attname).order_by().values_list("pk", flat=True)
            value = sorted(str(pk) for pk in related)
        else:
            value = field.value_to_string(instance)
        values.append([field.name, value])
    text = json.dumps([instance._meta.label, str(instance.pk), values], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class StaleSaveMixin:
    """For a ModelForm: refuse a stale save of an existing row, showing the other person's values beside the user's.

    Checked while the form validates, so every view that re-renders an invalid form shows the refusal without code
    of its own. Inside a transaction (the middleware runs every protected POST in one) the row stays locked until
    the view has saved, so two saves cannot both pass the check.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[FINGERPRINT_FIELD] = FingerprintField()
        self.saved_meanwhile = {}
        if not self.is_bound:
            # Computed when rendered: a subclass's __init__ may still remove fields (a fixed employer, say).
            self.initial[FINGERPRINT_FIELD] = lambda: row_fingerprint(self.instance, self.fields)

    def _post_clean(self):
        super()._post_clean()
        self.cleaned_data.pop(FINGERPRINT_FIELD, None)  # transport only, like the submission id
        sent = self.data.get(self.add_prefix(FINGERPRINT_FIELD))
        if not sent or self.instance.pk is None:
            return  # no fingerprint (a form not from Polku's pages) or a new row: nothing to be stale against
        model = type(self.instance)
        rows = model._base_manager.filter(pk=self.instance.pk)
        if transaction.get_connection(router.db_for_write(model)).in_atomic_block:
            rows = rows.select_for_update()
        current = rows.first()
        if current is None:
            self.add_error(None, forms.ValidationError(GONE_MESSAGE, code="gone"))
            return
        fingerprint = row_fingerprint(current, self.fields)
        if sent == fingerprint:
            return
        names = [field.name for field in _row_fields(current, self.fields)]
        theirs = model_to_dict(current, fields=names)
        differing = [name for name in names if self.fields[name].has_changed(theirs.get(name), self[name].data)]
        if not differing:
            return  # what was saved meanwhile is what the user sends (their own repeat, or the same change)
        for name in differing:
            shown = self._shown(name, theirs.get(name))
            self.saved_meanwhile[name] = shown
            self.fields[name].saved_meanwhile = shown
        self.add_error(None, forms.ValidationError(STALE_MESSAGE, code="stale"))
        data = self.data.copy()
        data[self.add_prefix(FINGERPRINT_FIELD)] = fingerprint
        self.data = data

    def _shown(self, name, value) -> str:
        """The other person's value as the form would show it: a choice's label, an object's name, a date."""
        return shown_in_form(self.fields[name], value, empty=gettext("(empty)"))


class TrustedForm(OneTimeSubmitMixin, forms.Form):
    """A plain form that writes: saved once per submission."""


class TrustedModelForm(OneTimeSubmitMixin, StaleSaveMixin, forms.ModelForm):
    """A ModelForm: saved once per submission, and never over someone else's newer save."""
