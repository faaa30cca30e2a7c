"""The import's two forms: the upload (what, into which team, the file) and the mapping of columns and values."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from employers.imports import reading, schema
from employers.imports.lookups import fold
from employers.models import ImportKind
from ips.forms.scoped import OrganisationScopedForm, ScopedModelChoiceField
from ips.forms.trust import TrustedForm
from ips.models import Team

NOT_IN_FILE = ("", _("— not in the file —"))
REJECT = ("", _("— reject these rows —"))


def import_teams(user):
    """The teams the user may import into: those they supervise, and every team of the organisations they administer."""
    roles = user.roles
    return Team.objects.filter(pk__in=roles.supervisor_teams) | Team.objects.filter(organisation__in=roles.admin_orgs)


class ImportUploadForm(OrganisationScopedForm, TrustedForm):
    kind = forms.ChoiceField(label=_("What the file holds"), choices=ImportKind.choices)
    team = ScopedModelChoiceField(label=_("Team"), queryset=Team.objects.none(), empty_label=None)
    file = forms.FileField(
        label=_("File"),
        help_text=_("Excel (.xlsx) or CSV (.csv, UTF-8 or Windows-1252, separated by ; or ,)."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        teams = import_teams(user).distinct().order_by("name")
        self.fields["team"].queryset = teams
        self.limit_to_organisations(set(teams.values_list("organisation_id", flat=True)))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is %(size)s MB; at most %(limit)s MB can be uploaded. Split it into parts."),
                params={"size": round(upload.size / 2**20, 1), "limit": round(limit / 2**20, 1)},
                code="too_big",
            )
        try:
            reading.file_format(upload.name)
        except reading.ReadError as error:
            raise forms.ValidationError(str(error), code="format") from error
        return upload


class ImportMappingForm(TrustedForm):
    """A select per Polku field (which column holds it), the key column, and a select per unmatched value."""

    def __init__(self, *args, run, **kwargs):
        super().__init__(*args, **kwargs)
        self.run = run
        self.kind = schema.KINDS[run.kind]
        mapping = run.mapping or {}
        columns = mapping.get("columns", {})
        headers = [(header, header) for header in run.headers]
        self.value_fields = []
        for spec in self.kind.fields:
            self.fields[f"col_{spec.name}"] = forms.ChoiceField(
                label=spec.label,
                choices=[NOT_IN_FILE, *headers],
                required=spec.required,
                initial=columns.get(spec.name, ""),
            )
        self.fields["key"] = forms.ChoiceField(
            label=_("Key column for running the import again"),
            choices=[("", _("Automatic (client code, business ID, or the row's own values)")), *headers],
            required=False,
            initial=mapping.get("key", ""),
            help_text=_(
                "Rows whose key an earlier import of this team already holds are updated or skipped, never added twice."
            ),
        )
        chosen = mapping.get("values", {})
        for spec in self.kind.fields:
            if spec.type not in ("choice", "bool"):
                continue
            raw = sorted({*run.unmatched.get(spec.name, []), *chosen.get(spec.name, {})}, key=str.casefold)
            options = spec.options() if spec.type == "choice" else [("true", _("Yes")), ("false", _("No"))]
            for index, value in enumerate(raw):
                name = f"val_{spec.name}_{index}"
                self.fields[name] = forms.ChoiceField(
                    label=_("%(column)s: “%(value)s”") % {"column": spec.label, "value": value},
                    choices=[REJECT, *options],
                    required=False,
                    initial=chosen.get(spec.name, {}).get(fold(value), ""),
                )
                self.value_fields.append((name, spec.name, value))

    def column_fields(self):
        return [self[f"col_{spec.name}"] for spec in self.kind.fields]

    def value_bound_fields(self):
        return [self[name] for name, _field, _value in self.value_fields]

    def clean(self):
        cleaned = super().clean()
        used = {}
        for spec in self.kind.fields:
            header = cleaned.get(f"col_{spec.name}")
            if header and header in used:
                self.add_error(
                    f"col_{spec.name}",
                    forms.ValidationError(
                        _("The column “%(header)s” is already chosen for “%(other)s”."),
                        params={"header": header, "other": used[header]},
                        code="twice",
                    ),
                )
            elif header:
                used[header] = spec.label
        if self.kind.code == ImportKind.TIME_ENTRIES and not (cleaned.get("col_minutes") or cleaned.get("col_hours")):
            self.add_error(
                "col_minutes", forms.ValidationError(_("Choose the column of minutes or of hours."), code="time")
            )
        return cleaned

    def mapping(self) -> dict:
        data = self.cleaned_data
        columns = {spec.name: data[f"col_{spec.name}"] for spec in self.kind.fields if data.get(f"col_{spec.name}")}
        values = {}
        for name, field_name, value in self.value_fields:
            values.setdefault(field_name, {})[fold(value)] = data.get(name) or ""
        return {"columns": columns, "values": values, "key": data.get("key") or ""}
