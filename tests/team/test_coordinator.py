"""The asiakasvastaava as a dated assignment: named, handed over with a date and reason, shown on the client page
and the caseload, and "my clients as asiakasvastaava"."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ips.models import Coordinator
from ips.support_services import coordinator_change
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db


def _post(browser, client, **data):
    return browser.post(reverse("ips:coordinator_edit", args=[client.uuid]), data)


def test_the_team_names_a_nurse_asiakasvastaava_and_the_client_page_shows_her(coach_a, nurse_a, client_a, as_user):
    browser = as_user(coach_a)
    today = timezone.localdate()
    response = _post(browser, client_a, user=nurse_a.pk, on=today.isoformat())
    assert response.status_code == 302
    coordinator = Coordinator.objects.get(client=client_a)
    assert (coordinator.user, coordinator.started, coordinator.ended) == (nurse_a, today, None)
    page = browser.get(reverse("ips:client_detail", args=[client_a.uuid])).content.decode()
    assert str(nurse_a) in page


def test_a_change_is_a_hand_over_with_date_and_reason(coach_a, nurse_a, client_a, as_user):
    today = timezone.localdate()
    coordinator_change(client=client_a, on=today - timedelta(days=30), by=coach_a, user=nurse_a)
    browser = as_user(coach_a)
    refused = _post(
        browser, client_a, name="Sari Sosiaaliohjaaja", organisation_name="Aikuissosiaalityö", on=today.isoformat()
    )
    assert refused.status_code == 200 and "reason" in refused.context["form"].errors
    _post(
        browser,
        client_a,
        name="Sari Sosiaaliohjaaja",
        organisation_name="Aikuissosiaalityö",
        on=today.isoformat(),
        reason="Siirtyi sosiaaliseen kuntoutukseen",
    )
    earlier, current = Coordinator.objects.filter(client=client_a).order_by("started")
    assert (earlier.user, earlier.ended) == (nurse_a, today)
    assert (current.name, current.organisation_name, current.started, current.ended) == (
        "Sari Sosiaaliohjaaja",
        "Aikuissosiaalityö",
        today,
        None,
    )
    assert current.reason == "Siirtyi sosiaaliseen kuntoutukseen"


def test_a_person_or_a_name_is_needed_not_both(coach_a, nurse_a, client_a, as_user):
    browser = as_user(coach_a)
    today = timezone.localdate().isoformat()
    assert "name" in _post(browser, client_a, on=today).context["form"].errors
    assert "name" in _post(browser, client_a, on=today, user=nurse_a.pk, name="X").context["form"].errors
    assert not Coordinator.objects.exists()


def test_someone_of_another_team_cannot_be_named(coach_a, coach_b, client_a, as_user):
    response = _post(as_user(coach_a), client_a, user=coach_b.pk, on=timezone.localdate().isoformat())
    assert "user" in response.context["form"].errors


def test_a_same_day_correction_replaces_the_assignment(coach_a, nurse_a, client_a):
    today = timezone.localdate()
    coordinator_change(client=client_a, on=today, by=coach_a, user=coach_a)
    coordinator_change(client=client_a, on=today, by=coach_a, user=nurse_a, reason="Korjaus")
    assert list(Coordinator.objects.filter(client=client_a).values_list("user", flat=True)) == [nurse_a.pk]


def test_an_outsider_gets_404(coach_b, client_a, as_user):
    assert _post(as_user(coach_b), client_a, on=timezone.localdate().isoformat()).status_code == 404
    assert not Coordinator.objects.exists()


def test_my_clients_as_asiakasvastaava_lists_only_mine_with_a_flat_query_count(
    coach_a, nurse_a, team_a, as_user, django_assert_num_queries
):
    today = timezone.localdate()
    mine = ClientFactory(team=team_a, coach=coach_a)
    coordinator_change(client=mine, on=today, by=coach_a, user=nurse_a)
    other = ClientFactory(team=team_a, coach=coach_a)
    coordinator_change(client=other, on=today, by=coach_a, user=coach_a)
    browser = as_user(nurse_a)
    url = reverse("ips:my_coordinated")
    browser.get(url)
    with django_assert_num_queries(4) as first:
        response = browser.get(url)
    page = response.content.decode()
    assert mine.code in page and other.code not in page
    for _ in range(10):
        coordinator_change(client=ClientFactory(team=team_a, coach=coach_a), on=today, by=coach_a, user=nurse_a)
    with django_assert_num_queries(len(first.captured_queries)):
        browser.get(url)


def test_the_caseload_shows_the_asiakasvastaava_with_a_flat_query_count(
    coach_a, nurse_a, team_a, as_user, count_queries
):
    today = timezone.localdate()
    client = ClientFactory(team=team_a, coach=coach_a)
    coordinator_change(client=client, on=today, by=coach_a, user=nurse_a)
    browser = as_user(coach_a)
    assert str(nurse_a) in browser.get(reverse("ips:caseload")).content.decode()
    before = count_queries(reverse("ips:caseload"))
    for _ in range(10):
        coordinator_change(client=ClientFactory(team=team_a, coach=coach_a), on=today, by=coach_a, name="Ulla Ulkoinen")
    assert count_queries(reverse("ips:caseload")) == before
