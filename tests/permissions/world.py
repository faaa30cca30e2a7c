"""The data the permission tests walk every URL with, built once per test module.

Organisation A holds the cast (one user per role column of docs/permissions.md) and the "own" objects: what a
role may legitimately reach. Organisation B holds the "foreign" objects, which no user of A may reach. Team A2 is
a second team of organisation A, so that "another team of the same organisation" is in the data too (employers
are shared within an organisation: their pages list contacts naming clients of both teams).

Every client and referred person has a made-up name that occurs nowhere else, so a name found in a response is
a leak and not a coincidence.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from io import BytesIO

from django.contrib.auth.models import Group
from django.utils import timezone
from openpyxl import Workbook
from wagtail.images.utils import generate_signature
from wagtail.models import Page, Site

from content.models import TrainingHomePage, TrainingPage
from employers.models import EmployerContact, ImportRun
from fidelity import indicators, services
from fidelity.models import ActionPlanItem, FidelityScale
from ips.models import (
    CONTENT_EDITORS_GROUP,
    Destination,
    Goal,
    HandOver,
    KykyviisariScore,
    Membership,
    PlanAction,
    Profession,
    SupportPlan,
    TreatmentTeam,
    TreatmentTeamMembership,
    VocationalProfile,
)
from ips.support_services import coordinator_change
from reports.models import Export
from tests.employers.factories import (
    ContactPersonFactory,
    EmployerContactFactory,
    EmployerFactory,
    FollowUpFactory,
    JobFactory,
)
from tests.factories import (
    ClientFactory,
    ConsentFactory,
    MembershipFactory,
    OrganisationFactory,
    ReferralFactory,
    TeamFactory,
    TimeEntryFactory,
    UserFactory,
)

# The role columns of docs/permissions.md, in order.
ROLES = ["anonymous", "coach", "supervisor", "reviewer", "reporter", "org admin", "content editor"]

SCALE_ITEM = "S1"  # a scale item code that is also a training topic code
MISSING_IMAGE_ID = 999_999
IMAGE_FILTER = "width-400"


@dataclass
class Side:
    """The objects of one organisation that URL parameters name."""

    organisation: object
    team: object
    client: object
    entry: object
    consent: object
    goal: object
    referral: object
    employer: object
    contact: object
    contact_person: object
    job: object
    follow_up: object
    review: object
    plan_item: object
    users: dict = field(default_factory=dict)
    treatment_team: object = None
    treatment_member: object = None
    plan_action: object = None
    profession: object = None
    hand_over: object = None


@dataclass
class World:
    users: dict  # role column -> user (None for anonymous)
    own: Side
    foreign: Side
    training_page: object
    clients: list  # every client in the data
    referrals: list  # every referral still holding a name
    notes: dict  # team -> names typed into its employer contacts' notes and job titles
    extra_users: dict = field(default_factory=dict)  # users outside the role columns, by name


def _user(username, role=None, *, team=None, organisation=None):
    # password=None gives an unusable password: no slow hashing in a module-scoped fixture.
    user = UserFactory(username=username, password=None)
    if role is not None:
        fte = Decimal("1.00") if role == Membership.Role.COACH else None
        MembershipFactory(user=user, role=role, team=team, organisation=organisation or team.organisation, fte=fte)
    return user


def _side(organisation, team, *, coach, supervisor, reviewer, names, referral_names, note_names, today) -> Side:
    client = ClientFactory(
        team=team,
        coach=coach,
        first_name=names[0],
        last_name=names[1],
        programme_entry=today - datetime.timedelta(days=100),
    )
    entry = TimeEntryFactory(coach=coach, team=team, client=client, date=today, note="")
    consent = ConsentFactory(client=client)
    goal = Goal.objects.create(client=client, text="Työkokeilu kaupassa", set_on=today)
    SupportPlan.objects.create(client=client, agreed_on=today, next_review_on=today)
    plan_action = PlanAction.objects.create(client=client, goal=goal, text="Soitto Kelaan", responsible_user=coach)
    coordinator_change(client=client, on=today, by=coach, user=coach)
    hand_over = HandOver.objects.create(
        client=client,
        team=team,
        destination=Destination.objects.get(code=Destination.Code.VOCATIONAL_REHABILITATION),
        receiver_name="Kaisa Kuntoutus",
        receiver_organisation="Kuntoutuskeskus",
        first_meeting_on=today,
        attended=HandOver.Attended.COORDINATOR,
        recorded_by=coach,
    )
    VocationalProfile.objects.create(client=client, preferences="Ulkotyöt", strengths="Täsmällinen")
    KykyviisariScore.objects.create(client=client, measured_on=today, score=Decimal("6.5"), recorded_by=coach)
    referral = ReferralFactory(team=team, first_name=referral_names[0], last_name=referral_names[1])
    employer = EmployerFactory(organisation=organisation)
    # Free text a coach typed, naming people: only the contact's own team may read it.
    job = JobFactory(
        client=client,
        employer=employer,
        start_date=today - datetime.timedelta(days=10),
        title=f"Avustaja, esihenkilö {note_names[0]}",
    )
    follow_up = FollowUpFactory(job=job)
    contact_person = ContactPersonFactory(employer=employer)
    contact = EmployerContactFactory(
        coach=coach,
        team=team,
        employer=employer,
        client=client,
        contact_person=contact_person,
        purpose=EmployerContact.Purpose.ON_BEHALF_OF_CLIENT,
        outcome=f"Asiakas kertoi, että {note_names[1]} on sukulainen",
        next_step=f"Soita {note_names[2]}",
        next_step_on=today + datetime.timedelta(days=3),
    )
    review = services.review_create(
        team=team,
        scale=FidelityScale.objects.get(code="IPS-25"),
        period_start=today - datetime.timedelta(days=182),
        period_end=today,
        review_start=today,
        review_end=today + datetime.timedelta(days=1),
        reviewers=[reviewer],
        by=supervisor,
    )
    indicators.refresh_review(review)  # the figures from data are where a name could slip in
    plan_item = ActionPlanItem.objects.create(review=review, text="Lisää yrityskäyntejä", owner_user=supervisor)
    treatment_team = TreatmentTeam.objects.create(organisation=organisation, name=f"Hoitotiimi {team.name}")
    treatment_member = TreatmentTeamMembership.objects.create(
        treatment_team=treatment_team, user=coach, started=today - datetime.timedelta(days=100)
    )
    profession = Profession.objects.create(
        organisation=organisation,
        code=f"org{organisation.pk}-kokemusasiantuntija",
        name_fi="Kokemusasiantuntija",
        name_sv="Erfarenhetsexpert",
        name_en="Expert by experience",
    )
    return Side(
        profession=profession,
        organisation=organisation,
        team=team,
        client=client,
        entry=entry,
        consent=consent,
        goal=goal,
        referral=referral,
        employer=employer,
        contact=contact,
        contact_person=contact_person,
        job=job,
        follow_up=follow_up,
        review=review,
        plan_item=plan_item,
        treatment_team=treatment_team,
        treatment_member=treatment_member,
        plan_action=plan_action,
        hand_over=hand_over,
    )


def _training_page():
    """A training home as the site's root (as seed_training makes it) and one page under it."""
    site = Site.objects.get(is_default_site=True)
    home = Page.get_first_root_node().add_child(
        instance=TrainingHomePage(title="Koulutus (luvat)", slug="koulutus-luvat")
    )
    site.root_page = home
    site.save()
    return home.add_child(instance=TrainingPage(title="Luvat", slug="luvat", intro="Testisivu."))


