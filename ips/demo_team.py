"""Demo data of a Pirkanmaa-like multi-professional work-ability support team (issue 15): members of six
professions and an IPS coach, clients in assessment and support or in IPS coaching, their asiakasvastaava, plans,
consents, network meetings and the members' logged work. The same every time, safe to run again."""

from datetime import date, timedelta
from decimal import Decimal

from ips.models import (
    KYKYVIISARI_AREA_FIELDS,
    ActivityKind,
    Client,
    ClientAssignment,
    Consent,
    Coordinator,
    Goal,
    KykyviisariScore,
    Membership,
    NetworkMeeting,
    Party,
    PlanAction,
    PlanChange,
    Profession,
    ServicePeriod,
    ServiceType,
    StageChange,
    SupportPlan,
    TimeEntry,
    User,
)

TEAM = "Tampereen työkyvyn tuen tiimi"
# username, first name, last name, profession code (the IPS coach holds the coach role)
MEMBERS = [
    ("pir.counsellor", "Riikka", "Rantanen", "rehabilitation_counsellor"),
    ("pir.doctor", "Lauri", "Lehto", "doctor"),
    ("pir.nurse", "Hanna", "Heikkilä", "public_health_nurse"),
    ("pir.physio", "Pia", "Peltonen", "physiotherapist"),
    ("pir.psynurse", "Sanna", "Salminen", "psychiatric_nurse"),
    ("pir.social", "Tuomas", "Toivonen", "social_worker"),
    ("pir.coach", "Ilkka", "Ilola", "ips_coach"),
]
# code, first, last, days since entry, days in assessment before IPS (None: assessment only), asiakasvastaava
CLIENTS = [
    ("PIR-T0001", "Jenni", "Aho", 160, 40, "pir.nurse"),
    ("PIR-T0002", "Marko", "Lindqvist", 120, None, "pir.counsellor"),
    ("PIR-T0003", "Sari", "Kallio", 90, 30, "pir.psynurse"),
    ("PIR-T0004", "Timo", "Vainio", 60, None, "pir.social"),
    ("PIR-T0005", "Noora", "Saarinen", 45, None, "pir.physio"),
    ("PIR-T0006", "Ville", "Hakala", 30, 0, "pir.coach"),
]
GOALS = [
    ("Selvittää työkyky ja sopia kuntoutuksesta", "Kuntoutussuunnitelma Kelalle", "pir.doctor"),
    ("Päästä osa-aikatyöhön avoimille työmarkkinoille", "Kaksi työnantajakäyntiä kuukaudessa", "pir.coach"),
]
MEMBER_WORK = [("assessment_visit", 60), ("consultation", 20), ("joint_visit", 45), ("benefits_counselling", 30)]
# Kykyviisari areas at entry (physical, mental, cognitive, social, daily life, work and study, surroundings) and
# how they tend to move in the first months: work and study and daily life gain most, physical least.
AREAS_AT_ENTRY = (5.0, 4.0, 6.0, 5.5, 5.0, 3.0, 6.5)
AREA_GAINS = (0.5, 1.5, 0.5, 1.0, 2.0, 2.5, -0.5)


def kykyviisari_areas(seed: int, *, after: bool) -> dict:
    """Area scores of a demo measurement: varied by client (seed), one area left unanswered at entry for every
    third client, and after some months gains that differ by area (one area slipping a little)."""
    scores = {}
    for n, (field, start, gain) in enumerate(zip(KYKYVIISARI_AREA_FIELDS, AREAS_AT_ENTRY, AREA_GAINS, strict=True)):
        value = start + ((seed + n) % 3 - 1) * 0.5
        if after:
            value += gain if (seed + n) % 4 else 0.0
        elif seed % 3 == 0 and n == 2:
            continue
        scores[field] = Decimal(str(min(max(value, 0.0), 10.0)))
    return scores


