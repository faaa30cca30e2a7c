"""The demo data: a Vaasa caseload in every stage and weeks of logs, the same however often it is loaded."""

import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from ips.models import (
    ESF_CHARACTERISTICS,
    MAX_DAY_MINUTES,
    Client,
    ClientTreatmentTeam,
    Referral,
    ServicePeriod,
    Stage,
    StageChange,
    TimeEntry,
    User,
)

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "clients": sorted(Client.objects.values_list("code", "stage", "coach__username", "programme_entry")),
        "entries": sorted(TimeEntry.objects.values_list("coach__username", "date", "minutes", "kind__code")),
        "stage_changes": StageChange.objects.count(),
        "referrals": sorted(Referral.objects.values_list("decision", "birth_year")),
    }


@pytest.fixture
def seeded(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    call_command("seed_demo", stdout=io.StringIO())


def test_the_demo_is_the_same_after_a_second_load(seeded):
    first = _snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert _snapshot() == first


def test_the_vaasa_team_has_clients_in_every_stage(seeded):
    stages = set(Client.objects.filter(team__name="Vaasan työkykytiimi").values_list("stage", flat=True))
    assert stages == set(Stage.values)


def test_both_demo_coaches_have_weeks_of_plausible_logs(seeded):
    today = timezone.localdate()
    for username in ("coach", "coach2"):
        coach = User.objects.get(username=username)
        entries = TimeEntry.objects.filter(coach=coach)
        assert entries.dates("date", "week").count() >= 5
        assert not entries.filter(date__gte=today).exists()  # today is left for the coach to log
        days = entries.values("date").distinct().count()
        assert entries.totals()["total"] <= days * MAX_DAY_MINUTES
        # Every client entry falls inside the client's programme.
        for entry in entries.filter(client__isnull=False).select_related("client"):
            assert entry.client.programme_entry <= entry.date


def test_the_demo_coach_has_clients_to_reach_out_to(seeded):
    coach = User.objects.get(username="coach")
    assert Client.objects.visible_to(coach).of_coach(coach).overdue().exists()


def test_declined_referrals_keep_no_name(seeded):
    declined = Referral.objects.filter(decision="declined")
    assert declined.exists()
    assert not declined.exclude(first_name="", last_name="").exists()


def test_the_demo_org_admin_administers_people_and_the_platform_admin_organisations(seeded, client):
    client.force_login(User.objects.get(username="orgadmin"))
    people = client.get(reverse("ips:people_list"))
    assert people.status_code == 200
    assert {"coach", "coach2", "supervisor"} <= {person.username for person in people.context["people"]}
    assert client.get(reverse("ips:organisation_list")).status_code == 403
    client.force_login(User.objects.get(username="platform"))
    organisations = client.get(reverse("ips:organisation_list"))
    assert organisations.status_code == 200 and len(organisations.context["organisations"]) >= 2
    assert client.get(reverse("ips:people_list")).status_code == 403


def test_the_demo_fills_the_esf_fields_a_funder_reports(seeded):
    """Issue 18: the ESF+ sheet of the demo's workbook has characteristics, results at leaving and follow-ups."""
    vaasa = Client.objects.filter(team__name="Vaasan työkykytiimi")
    assert vaasa.filter(disability="yes").exists()
    assert vaasa.filter(foreign_background="declined").exists()  # "does not want to say" is counted apart
    values = {v for name, _ in ESF_CHARACTERISTICS for v in vaasa.values_list(name, flat=True)}
    assert {"yes", "no", "declined", ""} <= values  # and "not recorded" too
    closed = vaasa.filter(closed_on__isnull=False)
    assert closed.filter(exit_employed=True).count() == closed.filter(outcome="open_market_job").count() > 0
    assert closed.exclude(followup_result="").exists()
    for client in closed.exclude(followup_on=None):
        assert client.followup_on >= client.followup_due_on


def test_each_demo_clients_treatment_team_is_a_dated_span_as_o1_reads_it(seeded):
    """The demo writes the dated row beside Client.treatment_team, once however often it is loaded."""
    call_command("seed_demo", stdout=io.StringIO())
    with_team = Client.objects.filter(treatment_team__isnull=False)
    assert with_team.exists()
    in_force = dict(ClientTreatmentTeam.objects.in_force().values_list("client_id", "treatment_team_id"))
    assert in_force == dict(with_team.values_list("pk", "treatment_team_id"))
    assert ClientTreatmentTeam.objects.count() == with_team.count()


def test_every_demo_client_has_the_service_periods_the_funder_figures_count(seeded):
    """Accepting a referral writes the client's service period; the demo does as well, so that its dashboard counts
    clients in IPS job coaching (it showed 0 while the demo clients had none)."""
    assert list(Client.objects.exclude(pk__in=ServicePeriod.objects.values("client")).values_list("code")) == []
    open_clients = Client.objects.exclude(stage=Stage.CLOSED)
    served_now = ServicePeriod.objects.filter(client__in=open_clients, ended__isnull=True).values("client").distinct()
    assert served_now.count() == open_clients.count()
    for period in ServicePeriod.objects.select_related("client").filter(client__stage=Stage.CLOSED):
        assert period.ended is not None and period.ended > period.started
    assert ServicePeriod.objects.ips().filter(ended__isnull=True).count() >= 10
