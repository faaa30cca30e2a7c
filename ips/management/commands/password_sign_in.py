"""Switches local passwords off (or on again) for an organisation that signs its staff in through single sign-on:
`manage.py password_sign_in poh off`."""

from django.core.management.base import BaseCommand, CommandError

from ips.models import Organisation


class Command(BaseCommand):
    help = "Allow or refuse password sign-in for an organisation's staff (off: single sign-on only)."

    def add_arguments(self, parser):
        parser.add_argument("organisation", help="the organisation's short code")
        parser.add_argument("state", choices=["on", "off"])

    def handle(self, *args, organisation, state, **options):
        updated = Organisation.objects.filter(code=organisation).update(password_sign_in=state == "on")
        if not updated:
            raise CommandError(f"no organisation with the code {organisation!r}")
        self.stdout.write(f"password sign-in for {organisation}: {state}")
