"""Checking every row of an import with the forms the pages use, before anything is written.

A row becomes the data a user would have typed (dates as ISO text, choices as codes, coaches, clients and
employers as the primary keys a select would send) and is bound to the UI's own form: the business ID's check
digit, dates, minutes, consent for network work, the client's programme entry and everything else the form checks
are checked here the same way, with the same messages. Rules across rows (a duplicate row, a day over 16 hours
with the file's other rows, a coach without a role in the team that day) are added on top.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.forms import EmployerContactForm, EmployerForm, JobEndForm, JobStartForm
from employers.imports import schema
from employers.imports.binding import as_posted, flag, form_snapshot, prefetch_choices, rebind, without_repeat_queries
from employers.imports.lookups import Lookups, fold, row_key
from employers.imports.reading import Sheet
from employers.models import Employer, EmployerContact, ImportKind, Job
from ips.forms.clients import ClientForm, team_coaches
from ips.forms.entries import TimeEntryForm
from ips.forms.fields import not_in_future
from ips.models import Client, ServiceType, Stage, Team, TimeEntry

CREATE, UPDATE, SKIP = "create", "update", "skip"
KEY_LENGTH = 200  # ImportedRow.key
MODELS = {
    ImportKind.CLIENTS: Client,
    ImportKind.EMPLOYERS: Employer,
    ImportKind.CONTACTS: EmployerContact,
    ImportKind.JOBS: Job,
    ImportKind.TIME_ENTRIES: TimeEntry,
}


@dataclass
class Row:
    number: int
    cells: list
    values: dict = field(default_factory=dict)
    errors: list = field(default_factory=list)  # (header, message)
    key: str = ""
    action: str = CREATE
    existing: object = None
    form: object = None
    extra: dict = field(default_factory=dict)


@dataclass
class Result:
    rows: list
    unmatched: dict  # field -> sorted raw values

    @property
    def bad(self) -> list:
        return [row for row in self.rows if row.errors]

    def problems(self) -> list[dict]:
        return [
            {"row": row.number, "column": header, "message": message}
            for row in self.bad
            for header, message in row.errors
        ]


class Checker:
    def __init__(self, run, sheet: Sheet, *, progress=None):
        self.run = run
        self.kind = schema.KINDS[run.kind]
        self.sheet = sheet
        self.lookups = Lookups(run)
        self.mapping = run.mapping or {}
        self.columns = {
            name: header for name, header in self.mapping.get("columns", {}).items() if header in sheet.headers
        }
        self.progress = progress or (lambda percent: None)
        self.unmatched = {}
        self.today = timezone.localdate()

    def header(self, name: str) -> str:
        return self.columns.get(name, "")

    # --- cells to values ------------------------------------------------------------------------------------------

    def _values(self, row: Row) -> None:
        """Each mapped column's cell as a form would take it; a choice outside the mapping is an error."""
        for name, header in self.columns.items():
            spec = self.kind.field(name)
            raw = row.cells[self.sheet.column(header)]
            if raw is None:
                row.values[name] = None
                continue
            if spec.type == schema.DATE:
                row.values[name] = schema.as_date(raw)
            elif spec.type in ("int", "decimal"):
                row.values[name] = schema.as_number(raw)
            elif spec.type in ("choice", "bool"):
                row.values[name] = self._choice(row, spec, raw)
            else:
                row.values[name] = schema.as_text(raw)

    def _choice(self, row: Row, spec, raw):
        text = schema.as_text(raw)
        chosen = self.mapping.get("values", {}).get(spec.name, {})
        if fold(text) in chosen:
            value = chosen[fold(text)]
        else:
            if spec.name not in self._matchers:
                self._matchers[spec.name] = spec.matcher()
            value = self._matchers[spec.name].get(fold(text))
            if value is None:
                self.unmatched.setdefault(spec.name, set()).add(text)
        if not value:
            row.errors.append(
                (self.header(spec.name), _("“%(value)s” is not mapped to any choice of this column.") % {"value": text})
            )
        return value or None

    @property
    def _matchers(self) -> dict:
        if not hasattr(self, "_matcher_cache"):
            self._matcher_cache = {}
        return self._matcher_cache

    def _coach(self, row: Row, required=True):
        value = row.values.get(schema.COACH)
        if value is None:
            if required:
                row.errors.append((self.header(schema.COACH), _("Give the coach.")))
            return None
        coach = self.lookups.coaches.get(fold(value))
        if coach is None:
            row.errors.append(
                (self.header(schema.COACH), _("No one called “%(value)s” works in the team.") % {"value": value})
            )
        return coach

    def _client(self, row: Row, required=False):
        value = row.values.get("client")
        if value is None:
            if required:
                row.errors.append((self.header("client"), _("Give the client's code.")))
            return None
        client = self.lookups.clients.get(fold(value))
        if client is None:
            row.errors.append(
                (self.header("client"), _("The team has no client with the code “%(value)s”.") % {"value": value})
            )
        return client

    def _employer(self, row: Row):
        value = row.values.get("employer")
        if value is None:
            row.errors.append((self.header("employer"), _("Give the employer's name or business ID.")))
            return None
        employer = self.lookups.employer(value)
        if employer is None:
            row.errors.append(
                (
                    self.header("employer"),
                    _("“%(value)s” is not in the employer register. Import the employers first.") % {"value": value},
                )
            )
        return employer

    # --- keys: what a re-import matches -----------------------------------------------------------------------------

    def _key(self, row: Row) -> str:
        key = self._raw_key(row)
        return key if len(key) <= KEY_LENGTH else row_key({"key": key})

    def _raw_key(self, row: Row) -> str:
        chosen = self.mapping.get("key", "")
        if chosen and chosen in self.sheet.headers:
            cell = row.cells[self.sheet.column(chosen)]
            if cell is not None:
                return f"col:{fold(schema.as_text(cell))}"
        natural = self.kind.natural_key
        if natural and row.values.get(natural):
            return f"{natural}:{fold(row.values[natural])}"
        return row_key({name: schema.as_text(value) for name, value in row.values.items() if value is not None})

    def _match(self, row: Row, imported: dict, model) -> None:
        pk = imported.get(row.key)
        if pk is not None:
            row.existing = model._default_manager.filter(pk=pk).first()

    # --- the check ------------------------------------------------------------------------------------------------

    def check(self) -> Result:
        rows = [Row(number, cells) for number, cells in self.sheet.rows]
        missing = [spec.name for spec in self.kind.fields if spec.required and spec.name not in self.columns]
        if missing:
            raise ValueError(f"required fields not mapped: {missing}")  # the mapping form refuses this first
        total = len(rows) or 1
        for row in rows:
            self._values(row)
            row.key = self._key(row)
        imported = self.lookups.imported(self.run.kind)
        model = MODELS[self.run.kind]
        prepare = getattr(self, f"_prepare_{self.run.kind}", None)
        if prepare:
            prepare(rows)
        seen = {}
        check_row = getattr(self, f"_check_{self.run.kind}")
        for index, row in enumerate(rows, start=1):
            if row.key in seen:
                row.errors.append(("", _("The same as row %(number)d.") % {"number": seen[row.key]}))
            else:
                seen[row.key] = row.number
                self._match(row, imported, model)
                check_row(row)
            if index % 500 == 0:
                self.progress(min(95, 5 + 90 * index // total))
        return Result(rows, {name: sorted(values) for name, values in self.unmatched.items()})

    def _form_errors(self, row: Row, form, names: dict | None = None) -> None:
        names = names or {}
        # A cell whose value could not be mapped already has its message: the form's "required" adds nothing.
        told = {header for header, _message in row.errors if header}
        for name, messages in form.errors.items():
            header = "" if name == "__all__" else self.header(names.get(name, name))
            if header not in told:
                row.errors.extend((header, str(message)) for message in messages)

    def _settled(self, row: Row, told: int) -> bool:
        """Nothing more to check: a lookup of the row failed (more errors than `told`), or the row is one an earlier
        import made and no key column was mapped to update it by (SKIP: nothing to change)."""
        if len(row.errors) > told:
            return True
        if row.existing is not None and not self.mapping.get("key"):
            row.action = SKIP
            return True
        return False

    def _date(self, row: Row, name: str) -> str:
        value = row.values.get(name)
        return value.isoformat() if isinstance(value, date) else (value or "")

    # --- time entries ---------------------------------------------------------------------------------------------

    def _prepare_time_entries(self, rows) -> None:
        days = [row.values.get(schema.DATE) for row in rows if isinstance(row.values.get(schema.DATE), date)]
        coach_ids = list(self.lookups.memberships)
        self.day_totals = self.lookups.day_totals(coach_ids, min(days), max(days)) if days and coach_ids else {}
        self.day_added = {}
        self.consents = self.lookups.consents()
        self.entry_forms = {}

    def _entry_form(self, coach, data, instance):
        """The coach's TimeEntryForm, built once and bound to each row in turn (see rebind)."""
        form = self.entry_forms.get(coach.pk)
        if form is None:
            form = TimeEntryForm({}, user=coach, instance=TimeEntry(team_id=self.run.team_id))
            # As for an entry that already names its client: any client the coach sees, closed ones too (history).
            form.fields["client"].queryset = Client.objects.visible_to(coach)
            prefetch_choices(form.fields["client"])
            prefetch_choices(form.fields["kind"])
            form.logged_on = lambda day, coach_id=coach.pk: (
                self.day_totals.get((coach_id, day), 0) + self.day_added.get((coach_id, day), 0)
            )
            form.has_consent = lambda client, day: any(c.is_valid_on(day) for c in self.consents.get(client.pk, ()))
            self.entry_forms[coach.pk] = form
        return rebind(form, data, instance)

    def _check_time_entries(self, row: Row) -> None:
        told = len(row.errors)
        coach, client = self._coach(row), self._client(row)
        if self._settled(row, told):
            return
        minutes = row.values.get("minutes")
        if minutes is None and row.values.get("hours") is not None:
            try:
                minutes = str(round(Decimal(row.values["hours"]) * 60))
            except InvalidOperation:
                row.errors.append((self.header("hours"), _("Give the hours as a number, e.g. 1,5.")))
                return
        kind_pk = self.lookups.kinds.get(row.values.get("kind"))
        data = {
            "date": self._date(row, schema.DATE),
            "minutes": minutes or "",
            "kind": kind_pk or "",
            "setting": row.values.get("setting") or "office",
            "client": client.pk if client else "",
            "note": row.values.get("note") or "",
        }
        instance = row.existing or TimeEntry(team_id=self.run.team_id, client_id=client.pk if client else None)
        form = self._entry_form(coach, data, without_repeat_queries(instance, {"kind", "client"}))
        names = {"minutes": "minutes" if "minutes" in self.columns else "hours"}
        if not form.is_valid():
            self._form_errors(row, form, names)
            return
        day, added = form.cleaned_data["date"], form.cleaned_data["minutes"]
        if not self.lookups.coached_on(coach, day):
            row.errors.append(
                (
                    self.header(schema.COACH),
                    _("%(name)s had no role in the team on this day (see their roles and FTE shares).")
                    % {"name": coach.get_full_name() or coach.username},
                )
            )
            return
        # The form counted what is saved and the file's rows above this one (logged_on): now this one too.
        key = (coach.pk, day)
        self.day_added[key] = self.day_added.get(key, 0) + added
        row.form, row.action = form_snapshot(form), UPDATE if row.existing else CREATE
        row.extra["coach"] = coach

    # --- employer contacts ----------------------------------------------------------------------------------------

    def _check_contacts(self, row: Row) -> None:
        told = len(row.errors)
        coach, employer, client = self._coach(row), self._employer(row), self._client(row)
        if self._settled(row, told):
            return
        data = {
            "employer": employer.pk,
            "date": self._date(row, schema.DATE),
            "face_to_face": flag(row.values.get("face_to_face"), True),
            "minutes": row.values.get("minutes") or "",
            "purpose": row.values.get("purpose") or "",
            "client": client.pk if client else "",
            "matches_client_preferences": row.values.get("matches_client_preferences") or "",
            "outcome": row.values.get("outcome") or "",
            "next_step": row.values.get("next_step") or "",
            "next_step_on": self._date(row, "next_step_on"),
        }
        # A history row keeps its date: the wrong-year check of a contact typed today does not apply to it.
        day = row.values.get(schema.DATE)
        instance = row.existing or EmployerContact(date=day if isinstance(day, date) else None)
        form = EmployerContactForm(data, user=coach, instance=instance)
        if not form.is_valid():
            self._form_errors(row, form)
            return
        row.form, row.action = form, UPDATE if row.existing else CREATE

    # --- jobs -----------------------------------------------------------------------------------------------------

    def _check_jobs(self, row: Row) -> None:
        told = len(row.errors)
        client, employer = self._client(row, required=True), self._employer(row)
        if self._settled(row, told):
            return
        data = {
            "employer": employer.pk,
            "title": row.values.get("title") or "",
            "occupation_code": row.values.get("occupation_code") or "",
            "start_date": self._date(row, "start_date"),
            "hours_per_week": row.values.get("hours_per_week") or "",
            "hourly_wage": row.values.get("hourly_wage") or "",
            "contract_type": row.values.get("contract_type") or "",
            "competitive": flag(row.values.get("competitive"), True),
            "wage_subsidy": flag(row.values.get("wage_subsidy"), False),
        }
        form = JobStartForm(data, user=self.run.created_by, client=client, instance=row.existing)
        if not form.is_valid():
            self._form_errors(row, form)
            return
        if row.values.get("end_date") is not None or row.values.get("end_reason") is not None:
            job = Job(start_date=form.cleaned_data["start_date"])
            end = JobEndForm(
                {"end_date": self._date(row, "end_date"), "end_reason": row.values.get("end_reason") or ""},
                instance=job,
            )
            if not end.is_valid():
                self._form_errors(row, end)
                return
            row.extra["end"] = end.cleaned_data
        row.form, row.action = form, UPDATE if row.existing else CREATE
        row.extra["client"] = client

    # --- employers ------------------------------------------------------------------------------------------------

    def _check_employers(self, row: Row) -> None:
        organisation = self.run.team.organisation
        if row.existing is None:
            business_id = row.values.get("business_id")
            found = self.lookups.employer(business_id) if business_id else None
            row.existing = found or self.lookups.employers.get(fold(row.values.get("name") or ""))
        mapped = {name: value for name, value in row.values.items() if name in EmployerForm._meta.fields}
        base = as_posted(EmployerForm, row.existing) if row.existing else {"status": Employer.Status.LEAD}
        # An empty cell keeps what is saved (or the default of a new row): it never clears a value.
        mapped = {name: value for name, value in mapped.items() if value is not None}
        data = {**base, **mapped}
        if row.existing and all(str(base.get(name, "")) == str(value) for name, value in mapped.items()):
            row.action = SKIP
            return
        # A row whose name is in the register (fold(): the form's own rule) updated that employer above, so the
        # form need not look the name up again, a query a row.
        data["same_name"] = True
        form = EmployerForm(data, organisation=organisation, instance=row.existing)
        if not form.is_valid():
            self._form_errors(row, form)
            return
        row.form, row.action = form, UPDATE if row.existing else CREATE

    # --- clients --------------------------------------------------------------------------------------------------

    def _match_client(self, row: Row) -> None:
        code = row.values.get("code")
        if code and row.existing is None:
            row.existing = self.lookups.clients.get(fold(code))

    def _check_clients(self, row: Row) -> None:
        self._match_client(row)
        told = len(row.errors)
        coach = self._coach(row, required=False)
        if len(row.errors) > told:
            return
        team = self.run.team
        fields = [name for name in ClientForm._meta.fields if name in self.columns and name != schema.COACH]
        values = {name: row.values.get(name) for name in fields if row.values.get(name) is not None}
        values = {name: (v.isoformat() if isinstance(v, date) else v) for name, v in values.items()}
        if row.existing is not None:
            base = as_posted(ClientForm, row.existing)
        else:
            base = {"gender": "unknown", "language": "fi", "service_type": "ips", "out_of_work_at_referral": "on"}
        data = {**base, **values, "team": team.pk}
        if coach is not None:
            data["coach"] = coach.pk
        if (
            row.existing
            and all(str(base.get(name, "")) == str(value) for name, value in values.items())
            and (coach is None or base.get("coach") == coach.pk)
        ):
            row.action = SKIP
            return
        instance = row.existing or Client(organisation_id=team.organisation_id, team=team)
        form = ClientForm(data, user=self.run.created_by, instance=instance)
        # The importer may be the organisation's admin, who works in no team: the run's team and its coaches.
        form.fields["team"].queryset = Team.objects.filter(pk=team.pk)
        form.fields["coach"].queryset = team_coaches([team.pk])
        if not form.is_valid():
            self._form_errors(row, form)
        if row.existing is None:
            self._check_new_client(row)
        if row.errors:
            return
        row.form, row.action = form, UPDATE if row.existing else CREATE

    def _past(self, row: Row, name: str, *, required=False):
        value = row.values.get(name)
        if value is None:
            if required:
                row.errors.append((self.header(name) or "", _("This field is required.")))
            return None
        if not isinstance(value, date):
            row.errors.append((self.header(name), _("Enter a valid date.")))
            return None
        try:
            return not_in_future(value)
        except forms.ValidationError as error:
            row.errors.extend((self.header(name), message) for message in error.messages)
            return None

    def _check_new_client(self, row: Row) -> None:
        """What accepting a referral, moving the stage and closing would check, for a client met before Polku."""
        entry = self._past(row, "programme_entry", required=True)
        consent = self._past(row, "consent_given_on")
        stage = row.values.get("stage") or Stage.ENGAGEMENT
        closed_on = self._past(row, "closed_on", required=stage == Stage.CLOSED)
        if stage == Stage.CLOSED and not row.values.get("outcome"):
            row.errors.append((self.header("outcome"), _("A closed client needs an outcome.")))
        if entry and closed_on and closed_on < entry:
            row.errors.append((self.header("closed_on"), _("The date is before the client's programme entry.")))
        if stage != Stage.CLOSED:
            # The date would be dropped on the way in: only a closed client has one.
            for name in ("closed_on", "service_ended"):
                if row.values.get(name) is not None:
                    row.errors.append((self.header(name), _("Only a closed client has this date: leave it empty.")))
        service_started = self._past(row, "service_started") or entry
        service_ended = self._past(row, "service_ended") or closed_on
        if entry and service_started < entry:
            row.errors.append((self.header("service_started"), _("The date is before the client's programme entry.")))
        elif service_started and service_ended and service_ended < service_started:
            row.errors.append((self.header("service_ended"), _("The service cannot end before it starts.")))
        elif closed_on and service_ended and service_ended > closed_on:
            row.errors.append((self.header("service_ended"), _("The service cannot end after the client's closure.")))
        if entry and consent is not None and consent < date(1990, 1, 1):
            row.errors.append((self.header("consent_given_on"), _("Enter a valid date.")))
        source = row.values.get("source")
        row.extra.update(
            entry=entry,
            stage=stage,
            closed_on=closed_on if stage == Stage.CLOSED else None,
            outcome=row.values.get("outcome") or "",
            service_type=row.values.get("service_type") or ServiceType.IPS,
            service_started=service_started,
            service_ended=service_ended if stage == Stage.CLOSED else None,
            consent=consent,
            source=self.lookups.sources.get(source) if source else None,
        )
