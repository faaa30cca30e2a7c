"""Setting a review up: its dates make sense together (the visit during or after the data period it looks at, not
more than a year ahead, real years), and a team has one draft per stretch of time (finalised reviews may overlap:
a correction is a new review of the same period)."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from fidelity import services
from fidelity.models import Review
from ips.models import Membership
from tests.factories import MembershipFactory
from tests.fidelity.conftest import finalise, make_review, score_all

pytestmark = pytest.mark.django_db


def _iso(day) -> str:
    return day.isoformat()


def _dates(today=None, **days):
    """A valid setting-up: the last half year's data, reviewed today and tomorrow; `days` moves a date by days."""
    today = today or timezone.localdate()
    dates = {
        "period_start": today - timedelta(days=182),
        "period_end": today,
        "review_start": today,
        "review_end": today + timedelta(days=1),
    }
    for name, shift in days.items():
        dates[name] += timedelta(days=shift)
    return dates


def _create(browser, team, scale, dates, **fields):
    data = {"team": team.pk, "scale": scale.pk, **{name: _iso(day) for name, day in dates.items()}, **fields}
    return browser.post(reverse("fidelity:review_create"), data)


def _refused_at(response, field) -> list[str]:
    """The form came back with a message next to `field` (the error tied to its input); nothing was saved."""
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert f'id="id_{field}_error"' in response.content.decode()
    return errors[field]


def test_a_review_that_starts_before_its_data_period_is_refused_next_to_the_review_date(
    supervisor_a, team_a, scale, as_user
):
    dates = _dates()
    dates["review_start"] = dates["period_start"] - timedelta(days=3 * 365)
    response = _create(as_user(supervisor_a), team_a, scale, dates)
    _refused_at(response, "review_start")
    assert not Review.objects.exists()


def test_a_data_period_that_goes_on_after_the_review_has_ended_is_refused(supervisor_a, team_a, scale, as_user):
    response = _create(as_user(supervisor_a), team_a, scale, _dates(period_end=30))
    _refused_at(response, "review_end")
    assert not Review.objects.exists()


def test_a_review_more_than_a_year_ahead_is_refused(supervisor_a, team_a, scale, as_user):
    far = _dates(review_start=400, review_end=401)
    _refused_at(_create(as_user(supervisor_a), team_a, scale, far), "review_start")
    assert not Review.objects.exists()


def test_a_data_period_that_has_not_begun_is_refused(supervisor_a, team_a, scale, as_user):
    later = _dates(period_start=190, period_end=200, review_start=200, review_end=201)
    _refused_at(_create(as_user(supervisor_a), team_a, scale, later), "period_start")
    assert not Review.objects.exists()


@pytest.mark.parametrize("field", ["period_start", "period_end", "review_start", "review_end"])
def test_a_year_outside_the_calendar_is_refused_next_to_its_field(field, supervisor_a, team_a, scale, as_user):
    dates = _dates()
    dates[field] = dates[field].replace(year=1850 if field.endswith("start") else 9999)
    assert len(_refused_at(_create(as_user(supervisor_a), team_a, scale, dates), field)) == 1  # one clear message
    assert not Review.objects.exists()


@pytest.mark.parametrize(
    "days",
    [
        {},  # the half year up to the visit
        {"review_start": -3, "review_end": 0},  # the visit in the last days of the period
        {"period_end": 21, "review_start": 20, "review_end": 21},  # a visit planned three weeks ahead
        {"period_start": -548, "period_end": -365, "review_start": -360, "review_end": -359},  # a past review
    ],
)
def test_a_review_during_or_after_its_data_period_is_created(days, supervisor_a, team_a, scale, as_user):
    response = _create(as_user(supervisor_a), team_a, scale, _dates(**days))
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.period_start, review.review_end) == (_dates(**days)["period_start"], _dates(**days)["review_end"])


def test_the_settings_of_a_review_refuse_the_same_dates(review, supervisor_a, as_user):
    dates = _dates()
    dates["review_start"] = dates["period_start"] - timedelta(days=10)
    data = {name: _iso(day) for name, day in dates.items()}
    response = as_user(supervisor_a).post(reverse("fidelity:review_settings", args=[review.uuid]), data)
    _refused_at(response, "review_start")
    review.refresh_from_db()
    assert review.review_start != dates["review_start"]


# --- one draft at a time ------------------------------------------------------------------------------------------


@pytest.fixture
def draft(team_a, scale, reviewer):
    """A draft of team A over the last half year."""
    dates = _dates()
    return make_review(team_a, scale, [reviewer], period_start=dates["period_start"], period_end=dates["period_end"])


