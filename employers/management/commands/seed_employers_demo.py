"""Demo employers, contacts and jobs for the Pohjanmaa demo teams: the same every time, safe to run again.

Run after seed_demo. Dates are relative to today so the demo always has a current week to show; a second run
on the same day changes nothing, and a run on a later day rebuilds the demo contacts and jobs around the new date.
"""

import datetime
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from employers.models import ContactPerson, Employer, EmployerContact, FollowUp, Job
from employers.services import client_move_to_support, follow_up_plan
from employers.validators import business_id_from
from ips.models import Client, Organisation, Stage, User

ORGANISATION_CODE = "poh"

# name, industry (TOL 2008), municipality, address, status, responsible coach, contact person, role
EMPLOYERS = [
    (
        "Vaasan Kauppahalli Oy",
        "G",
        "Vaasa",
        "Kauppapuistikko 12",
        "hiring_partner",
        "coach",
        "Sari Hautala",
        "Kauppias",
    ),
    ("Kvarkens Bageri Ab", "C", "Mustasaari", "Bagarvägen 3", "in_contact", "coach2", "Johan Back", "Bagarmästare"),
    (
        "Pohjanmaan Logistiikka Oy",
        "H",
        "Vaasa",
        "Runsorintie 5",
        "in_contact",
        "coach",
        "Timo Rinta",
        "Varastopäällikkö",
    ),
    ("Laihian Metallityö Oy", "C", "Laihia", "Teollisuustie 8", "lead", "coach", "Jari Kangas", "Tuotantopäällikkö"),
    (
        "Vöyrin Kiinteistöhuolto Oy",
        "N",
        "Vöyri",
        "Centrumvägen 2",
        "in_contact",
        "coach2",
        "Anna Sjöberg",
        "Arbetsledare",
    ),
    (
        "Merenkurkun Ravintolat Oy",
        "I",
        "Vaasa",
        "Hovioikeudenpuistikko 9",
        "hiring_partner",
        "coach",
        "Minna Ojala",
        "Ravintolapäällikkö",
    ),
    ("Solf Snickeri Ab", "C", "Mustasaari", "Solfvägen 41", "lead", "coach2", "Henrik Nyman", "Ägare"),
    ("Isonkyrön Konepaja Oy", "C", "Isokyrö", "Pajatie 4", "lead", "coach", "Pekka Mäkelä", "Toimitusjohtaja"),
    ("Vaasan Siivouspalvelu Oy", "N", "Vaasa", "Palosaarentie 60", "in_contact", "coach", "Leena Kivelä", "Esihenkilö"),
    ("Närpes Grönsaker Ab", "A", "Närpiö", "Växthusvägen 15", "in_contact", "coach2", "Eva Granholm", "HR-ansvarig"),
    (
        "Kristiinankaupungin Satamapalvelu Oy",
        "H",
        "Kristiinankaupunki",
        "Satamatie 1",
        "lead",
        "coach",
        "Markku Lehto",
        "Satamakapteeni",
    ),
    ("Maalahden Rakennus Oy", "F", "Maalahti", "Bygatan 7", "lead", "coach2", "Mats Holm", "Platschef"),
    (
        "Pietarsaaren Kirjapaino Oy",
        "C",
        "Pietarsaari",
        "Storgatan 20",
        "in_contact",
        "coach",
        "Kirsi Salo",
        "Painopäällikkö",
    ),
    (
        "Uudenkaarlepyyn Hoivakoti Oy",
        "Q",
        "Uusikaarlepyy",
        "Kyrkogatan 5",
        "in_contact",
        "coach2",
        "Helena Forsman",
        "Föreståndare",
    ),
    ("Botnia IT-palvelut Oy", "J", "Vaasa", "Yliopistonranta 10", "lead", "coach", "Antti Heikkilä", "Tiiminvetäjä"),
]

