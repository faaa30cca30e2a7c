"""Write the funder workbook of one organisation and period to a file, e.g. for a scheduled monthly report."""

from argparse import ArgumentTypeError
from datetime import date

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from ips.models import Organisation, User
from reports import workbook
from reports.metrics import Period, Scope
from reports.scopes import log_unsuppressed


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise ArgumentTypeError(f"not a date (YYYY-MM-DD): {value}") from error


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
        if no_suppress and organisation.pk not in actor.roles.unsuppressed_orgs:
            raise CommandError(f"{username!r} may not turn suppression off for {organisation.code}")
        scope = Scope(
            team_ids=frozenset(organisation.teams.values_list("pk", flat=True)),
            label=organisation.name,
            kind="organisation",
            organisation_ids=frozenset({organisation.pk}),
        )
        with translation.override(language):
            result = workbook.build(scope, Period(start, end), suppressed=not no_suppress)
        result.workbook.save(out)
        if no_suppress:
            log_unsuppressed(actor, scope, Period(start, end))
        self.stdout.write(f"Wrote {out}: {organisation.name}, {start:%Y-%m-%d}–{end:%Y-%m-%d}")
