"""Everything a check looks rows up in, read once per run: coaches, clients, employers, kinds and earlier imports.

A check of 10,000 rows must not ask the database 10,000 times for the same coach; the forms still validate each
row, with these rows handed to them.
"""

import hashlib
from collections import defaultdict
from functools import cached_property

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, Sum

from employers.models import Employer, ImportedRow, ImportKind, ImportRun
from employers.validators import normalise_business_id
from ips.models import ActivityKind, Client, Consent, Membership, ReferralSource, TimeEntry, User

# The model each kind's main rows are, for finding the rows of earlier imports again.
MAIN_MODEL = {
    ImportKind.CLIENTS: ("ips", "client"),
    ImportKind.EMPLOYERS: ("employers", "employer"),
    ImportKind.CONTACTS: ("employers", "employercontact"),
    ImportKind.JOBS: ("employers", "job"),
    ImportKind.TIME_ENTRIES: ("ips", "timeentry"),
}


def fold(value) -> str:
    return " ".join(str(value).split()).casefold()


def row_key(values: dict) -> str:
    """A row's own values as a key: the same row imported again has the same key."""
    text = "|".join(f"{name}={values[name]}" for name in sorted(values))
    return "row:" + hashlib.sha256(text.encode()).hexdigest()[:40]


class Lookups:
    def __init__(self, run: ImportRun):
        self.run = run
        self.team = run.team
        self.organisation_id = run.team.organisation_id

    @cached_property
    def memberships(self) -> dict[int, list[Membership]]:
        """Each coach's and supervisor's roles in the team, of every date (history is imported too)."""
        found = defaultdict(list)
        rows = Membership.objects.filter(team=self.team, role__in=Membership.TEAM_ROLES).select_related("user")
        for membership in rows:
            found[membership.user_id].append(membership)
        return found

    @cached_property
    def coaches(self) -> dict[str, User]:
        """username, e-mail and full name, casefolded -> the person (members of the team only)."""
        found = {}
        for memberships in self.memberships.values():
            user = memberships[0].user
            for name in (user.username, user.email, f"{user.first_name} {user.last_name}", user.get_full_name()):
                if name and name.strip():
                    found.setdefault(fold(name), user)
        return found

    def coached_on(self, user, day) -> bool:
        """Held a coach or supervisor role in the team on the day (the dated membership, its FTE share's span)."""
        for membership in self.memberships.get(user.pk, []):
            if (membership.started is None or membership.started <= day) and (
                membership.ended is None or day < membership.ended
            ):
                return True
        return False

    def imported(self, kind: str) -> dict[str, int]:
        """key -> object id of the rows earlier imports of this kind into this team made and still hold."""
        content_type = ContentType.objects.get_by_natural_key(*MAIN_MODEL[kind])
        rows = ImportedRow.objects.filter(
            run__team=self.team,
            run__kind=kind,
            run__status=ImportRun.Status.DONE,
            content_type=content_type,
        ).exclude(key="")
        return dict(rows.values_list("key", "object_id"))

    @cached_property
    def clients(self) -> dict[str, Client]:
        """Pseudonym code (and the code an earlier client import read from the file), casefolded -> client."""
        rows = Client.objects.filter(team=self.team).only(
            "pk", "uuid", "code", "organisation_id", "team_id", "programme_entry", "stage", "anonymised_on"
        )
        by_pk = {client.pk: client for client in rows}
        found = {fold(client.code): client for client in by_pk.values()}
        for key, pk in self.imported(ImportKind.CLIENTS).items():
            if key.startswith("code:") and pk in by_pk:
                found.setdefault(fold(key.removeprefix("code:")), by_pk[pk])
        return found

    @cached_property
    def employers(self) -> dict[str, Employer]:
        """Business ID and name, casefolded -> employer of the organisation."""
        found = {}
        for employer in Employer.objects.filter(organisation_id=self.organisation_id):
            found.setdefault(fold(employer.name), employer)
            if employer.business_id:
                found[employer.business_id] = employer
        return found

    def employer(self, value) -> Employer | None:
        try:
            business_id = normalise_business_id(str(value))
        except Exception:
            business_id = None
        return self.employers.get(business_id) if business_id else self.employers.get(fold(value))

    @cached_property
    def kinds(self) -> dict[str, int]:
        return dict(ActivityKind.objects.values_list("code", "pk"))

    @cached_property
    def sources(self) -> dict[str, ReferralSource]:
        return {source.code: source for source in ReferralSource.objects.all()}

    def consents(self) -> dict[int, list[Consent]]:
        """client id -> consents, for the team's clients: one query."""
        found = defaultdict(list)
        for consent in Consent.objects.filter(client__team=self.team):
            found[consent.client_id].append(consent)
        return found

    def day_totals(self, coach_ids, first, last) -> dict:
        """(coach id, date) -> minutes already logged, for the coaches and days of the file: one query."""
        rows = (
            TimeEntry.objects.filter(Q(coach__in=coach_ids), date__gte=first, date__lte=last)
            .values_list("coach", "date")
            .annotate(total=Sum("minutes"))
            .order_by()
        )
        return {(coach, day): total for coach, day, total in rows}