# days ago, coach, employer index, face to face, minutes, purpose, client-specific, matches preferences, outcome
CONTACTS = [
    (0, "coach", 0, True, 45, "relationship_visit", False, None, "Kesän sijaistarpeet käyty läpi"),
    (1, "coach", 2, True, 60, "job_opening", False, None, "Varastoon haetaan osa-aikaista"),
    (2, "coach", 5, True, 30, "job_opening", False, None, "Keittiöön haetaan apulaista"),
    (3, "coach2", 1, True, 40, "first_meeting", False, None, "Esittely IPS-työhönvalmennuksesta"),
    (4, "coach2", 4, False, 15, "job_opening", False, None, "Soitto: kiinteistöhuoltoon paikka auki"),
    (6, "coach", 8, True, 50, "first_meeting", False, None, "Esittely, kiinnostunut"),
    (8, "coach", 3, False, 20, "first_meeting", False, None, "Tapaaminen sovittu"),
    (9, "coach2", 9, True, 60, "relationship_visit", False, None, "Kausityöt keväällä"),
    (10, "coach", 0, True, 30, "workplace_support", True, True, "Ensimmäinen viikko sujui"),
    (13, "coach", 12, True, 45, "relationship_visit", False, None, ""),
    (15, "coach2", 13, True, 50, "on_behalf_of_client", True, False, "Ei avoimia paikkoja juuri nyt"),
    (17, "coach", 14, False, 15, "job_opening", False, None, "Ohjelmistotestaajan paikka"),
    (20, "coach", 6, True, 40, "first_meeting", False, None, ""),
    (24, "coach2", 11, True, 35, "first_meeting", False, None, "Rakennustyömaalle apumiehiä syksyllä"),
    (27, "coach", 7, True, 60, "relationship_visit", False, None, "Konepajan kierros"),
    (31, "coach", 10, False, 20, "first_meeting", False, None, ""),
    (34, "coach2", 1, True, 45, "on_behalf_of_client", True, True, "Leipomon aamuvuoro kiinnostaa"),
    (38, "coach", 2, True, 30, "relationship_visit", False, None, ""),
]


# Jobs of the demo's earlier clients (ips.demo.HISTORY_ROWS), starting when they reached in-work support:
# code, employer index, title, occupation code, hours a week, days worked before it ended (None: still working).
HISTORY_JOBS = [
    ("POH-H0001", 2, "Varastotyöntekijä", "9333", Decimal("30"), None),
    ("POH-H0002", 3, "Asiakaspalvelija", "4222", Decimal("25"), None),
    ("POH-H0004", 1, "Leipomotyöntekijä", "7512", Decimal("20"), None),
    ("POH-H0005", 4, "Siivooja", "9112", Decimal("30"), None),
    ("POH-H0006", 0, "Myyjä", "5223", Decimal("24"), None),
    ("POH-H0007", 2, "Varastotyöntekijä", "9333", Decimal("30"), 45),
    ("POH-H0009", 5, "Keittiöapulainen", "9412", Decimal("20"), None),
    ("POH-H0010", 3, "Toimistosihteeri", "4110", Decimal("30"), None),
]


def _business_id(index: int) -> str:
    """A fictional business ID with a valid check digit (bodies with remainder 1 are skipped)."""
    return business_id_from(3100000 + index * 1237)


