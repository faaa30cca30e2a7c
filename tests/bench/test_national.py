"""The national data generator at its tiny scale: every kind of row, the same rows twice, pages that work on them."""

import io
from datetime import date

import pytest
from django.db import transaction
from django.db.models import Count

from bench.national.command import main
from bench.national.generate import generate
from employers.models import EmployerContact, FollowUp, Job
from fidelity.models import ItemRating, Review
from ips.models import Client, ClientAssignment, Membership, Organisation, Stage, Team, TimeEntry

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 23)


def _fingerprint() -> dict:
    return {
        "clients": list(Client.objects.order_by("pk").values_list("pk", "code", "stage", "programme_entry", "coach")),
        "jobs": list(Job.objects.order_by("pk").values_list("pk", "client", "start_date", "end_date", "competitive")),
        # Ids the database hands out (PostgreSQL's sequences survive a rollback): compared in insertion order.
        "entries": list(TimeEntry.objects.order_by("pk").values_list("date", "coach", "minutes", "kind", "client")),
        "contacts": list(EmployerContact.objects.order_by("pk").values_list("date", "employer", "client", "minutes")),
        "reviews": list(Review.objects.order_by("pk").values_list("pk", "team", "status", "period_end")),
    }


def _generate_and_roll_back() -> tuple[dict, dict]:
    with transaction.atomic():
        counts = generate("tiny", today=TODAY)
        fingerprint = _fingerprint()
        transaction.set_rollback(True)
    return counts, fingerprint


def test_it_writes_the_same_rows_with_the_same_ids_twice():
    counts, first = _generate_and_roll_back()
    assert not Client.objects.exists()
    again, second = _generate_and_roll_back()
    assert again == counts
    assert second == first
    assert first["clients"] and first["jobs"] and first["contacts"]


def test_it_writes_every_kind_of_row_with_realistic_paths():
    generate("tiny", today=TODAY)
    assert Organisation.objects.count() == 2
    stages = set(Client.objects.values_list("stage", flat=True))
    assert {Stage.CLOSED, Stage.SUPPORT, Stage.ENGAGEMENT} <= stages
    assert not Client.objects.filter(stage=Stage.CLOSED, closed_on__isnull=True).exists()
    # Every client has exactly one open assignment unless closed, and some moved between coaches.
    open_clients = Client.objects.exclude(stage=Stage.CLOSED).count()
    assert ClientAssignment.objects.filter(ended__isnull=True).count() == open_clients
    assert ClientAssignment.objects.count() > Client.objects.count()
    # A client in support has a running job; jobs carry their follow-along plans.
    supported = Client.objects.filter(stage=Stage.SUPPORT).first()
    assert supported.jobs.filter(end_date__isnull=True).exists()
    assert FollowUp.objects.filter(kind="after_start").count() == Job.objects.count()
    assert FollowUp.objects.filter(kind="after_end").count() == Job.objects.filter(end_date__isnull=False).count()
    # Every coach logs work; every team has a draft review with a rating per item of the scale.
    coaches = Membership.objects.filter(role="coach").values("user")
    assert TimeEntry.objects.filter(coach__in=coaches).values("coach").distinct().count() == coaches.count()
    drafts = Review.objects.filter(status="draft").annotate(n=Count("ratings"))
    assert sorted(d.team_id for d in drafts) == sorted(Team.objects.values_list("pk", flat=True))
    assert {d.n for d in drafts} == {25}
    assert ItemRating.objects.filter(review__status="finalised", score__isnull=True).count() == 0


def test_the_pages_work_on_the_generated_data(client):
    generate("tiny", today=TODAY)
    coach = Membership.objects.filter(role="coach").first().user
    client.force_login(coach)
    some_client = Client.objects.filter(coach=coach).first()
    for url in ("/today/", "/clients/", f"/clients/{some_client.uuid}/", "/week/", "/employers/"):
        assert client.get(url).status_code == 200, url


def test_it_refuses_a_database_that_has_data(org_a):
    with pytest.raises(SystemExit, match="empty"):
        main(["--scale", "tiny"], stdout=io.StringIO())
