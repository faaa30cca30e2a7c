"""The session and its user in one query (ips/sessions.py), with every check of Django's auth still made."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ips.models import Session, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TODAY = reverse("ips:today")


def _login(client, username):
    response = client.post(reverse("login"), {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return Session.objects.get(session_key=client.session.session_key)


def _signed_in(client) -> bool:
    response = client.get(TODAY)
    return response.status_code == 200


def test_the_session_row_names_its_user_and_one_query_reads_both(client, coach_a):
    assert _login(client, "coach_a").user_id == coach_a.pk
    client.get(TODAY)
    with CaptureQueriesContext(connection) as queries:
        assert _signed_in(client)
    user_reads = [q["sql"] for q in queries.captured_queries if 'FROM "ips_user"' in q["sql"]]
    assert user_reads == []
    assert 'FROM "django_session" LEFT OUTER JOIN "ips_user"' in queries.captured_queries[0]["sql"]


def test_an_anonymous_session_names_no_user(client, coach_a):
    client.get(reverse("login"))
    client.post(reverse("login"), {"username": "coach_a", "password": "wrong password"})
    assert not Session.objects.exclude(user=None).exists()


def test_a_deactivated_user_is_signed_out_on_the_next_click(client, coach_a):
    _login(client, "coach_a")
    assert _signed_in(client)
    User.objects.filter(pk=coach_a.pk).update(is_active=False)
    assert not _signed_in(client)


def test_a_password_changed_elsewhere_ends_the_session(client, coach_a):
    _login(client, "coach_a")
    assert _signed_in(client)
    coach_a.set_password("another long password 123")
    coach_a.save()
    assert not _signed_in(client)
    assert not Session.objects.filter(user=coach_a).exists()  # flushed, as Django's get_user does


def test_a_signed_out_session_cannot_be_used_again(client, coach_a):
    session = _login(client, "coach_a")
    client.post(reverse("logout"))
    client.cookies[settings.SESSION_COOKIE_NAME] = session.session_key
    assert not _signed_in(client)


def test_signing_in_as_someone_else_switches_the_user(client, coach_a, coach_b):
    _login(client, "coach_a")
    client.force_login(coach_b)
    assert Session.objects.get(session_key=client.session.session_key).user_id == coach_b.pk
    assert client.get(reverse("ips:home")).wsgi_request.user == coach_b


def test_a_session_written_before_the_column_still_signs_in_and_is_filled_on_its_next_write(client, coach_a):
    session = _login(client, "coach_a")
    Session.objects.filter(pk=session.pk).update(user=None)
    assert _signed_in(client)
    request_session = client.session
    request_session["touched"] = True
    request_session.save()
    assert Session.objects.get(pk=session.pk).user_id == coach_a.pk


def test_a_session_whose_column_names_another_user_goes_by_its_data(client, coach_a, coach_b):
    """The column only saves a query: what the session's data names is what counts."""
    session = _login(client, "coach_a")
    Session.objects.filter(pk=session.pk).update(user=coach_b)
    assert client.get(reverse("ips:home")).wsgi_request.user == coach_a


def test_a_session_of_a_deleted_user_is_anonymous(client):
    person = UserFactory(username="leaving")
    session = _login(client, "leaving")
    User.objects.filter(pk=person.pk).delete()
    assert Session.objects.filter(pk=session.pk).exists()  # nothing cascades to the session row
    assert client.get(reverse("ips:home")).wsgi_request.user.is_anonymous
