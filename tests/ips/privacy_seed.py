"""One record of every kind about a client, each carrying personal text that must be exported or anonymised."""

from datetime import date, timedelta
from decimal import Decimal

from ips.models import (
    ClientTreatmentTeam,
    Coordinator,
    Destination,
    Goal,
    HandOver,
    KykyviisariScore,
    NetworkMeeting,
    PlanAction,
    PlanChange,
    SatisfactionAnswer,
    StageChange,
    SupportPlan,
    TreatmentTeam,
    VocationalProfile,
)
from tests.employers.factories import EmployerContactFactory, FollowUpFactory, JobFactory
from tests.factories import ConsentFactory, ReferralFactory, TimeEntryFactory


def seed_every_record(client, coach, *, day: date, name: str) -> dict:
    """Rows of every kind that has a foreign key to the client; `name` is quoted in the free text.

    The client's assignment is ClientFactory's, as the app writes one with every client."""
    texts = {
        "note": f"{name} soitti, puhelin 040 123 4567",
        "consent": f"Kela ja tk-lääkäri (koskee {name})",
        "goal": f"{name} haluaa kokoaikatyön",
        "profile": f"{name}: vahvuutena asiakaspalvelu",
        "contact": f"Puhuttiin {name}n kesätyöstä",
        "job": f"Myyjä {name}n lähikaupassa",
        "referrer": "Terttu Lähettäjä, 050 765 4321",
        "plan": f"{name} soittaa Kelaan",
        "meeting": f"{name} aloittaa työkokeilun",
        "coordinator": f"{name}n sosiaaliohjaaja",
    }
    StageChange.objects.create(client=client, stage="profile", changed_on=day, changed_by=coach)
    ConsentFactory(client=client, given_on=day, scope=texts["consent"])
    Goal.objects.create(client=client, text=texts["goal"], set_on=day)
    VocationalProfile.objects.create(client=client, preferences=texts["profile"], strengths=texts["profile"])
    KykyviisariScore.objects.create(client=client, measured_on=day, score=Decimal("6.5"), kind="entry")
    SatisfactionAnswer.objects.create(client=client, answered_on=day, score=8, recorded_by=coach)
    ReferralFactory(
        team=client.team,
        client=client,
        referred_on=day,
        decision="accepted",
        decided_on=day,
        first_name="",
        last_name="",
        referrer_contact=texts["referrer"],
    )
    TimeEntryFactory(coach=coach, team=client.team, client=client, date=day, note=texts["note"])
    EmployerContactFactory(coach=coach, client=client, date=day, outcome=texts["contact"], next_step=texts["contact"])
    job = JobFactory(client=client, title=texts["job"], start_date=day, end_date=day + timedelta(days=90))
    FollowUpFactory(job=job, window_start=day, due_on=day + timedelta(days=3))
    treatment_team, _ = TreatmentTeam.objects.get_or_create(organisation=client.organisation, name="Psykiatrian pkl")
    ClientTreatmentTeam.objects.create(client=client, treatment_team=treatment_team, started=day)
    # The work-ability support team around the client (issue 15).
    goal = Goal.objects.filter(client=client).first()
    SupportPlan.objects.create(client=client, agreed_on=day, next_review_on=day + timedelta(days=90))
    PlanAction.objects.create(client=client, goal=goal, text=texts["plan"], responsible_name=texts["coordinator"])
    PlanChange.objects.create(client=client, changed_by=coach, what=texts["plan"])
    Coordinator.objects.create(
        client=client, name=texts["coordinator"], organisation_name="Aikuissosiaalityö", started=day
    )
    NetworkMeeting.objects.create(client=client, held_on=day, agreed=texts["meeting"], recorded_by=coach)
    HandOver.objects.create(
        client=client,
        team=client.team,
        destination=Destination.objects.get(code="vocational_rehabilitation"),
        receiver_name="Riitta Kuntoutusohjaaja",
        receiver_organisation="Kelan kuntoutus",
        first_meeting_on=day,
        attended=HandOver.Attended.COORDINATOR,
        recorded_by=coach,
    )
    return texts