def build() -> World:
    today = timezone.localdate()
    org_a = OrganisationFactory(name="Luvat A", code="lua")
    org_b = OrganisationFactory(name="Luvat B", code="lub")
    team_a = TeamFactory(organisation=org_a, name="Tiimi A")
    team_a2 = TeamFactory(organisation=org_a, name="Tiimi A2")
    team_b = TeamFactory(organisation=org_b, name="Tiimi B")

    editor = _user("perm_content_editor")
    editor.groups.add(Group.objects.get_or_create(name=CONTENT_EDITORS_GROUP)[0])
    users = {
        "anonymous": None,
        "coach": _user("perm_coach", Membership.Role.COACH, team=team_a),
        "supervisor": _user("perm_supervisor", Membership.Role.SUPERVISOR, team=team_a),
        "reviewer": _user("perm_reviewer", Membership.Role.REVIEWER, organisation=org_a),
        "reporter": _user("perm_reporter", Membership.Role.REPORTER, organisation=org_a),
        "org admin": _user("perm_org_admin", Membership.Role.ORG_ADMIN, organisation=org_a),
        "content editor": editor,
    }
    assert list(users) == ROLES
    coach_a2 = _user("perm_coach_a2", Membership.Role.COACH, team=team_a2)
    coach_b = _user("perm_coach_b", Membership.Role.COACH, team=team_b)
    supervisor_b = _user("perm_supervisor_b", Membership.Role.SUPERVISOR, team=team_b)
    reviewer_b = _user("perm_reviewer_b", Membership.Role.REVIEWER, organisation=org_b)

    own = _side(
        org_a,
        team_a,
        coach=users["coach"],
        supervisor=users["supervisor"],
        reviewer=users["reviewer"],
        names=("Zebulon", "Quaggafield"),
        referral_names=("Xanthippe", "Vorpalsson"),
        note_names=("Hildebrandine", "Mortimerius", "Grindlewickson"),
        today=today,
    )
    foreign = _side(
        org_b,
        team_b,
        coach=coach_b,
        supervisor=supervisor_b,
        reviewer=reviewer_b,
        names=("Bartholomew", "Zyzzyvander"),
        referral_names=("Ottoline", "Wobblecroft"),
        note_names=("Cornelius Fiddlesworth", "Persimmona", "Thaddeusina"),
        today=today,
    )
    # A second client of the coach, not met for weeks: Today lists them as overdue.
    overdue = ClientFactory(
        team=team_a,
        coach=users["coach"],
        first_name="Quillon",
        last_name="Marrowbyte",
        programme_entry=today - datetime.timedelta(days=60),
    )
    # Accepted from a referral: the referral list shows the client's code.
    ReferralFactory(
        team=team_a, client=overdue, decision="accepted", decided_on=today, first_name="", last_name="", birth_year=None
    )
    # A client of the other team of organisation A, named in a contact with organisation A's shared employer.
    neighbour = ClientFactory(
        team=team_a2,
        coach=coach_a2,
        first_name="Ignatius",
        last_name="Plumtwaddle",
        programme_entry=today - datetime.timedelta(days=100),
    )
    EmployerContactFactory(
        coach=coach_a2,
        team=team_a2,
        employer=own.employer,
        client=neighbour,
        purpose=EmployerContact.Purpose.ON_BEHALF_OF_CLIENT,
    )
    JobFactory(client=neighbour, employer=own.employer)
    return World(
        users=users,
        own=own,
        foreign=foreign,
        training_page=_training_page(),
        clients=[own.client, overdue, neighbour, foreign.client],
        referrals=[own.referral, foreign.referral],
        notes={
            team_a: ["Hildebrandine", "Mortimerius", "Grindlewickson"],
            team_b: ["Cornelius Fiddlesworth", "Persimmona", "Thaddeusina"],
        },
        extra_users={"coach of team A2": coach_a2},
    )