def load(*, organisation, team, password, today: date) -> dict:
    """The team's members and clients; returns the members by username."""
    members = {}
    for username, first, last, profession in MEMBERS:
        user, _ = User.objects.update_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@polku.example", "language": "fi",
                      "organisation": organisation},
        )  # fmt: skip
        user.set_password(password)
        user.save()
        role = Membership.Role.COACH if profession == "ips_coach" else Membership.Role.MEMBER
        Membership.objects.update_or_create(
            user=user, role=role, organisation=organisation, team=team,
            defaults={"profession": Profession.objects.get(code=profession),
                      "fte": Decimal("1.00") if role == Membership.Role.COACH else None},
        )  # fmt: skip
        members[username] = user
    coach = members["pir.coach"]
    parties = list(Party.objects.filter(code__in=["kela", "employment_services", "health_care", "employers"]))
    kinds = {kind.code: kind for kind in ActivityKind.objects.filter(code__in=[k for k, _m in MEMBER_WORK])}
    for index, (code, first, last, days, assessment_days, coordinator) in enumerate(CLIENTS):
        entry = today - timedelta(days=days)
        in_ips = assessment_days is not None
        client, _ = Client.objects.update_or_create(
            organisation=organisation, code=code,
            defaults={"team": team, "coach": coach if in_ips else None, "first_name": first, "last_name": last,
                      "programme_entry": entry, "stage": "profile" if in_ips else "engagement", "stage_since": entry,
                      "service_type": ServiceType.IPS if in_ips else ServiceType.ASSESSMENT,
                      "service_started": entry, "language": "fi", "municipality": "Tampere"},
        )  # fmt: skip
        for model in (StageChange, ClientAssignment, ServicePeriod, Coordinator, Consent, Goal, PlanChange):
            model.objects.filter(client=client).delete()
        for model in (NetworkMeeting, SupportPlan, TimeEntry, KykyviisariScore):
            model.objects.filter(client=client).delete()
        KykyviisariScore.objects.create(
            client=client, measured_on=entry + timedelta(days=5), kind="entry", recorded_by=members[coordinator],
            score=Decimal("4.0") + Decimal(index % 3) / 2, **kykyviisari_areas(index, after=False),
        )  # fmt: skip
        if days >= 60:
            KykyviisariScore.objects.create(
                client=client, measured_on=today - timedelta(days=5), kind="follow_up", recorded_by=coach,
                score=Decimal("5.5") + Decimal(index % 3) / 2, **kykyviisari_areas(index, after=True),
            )  # fmt: skip
        StageChange.objects.create(client=client, stage="engagement", changed_on=entry, changed_by=coach)
        ClientAssignment.objects.create(client=client, team=team, coach=client.coach, started=entry)
        if in_ips and assessment_days:
            moved = entry + timedelta(days=assessment_days)
            ServicePeriod.objects.create(client=client, service=ServiceType.ASSESSMENT, started=entry, ended=moved)
            ServicePeriod.objects.create(client=client, service=ServiceType.IPS, started=moved)
        else:
            service = ServiceType.IPS if in_ips else ServiceType.ASSESSMENT
            ServicePeriod.objects.create(client=client, service=service, started=entry)
        Coordinator.objects.create(client=client, user=members[coordinator], started=entry, recorded_by=coach)
        consent = Consent.objects.create(client=client, given_on=entry, scope="Kela, työllisyyspalvelut, hoitotaho")
        consent.parties.set(parties if in_ips else parties[:3])
        SupportPlan.objects.create(client=client, agreed_on=entry + timedelta(days=7),
                                   next_review_on=today + timedelta(days=index * 5 - 3))  # fmt: skip
        for n, (text, action, responsible) in enumerate(GOALS[: 2 if in_ips else 1]):
            goal = Goal.objects.create(client=client, text=text, set_on=entry + timedelta(days=7))
            PlanAction.objects.create(
                client=client, goal=goal, text=action, responsible_user=members[responsible],
                target_date=entry + timedelta(days=30 + 30 * n), status="done" if n == 0 and days > 90 else "planned",
            )  # fmt: skip
            PlanChange.objects.create(client=client, changed_by=members[coordinator], what=f"Uusi tavoite ”{text}”")
        meeting = NetworkMeeting.objects.create(
            client=client, held_on=entry + timedelta(days=14), recorded_by=members[coordinator],
            outside_participants="Kelan asiantuntija, työllisyyspalveluiden OMA-valmentaja",
            agreed="Työkyvyn arvio ja suunnitelman tavoitteet",
        )  # fmt: skip
        meeting.members.set([members[coordinator], members["pir.counsellor"]])
        meeting.parties.set(parties[:2])
        for n, (kind, minutes) in enumerate(MEMBER_WORK):
            author = members[[m[0] for m in MEMBERS][(index + n) % 6]]
            TimeEntry.objects.create(
                coach=author, team=team, client=client, kind=kinds[kind], minutes=minutes, setting="office",
                date=min(entry + timedelta(days=3 + 7 * n), today), coach_work=False,
            )  # fmt: skip
    return members
