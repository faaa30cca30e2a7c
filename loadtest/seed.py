"""Many coaches for the load test: teams of ten in the demo organisation, each coach with a caseload and a log.

Run after the demo seeds (`seed_demo`, `seed_employers_demo`): the coaches share the demo organisation's employer
register, as real teams of one county do. Every simulated locust user is then a distinct account.
"""

import random
from datetime import timedelta
from uuid import uuid4

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from ips.models import (
    OPEN_STAGES,
    ActivityKind,
    Client,
    ClientAssignment,
    Consent,
    Membership,
    Organisation,
    Team,
    TimeEntry,
    User,
)
from loadtest.accounts import PASSWORD, username

TEAM_SIZE = 10
CLIENTS_PER_COACH = 12
LOG_DAYS = 28
FIRST_NAMES = ["Aino", "Eero", "Helmi", "Ilmari", "Kerttu", "Lauri", "Maija", "Niilo", "Oona", "Pentti"]
LAST_NAMES = ["Aalto", "Heino", "Kallio", "Lahti", "Manner", "Nurmi", "Rinne", "Salmi", "Toivonen", "Vuori"]


@transaction.atomic
def seed_coaches(count: int, organisation_code: str = "poh") -> list[str]:
    """Create `count` coaches (idempotent by username) and return their usernames."""
    rng = random.Random(8)
    today = timezone.localdate()
    organisation = Organisation.objects.get(code=organisation_code)
    kinds = list(ActivityKind.objects.filter(active=True))
    # One PBKDF2 hash for all: hashing is deliberately slow (about a second here), and these are throwaway accounts.
    password = make_password(PASSWORD)
    names = [username(n) for n in range(1, count + 1)]
    existing = set(User.objects.filter(username__in=names).values_list("username", flat=True))
    for n, name in enumerate(names):
        if name in existing:
            continue
        team, _ = Team.objects.get_or_create(organisation=organisation, name=f"Kuormitustiimi {n // TEAM_SIZE + 1}")
        coach = User.objects.create(
            username=name,
            first_name=FIRST_NAMES[n % 10],
            last_name=f"{LAST_NAMES[n // 10 % 10]} {n}",
            email=f"{name}@polku.example",
            password=password,
            language="fi",
        )
        Membership.objects.create(user=coach, role=Membership.Role.COACH, organisation=organisation, team=team)
        clients = [
            Client(
                organisation=organisation,
                team=team,
                coach=coach,
                code=f"{organisation_code.upper()}-L{n:03d}{c:02d}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                stage=OPEN_STAGES[c % len(OPEN_STAGES)],
                stage_since=today - timedelta(days=30),
                programme_entry=today - timedelta(days=120 + c),
                service_started=today - timedelta(days=120 + c),
                birth_year=1970 + c,
                municipality="Vaasa",
            )
            for c in range(CLIENTS_PER_COACH)
        ]
        Client.objects.bulk_create(clients)
        ClientAssignment.objects.bulk_create(
            ClientAssignment(client=c, team=team, coach=coach, started=c.programme_entry) for c in clients
        )
        Consent.objects.bulk_create(
            Consent(client=c, given_on=c.programme_entry, scope="Työllisyyspalvelut, Kela") for c in clients
        )
        TimeEntry.objects.bulk_create(
            TimeEntry(
                date=today - timedelta(days=back),
                coach=coach,
                team=team,
                minutes=rng.choice([15, 30, 45, 60]),
                kind=kinds[(back + k) % len(kinds)],
                client=clients[(back + k) % len(clients)] if k % 3 else None,
                submission_id=uuid4(),
            )
            for back in range(1, LOG_DAYS + 1)
            for k in range(5)
        )
    return names
