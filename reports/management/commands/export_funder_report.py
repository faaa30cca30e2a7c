"""Write the funder workbook of one organisation and period to a file, e.g. for a scheduled monthly report."""

from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ips import audit
from ips.models import Client, Organisation, User
from reports import workbook
from reports.metrics import Period, Scope


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date (YYYY-MM-DD): {value}") from error


class Command(BaseCommand):
    help = "Write the funder workbook (Excel) of an organisation for a period."

    def add_arguments(self, parser):
        parser.add_argument("--org", required=True, help="Organisation short code, e.g. poh")
        parser.add_argument(
            "--as",
            dest="username",
            required=True,
            help="Username of the reporter or organisation admin the file is for: the access log names them",
        )
        parser.add_argument("--from", dest="start", required=True, type=iso_date, help="First day, YYYY-MM-DD")
        parser.add_argument("--to", dest="end", required=True, type=iso_date, help="Last day, YYYY-MM-DD")
        parser.add_argument("--out", required=True, help="The .xlsx file to write")
        parser.add_argument(
            "--no-suppress", action="store_true", help="Show counts of 1–4 as they are (internal use only)"
        )
        parser.add_argument("--language", default=settings.LANGUAGE_CODE, choices=[c for c, _n in settings.LANGUAGES])

    def handle(self, *args, org, username, start, end, out, no_suppress, language, **options):
        if end < start:
            raise CommandError("--to must not be before --from")
        try:
            organisation = Organisation.objects.get(code__iexact=org)
        except Organisation.DoesNotExist as error:
            raise CommandError(f"No organisation with the code {org!r}") from error
        actor = User.objects.filter(username=username, is_active=True).first()
        if actor is None or organisation.pk not in actor.roles.reporter_orgs | actor.roles.admin_orgs:
            raise CommandError(f"{username!r} is not an active reporter or organisation admin of {organisation.code}")
        scope = Scope(
            team_ids=frozenset(organisation.teams.values_list("pk", flat=True)),
            label=organisation.name,
            kind="organisation",
            organisation_ids=frozenset({organisation.pk}),
        )
        with translation.override(language):
            result = workbook.build(scope, Period(start, end), suppressed=not no_suppress)
        result.workbook.save(out)
        # The Clients sheet lists clients by pseudonym code: the file is a read of each, by the person it is for.
        clients = Client.objects.filter(pk__in=result.client_ids).only("pk", "code", "uuid")
        audit.log_access_by(actor, clients, export="xlsx")
        self.stdout.write(f"Wrote {out}: {organisation.name}, {start:%Y-%m-%d}–{end:%Y-%m-%d}")