def _export_job(world, side):
    """A finished funder workbook built for the side's supervisor: only they may see or fetch it."""

    content = BytesIO()
    Workbook().save(content)

    export = Export.objects.create(
        requested_by=side.review.created_by,
        scope=f"team:{side.team.uuid}",
        scope_label=side.team.name,
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        language="fi",
        filename="polku-team.xlsx",
        status=Export.Status.DONE,
        content=content.getvalue(),
    )
    return export.pk


def _import_run(world, side):
    """A checked import of one employer into the side's team by its supervisor, with one row in error."""
    content = "Nimi;Y-tunnus\r\nLupa Oy;0112038-9\r\nVirhe Oy;1234567-2\r\n".encode("cp1252")
    run = ImportRun.objects.create(
        team=side.team,
        kind="employers",
        created_by=side.review.created_by,
        filename="tyonantajat.csv",
        checksum="0" * 64,
        content=content,
        status=ImportRun.Status.CHECKED,
        header_row=1,
        headers=["Nimi", "Y-tunnus"],
        mapping={"columns": {"name": "Nimi", "business_id": "Y-tunnus"}, "values": {}, "key": ""},
        problems=[{"row": 3, "column": "Y-tunnus", "message": "Tarkistusnumero ei täsmää."}],
        rows_total=2,
        rows_error=1,
        rows_created=1,
    )
    return run.uuid


# What a URL parameter is filled with, by the object kind docs/permissions.md names for it: (world, side) -> value.
# A kind names an object of the side's organisation, so the walker can ask as an outsider (side = world.foreign)
# or as the object's own people (side = world.own).
FILLERS = {
    "client": lambda world, side: side.client.uuid,
    "log entry": lambda world, side: side.entry.uuid,
    "consent": lambda world, side: side.consent.uuid,
    "goal": lambda world, side: side.goal.uuid,
    "referral": lambda world, side: side.referral.uuid,
    "employer": lambda world, side: side.employer.uuid,
    "employer contact": lambda world, side: side.contact.uuid,
    "contact person": lambda world, side: side.contact_person.uuid,
    "job": lambda world, side: side.job.uuid,
    "follow-up": lambda world, side: side.follow_up.uuid,
    "review": lambda world, side: side.review.uuid,
    "plan item": lambda world, side: side.plan_item.uuid,
    "support plan action": lambda world, side: side.plan_action.uuid,
    "hand-over": lambda world, side: side.hand_over.uuid,
    "team": lambda world, side: side.team.uuid,
    "export job": _export_job,
    "import run": _import_run,
    "import kind": lambda world, side: "time_entries",
    # Organisation administration: the side's coach, their coach role, a treatment team and its membership.
    "person": lambda world, side: side.client.coach.pk,
    "role": lambda world, side: Membership.objects.filter(user=side.client.coach).order_by("pk").first().pk,
    "treatment team": lambda world, side: side.treatment_team.pk,
    "treatment membership": lambda world, side: side.treatment_member.pk,
    "profession": lambda world, side: side.profession.pk,
    # Query-string parameters that name an object.
    "report scope": lambda world, side: f"team:{side.team.uuid}",
    "coach username": lambda world, side: side.client.coach.username,
    "client code": lambda world, side: side.client.code,
    # Not owned by any organisation: the same for both sides.
    "scale item code": lambda world, side: SCALE_ITEM,
    "topic code": lambda world, side: SCALE_ITEM,
    "training page": lambda world, side: world.training_page.pk,
    "image id": lambda world, side: MISSING_IMAGE_ID,
    "image filter": lambda world, side: IMAGE_FILTER,
    "image signature": lambda world, side: generate_signature(MISSING_IMAGE_ID, IMAGE_FILTER),
    "file name": lambda world, side: "kuva.jpg",
    # A calendar feed's secret: one nobody was given, so every caller (signed in or not) gets 404.
    "calendar token": lambda world, side: "not-a-token-anyone-was-given",
}