def _period(review) -> str:
    return (
        f"{date_format(review.period_start, 'SHORT_DATE_FORMAT')}–{date_format(review.period_end, 'SHORT_DATE_FORMAT')}"
    )


def test_a_second_draft_of_an_overlapping_period_is_refused_naming_the_existing_draft(
    draft, supervisor_a, team_a, scale, as_user
):
    overlapping = _dates(period_start=-60, period_end=0)
    response = _create(as_user(supervisor_a), team_a, scale, overlapping)
    [message] = _refused_at(response, "period_start")
    with translation.override("fi"):
        assert _period(draft) in message
    assert Review.objects.get() == draft


def test_a_draft_of_another_team_or_of_the_period_after_a_draft_is_created(
    team_a, team_b, scale, reviewer, supervisor_a, as_user
):
    earlier = _dates(period_start=-200, period_end=-183)
    make_review(team_a, scale, [reviewer], period_start=earlier["period_start"], period_end=earlier["period_end"])
    MembershipFactory(user=supervisor_a, role=Membership.Role.SUPERVISOR, team=team_b, organisation=team_b.organisation)
    browser = as_user(supervisor_a)
    assert _create(browser, team_a, scale, _dates()).status_code == 302  # from the day after the draft's period
    assert _create(browser, team_b, scale, _dates()).status_code == 302
    assert Review.objects.filter(status=Review.Status.DRAFT).count() == 3


def test_a_new_draft_may_overlap_a_finalised_review(team_a, scale, reviewer, supervisor_a, as_user):
    dates = _dates()
    earlier = make_review(team_a, scale, [reviewer], period_start=dates["period_start"], period_end=dates["period_end"])
    score_all(earlier, 3)
    finalise(earlier, reviewer)
    assert _create(as_user(supervisor_a), team_a, scale, dates).status_code == 302
    assert Review.objects.filter(team=team_a, status=Review.Status.DRAFT).count() == 1


def test_moving_a_drafts_period_onto_another_draft_is_refused(draft, team_a, scale, reviewer, supervisor_a, as_user):
    dates = _dates()
    earlier = make_review(
        team_a,
        scale,
        [reviewer],
        period_start=dates["period_start"] - timedelta(days=200),
        period_end=dates["period_start"] - timedelta(days=1),
    )
    data = {name: _iso(day) for name, day in dates.items()}
    response = as_user(supervisor_a).post(reverse("fidelity:review_settings", args=[earlier.uuid]), data)
    [message] = _refused_at(response, "period_start")
    with translation.override("fi"):
        assert _period(draft) in message
    # Its own period is no clash: the draft's settings save with their dates.
    response = as_user(supervisor_a).post(reverse("fidelity:review_settings", args=[draft.uuid]), data)
    assert response.status_code == 302


def test_a_draft_set_up_by_someone_else_after_the_form_checked_is_named_too(
    draft, supervisor_a, team_a, scale, as_user, monkeypatch
):
    monkeypatch.setattr("fidelity.forms.overlapping_draft", lambda **lookup: None)  # the check ran before it existed
    [message] = _refused_at(_create(as_user(supervisor_a), team_a, scale, _dates()), "period_start")
    with translation.override("fi"):
        assert _period(draft) in message
    assert Review.objects.get() == draft


def test_the_service_refuses_a_second_overlapping_draft_too(draft, team_a, scale, reviewer):
    with pytest.raises(services.DraftExists) as refusal:
        make_review(team_a, scale, [reviewer], period_start=draft.period_end, period_end=draft.period_end)
    assert refusal.value.draft == draft
    assert Review.objects.count() == 1


def test_starting_a_new_review_from_a_finalised_one_leads_to_the_draft_that_already_covers_its_period(
    team_a, scale, reviewer, as_user
):
    dates = _dates()
    finalised = make_review(
        team_a, scale, [reviewer], period_start=dates["period_start"], period_end=dates["period_end"]
    )
    score_all(finalised, 3)
    finalise(finalised, reviewer)
    browser = as_user(reviewer)
    url = reverse("fidelity:review_copy", args=[finalised.uuid])
    first = browser.post(url)
    copy = Review.objects.get(status=Review.Status.DRAFT)
    assert first["Location"] == reverse("fidelity:review_detail", args=[copy.uuid])
    again = browser.post(url, follow=True)
    assert Review.objects.filter(status=Review.Status.DRAFT).count() == 1
    assert again.redirect_chain[-1][0] == reverse("fidelity:review_detail", args=[copy.uuid])
    html = again.content.decode()
    with translation.override("fi"):
        assert re.search(re.escape(_period(copy)), html)
