"""The private calendar feed of My agenda and the daily e-mail digest: codes and counts, never names."""

from datetime import timedelta

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from ips.models import ReminderSettings
from tests.employers.factories import FollowUpFactory, JobFactory
from tests.factories import ClientFactory

pytestmark = pytest.mark.django_db

REMINDERS_URL = reverse("ips:reminders")


def _quiet(team, coach, **names):
    return ClientFactory(team=team, coach=coach, programme_entry=timezone.localdate() - timedelta(days=20), **names)


def _turn_feed(client, choice, digest=False):
    data = {"feed": choice}
    if digest:
        data["daily_digest"] = "on"
    assert client.post(REMINDERS_URL, data).status_code == 302
    return ReminderSettings.objects.get()


def _feed(client, token):
    return client.get(reverse("ips:agenda_feed", args=[token]))


def _events(response):
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_the_feed_is_off_until_the_user_turns_it_on(coach_a, as_user):
    page = as_user(coach_a).get(REMINDERS_URL)
    assert page.context["feed_url"] is None
    reminder = _turn_feed(as_user(coach_a), "on")
    assert reminder.feed_token and len(reminder.feed_token) >= 40
    assert reminder.feed_token in as_user(coach_a).get(REMINDERS_URL).context["feed_url"]


def test_the_feed_carries_codes_and_never_names(coach_a, team_a, as_user, client):
    quiet = _quiet(team_a, coach_a, first_name="Aino", last_name="Virtanen")
    job = JobFactory(client=quiet)
    FollowUpFactory(
        job=job, window_start=timezone.localdate() - timedelta(days=9), due_on=timezone.localdate() - timedelta(days=2)
    )
    token = _turn_feed(as_user(coach_a), "on").feed_token
    client.logout()
    response = _feed(client, token)
    events = _events(response)
    summaries = [str(event["SUMMARY"]) for event in events]
    assert len(events) == 2 and all(quiet.code in summary for summary in summaries)
    body = response.content.decode()
    assert "Aino" not in body and "Virtanen" not in body
    # Overdue lines sit on today, where the coach sees them, until they are done.
    assert {event.decoded("DTSTART") for event in events} == {timezone.localdate()}
    assert all(str(event["URL"]).startswith("http") for event in events)
    assert len({str(event["UID"]) for event in events}) == 2


def test_the_feed_speaks_the_users_language(coach_a, team_a, as_user, client):
    coach_a.language = "fi"
    coach_a.save()
    quiet = _quiet(team_a, coach_a)
    token = _turn_feed(as_user(coach_a), "on").feed_token
    summary = str(_events(_feed(client, token))[0]["SUMMARY"])
    assert quiet.code in summary and "yhteyttä" in summary


def test_a_new_address_retires_the_old_one(coach_a, as_user, client):
    old = _turn_feed(as_user(coach_a), "on").feed_token
    new = _turn_feed(as_user(coach_a), "new").feed_token
    assert new != old
    client.logout()
    assert _feed(client, old).status_code == 404
    assert _feed(client, new).status_code == 200


def test_turning_the_feed_off_answers_404(coach_a, as_user, client):
    token = _turn_feed(as_user(coach_a), "on").feed_token
    assert _turn_feed(as_user(coach_a), "off").feed_token is None
    assert _feed(client, token).status_code == 404


def test_a_feed_whose_owner_left_answers_404(coach_a, as_user, client):
    token = _turn_feed(as_user(coach_a), "on").feed_token
    coach_a.is_active = False
    coach_a.save()
    assert _feed(client, token).status_code == 404


def test_reading_the_feed_is_logged_as_the_owners_access(coach_a, team_a, as_user, client):
    quiet = _quiet(team_a, coach_a)
    token = _turn_feed(as_user(coach_a), "on").feed_token
    client.logout()
    _feed(client, token)
    row = LogEntry.objects.get(action=LogEntry.Action.ACCESS, additional_data__client=str(quiet.uuid))
    assert row.actor == coach_a


def test_other_roles_have_no_reminder_settings(reviewer, as_user):
    assert as_user(reviewer).get(REMINDERS_URL).status_code == 403


# --- the daily digest -----------------------------------------------------------------------------------------


@pytest.fixture
def locmem(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.SITE_URL = "https://polku.example"


def test_the_digest_goes_only_to_those_who_asked(coach_a, coach_a2, team_a, as_user, locmem):
    coach_a.email, coach_a2.email = "a@example.org", "a2@example.org"
    coach_a.save(), coach_a2.save()
    _quiet(team_a, coach_a, first_name="Aino", last_name="Virtanen")
    _quiet(team_a, coach_a2)
    _turn_feed(as_user(coach_a), "keep", digest=True)
    call_command("send_agenda_digest")
    assert [message.to for message in mail.outbox] == [["a@example.org"]]
    message = mail.outbox[0]
    assert "https://polku.example" + reverse("ips:agenda") in message.body
    assert "Aino" not in message.body + message.subject and "Virtanen" not in message.body
    assert not any(client.code in message.body for client in coach_a.clients.all())


def test_the_digest_counts_in_the_users_language(coach_a, team_a, as_user, locmem):
    coach_a.email, coach_a.language = "a@example.org", "sv"
    coach_a.save()
    _quiet(team_a, coach_a)
    _quiet(team_a, coach_a)
    _turn_feed(as_user(coach_a), "keep", digest=True)
    call_command("send_agenda_digest")
    body = mail.outbox[0].body
    assert "Försenade: 2" in body


def test_the_digest_is_sent_once_a_day_and_not_when_nothing_is_due(coach_a, team_a, as_user, locmem):
    coach_a.email = "a@example.org"
    coach_a.save()
    _turn_feed(as_user(coach_a), "keep", digest=True)
    call_command("send_agenda_digest")
    assert mail.outbox == []
    _quiet(team_a, coach_a)
    call_command("send_agenda_digest")
    call_command("send_agenda_digest")
    assert len(mail.outbox) == 1
