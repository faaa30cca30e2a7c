"""Demo data: fictional people of a fictional pilot, the same every time, safe to run again."""

from decimal import Decimal

from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from ips import demo as demo_clients
from ips import demo_team
from ips.models import CONTENT_EDITORS_GROUP, Membership, Organisation, Team, User

DEMO_PASSWORD = "polku-demo-2026"

ORGANISATIONS = [
    ("POH", "Pohjanmaan hyvinvointialue"),
    ("PIR", "Pirkanmaan hyvinvointialue"),
]
TEAMS = [
    ("POH", "Vaasan työkykytiimi"),
    ("POH", "Pietarsaaren työkykytiimi"),
    ("PIR", "Tampereen IPS-tiimi"),
    ("PIR", demo_team.TEAM),
]
# username, first name, last name, role, organisation code, team name (team roles), FTE, language
PEOPLE = [
    ("coach", "Aino", "Laine", Membership.Role.COACH, "POH", "Vaasan työkykytiimi", "1.00", "fi"),
    ("coach2", "Mikael", "Björk", Membership.Role.COACH, "POH", "Vaasan työkykytiimi", "0.80", "sv"),
    ("supervisor", "Helena", "Koski", Membership.Role.SUPERVISOR, "POH", "Vaasan työkykytiimi", None, "fi"),
    ("coach.other", "Juha", "Niemi", Membership.Role.COACH, "POH", "Pietarsaaren työkykytiimi", "1.00", "fi"),
    # The multi-professional team's lead: reads its team report (services, overdue plans, network meetings).
    ("pir.lead", "Kaisa", "Kivelä", Membership.Role.SUPERVISOR, "PIR", "Tampereen työkyvyn tuen tiimi", None, "fi"),
    ("reviewer", "Satu", "Virtanen", Membership.Role.REVIEWER, "POH", None, None, "fi"),
    ("reporter", "Pekka", "Salo", Membership.Role.REPORTER, "POH", None, None, "fi"),
    ("orgadmin", "Liisa", "Mäki", Membership.Role.ORG_ADMIN, "POH", None, None, "fi"),
    ("editor", "Emma", "Nyberg", None, None, None, None, "sv"),
]
# Manages organisations (creates one with its first organisation admin); holds no role in any of them.
PLATFORM_ADMIN = ("platform", "Paavo", "Alustala", "fi")


def _demo_user(username, first, last, language, **fields):
    """Create or refresh a demo login with the demo password."""
    user, _ = User.objects.update_or_create(
        username=username,
        defaults={
            "first_name": first,
            "last_name": last,
            "email": f"{username}@polku.example",
            "language": language,
            **fields,
        },
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


class Command(BaseCommand):
    help = "Load Polku's demo data (idempotent) and print the demo logins."

    @transaction.atomic
    def handle(self, *args, **options):
        organisations = {
            code: Organisation.objects.update_or_create(code=code.lower(), defaults={"name": name})[0]
            for code, name in ORGANISATIONS
        }
        teams = {name: Team.objects.get_or_create(organisation=organisations[org], name=name)[0] for org, name in TEAMS}
        editors = self._content_editors_group()
        users = {}
        for username, first, last, role, org, team, fte, language in PEOPLE:
            user = _demo_user(username, first, last, language, organisation=organisations.get(org))
            users[username] = user
            if role is None:
                user.groups.add(editors)
                continue
            Membership.objects.update_or_create(
                user=user,
                role=role,
                organisation=organisations[org],
                team=teams.get(team),
                defaults={"fte": Decimal(fte) if fte else None},
            )
        _demo_user(*PLATFORM_ADMIN, is_platform_admin=True)
        demo_clients.load(teams=teams, users=users, today=timezone.localdate())
        # A Pirkanmaa-like multi-professional work-ability support team (issue 15).
        pirkanmaa = organisations["PIR"]
        demo_team.load(
            organisation=pirkanmaa, team=teams[demo_team.TEAM], password=DEMO_PASSWORD, today=timezone.localdate()
        )
        self.print_logins()

    def _content_editors_group(self):
        group, _ = Group.objects.get_or_create(name=CONTENT_EDITORS_GROUP)
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        return group

    def print_logins(self):
        self.stdout.write(self.style.SUCCESS(f"Demo data ready. Logins (password for all: {DEMO_PASSWORD}):"))
        for username, first, last, role, org, team, _fte, _lang in PEOPLE:
            what = str(role.label) if role else CONTENT_EDITORS_GROUP
            where = team or dict(ORGANISATIONS).get(org, "")
            self.stdout.write(f"  {username:<12} {first + ' ' + last:<16} {what:<20} {where}")
        for username, first, last, profession in demo_team.MEMBERS:
            self.stdout.write(f"  {username:<12} {first + ' ' + last:<16} {profession:<20} {demo_team.TEAM}")
        username, first, last, _lang = PLATFORM_ADMIN
        self.stdout.write(f"  {username:<12} {first + ' ' + last:<16} {'Platform admin':<20} {'all organisations'}")