class Command(BaseCommand):
    help = "Load demo employers, employer contacts and jobs for the demo coaches (run seed_demo first)."

    @transaction.atomic
    def handle(self, *args, **options):
        today = timezone.localdate()
        organisation = Organisation.objects.filter(code=ORGANISATION_CODE).first()
        if organisation is None:
            raise CommandError("Run seed_demo first: the demo organisation is missing.")
        users = {user.username: user for user in User.objects.filter(username__in=["coach", "coach2", "coach.other"])}
        employers = self._employers(organisation, users)
        # Rebuild the demo's own rows: contacts by the demo coaches and jobs of demo clients with these employers.
        EmployerContact.objects.filter(employer__in=employers, coach__in=users.values()).delete()
        Job.objects.filter(employer__in=employers).delete()
        clients = {
            username: list(Client.objects.filter(coach=user).exclude(stage=Stage.CLOSED).order_by("code"))
            for username, user in users.items()
        }
        self._contacts(today, employers, users, clients)
        self._jobs(today, employers, users, clients)
        self._history_jobs(employers, users)
        self.stdout.write(self.style.SUCCESS(f"Demo employers ready: {len(employers)} employers for {organisation}."))

    def _history_jobs(self, employers, users):
        earlier = {client.code: client for client in Client.objects.filter(code__in=[row[0] for row in HISTORY_JOBS])}
        for code, index, title, occupation, hours, days_worked in HISTORY_JOBS:
            client = earlier.get(code)
            support = client and client.stage_changes.filter(stage=Stage.SUPPORT).order_by("changed_on").first()
            if support is None:
                continue
            start = support.changed_on
            Job.objects.create(
                client=client,
                employer=employers[index],
                title=title,
                occupation_code=occupation,
                start_date=start,
                end_date=start + datetime.timedelta(days=days_worked) if days_worked else None,
                end_reason=Job.EndReason.RESIGNED if days_worked else "",
                hours_per_week=hours,
                hourly_wage=Decimal("12.90"),
                contract_type="permanent",
                competitive=True,
                created_by=client.coach or users["coach"],
            )

    def _employers(self, organisation, users):
        employers = []
        for index, (name, industry, place, address, status, coach, person, role) in enumerate(EMPLOYERS):
            employer, _ = Employer.objects.update_or_create(
                organisation=organisation,
                business_id=_business_id(index),
                defaults={
                    "name": name,
                    "industry": industry,
                    "municipality": place,
                    "address": address,
                    "status": status,
                    "responsible_coach": users.get(coach),
                },
            )
            ContactPerson.objects.update_or_create(employer=employer, name=person, defaults={"role": role})
            employers.append(employer)
        return employers

    def _team(self, user):
        membership = user.memberships.filter(team__isnull=False).order_by("pk").first()
        return membership.team if membership else None

    def _contacts(self, today, employers, users, clients):
        for days_ago, username, index, face, minutes, purpose, specific, matches, outcome in CONTACTS:
            coach = users.get(username)
            if coach is None:
                continue
            client = clients[username][0] if specific and clients.get(username) else None
            EmployerContact.objects.create(
                date=today - datetime.timedelta(days=days_ago),
                coach=coach,
                team=client.team if client else self._team(coach),
                employer=employers[index],
                contact_person=employers[index].contact_persons.first(),
                face_to_face=face,
                minutes=minutes,
                purpose=purpose,
                client=client,
                matches_client_preferences=matches if client else None,
                about_competitive_job=client is not None and purpose == EmployerContact.Purpose.ON_BEHALF_OF_CLIENT,
                outcome=outcome,
                next_step="Uusi käynti" if days_ago < 7 else "",
                next_step_on=today + datetime.timedelta(days=14 - days_ago % 7) if days_ago < 7 else None,
            )

    def _jobs(self, today, employers, users, clients):
        # coach's first client started at the market hall 12 days ago: follow-ups are due and overdue in the demo.
        # coach2's first client has worked at the bakery for three months; coach.other's client works at the
        # restaurant company that team Vaasa also visits, so Vaasa sees "a client of another team" there.
        plans = [
            ("coach", 0, "Myyjä", "5223", 12, Decimal("20"), Decimal("12.80"), "fixed_term", False),
            ("coach2", 1, "Leipomotyöntekijä", "7512", 95, Decimal("30"), Decimal("13.40"), "permanent", False),
            ("coach.other", 5, "Keittiöapulainen", "9412", 40, Decimal("25"), Decimal("12.10"), "fixed_term", True),
        ]
        for username, index, title, code, days_ago, hours, wage, contract, subsidy in plans:
            if not clients.get(username):
                continue
            client, start = clients[username][0], today - datetime.timedelta(days=days_ago)
            job = Job.objects.create(
                client=client,
                employer=employers[index],
                title=title,
                occupation_code=code,
                start_date=start,
                hours_per_week=hours,
                hourly_wage=wage,
                contract_type=contract,
                competitive=not subsidy,
                wage_subsidy=subsidy,
                created_by=users[username],
            )
            FollowUp.objects.bulk_create(
                FollowUp(client=client, job=job, kind=p.kind, window_start=p.window_start, due_on=p.due_on)
                for p in follow_up_plan(start)
            )
            client.refresh_from_db()
            client_move_to_support(client=client, on=start, by=users[username])
