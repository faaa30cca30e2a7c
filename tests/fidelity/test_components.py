"""Component items scored from ticks, hand-computed at every count, and the page a reviewer ticks them on."""

from datetime import date

import pytest
from django.urls import reverse

from fidelity import indicators
from fidelity.components import Tick, rating_ticks_save
from fidelity.models import ComponentTick, ItemRating, ScaleComponent
from fidelity.services import StaleEdit, rating_save
from tests.factories import TimeEntryFactory, activity_kind
from tests.fidelity.indicators_data import coach

pytestmark = pytest.mark.django_db

# Count of components seen -> score, read off the anchors of 0002 (one or none of five is 1; V14: two or fewer is 1).
FIVE = [(0, 1), (1, 1), (2, 2), (3, 3), (4, 4), (5, 5)]
CASES = [
    *((code, count, score) for code in ("O2", "O5", "O7", "O8") for count, score in FIVE),
    *(("V2", count, score) for count, score in [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]),
    *(("V14", count, score) for count, score in [(0, 1), (2, 1), (3, 2), (4, 3), (5, 4), (6, 5)]),
]


def _tick(review, code, count, by, source="INT"):
    rating = review.ratings.get(item__code=code)
    ticks = [Tick(number, source, f"nähty {number}") for number in range(1, count + 1)]
    return rating_ticks_save(rating=rating, based_on_version=rating.version, by=by, ticks=ticks)


@pytest.mark.parametrize(("code", "count", "score"), CASES)
def test_the_count_of_components_seen_gives_the_anchor_score(review, reviewer, code, count, score):
    rating = _tick(review, code, count, reviewer)
    assert (rating.suggested_score, rating.score, rating.measured_value) == (score, score, count)
    assert rating.source == ItemRating.Source.DATA_ACCEPTED
    assert ComponentTick.objects.filter(rating=rating).count() == count


def test_each_component_item_has_its_components_as_rows_in_three_languages(scale):
    counts = {code: ScaleComponent.objects.filter(item__scale=scale, item__code=code).count() for code in CASES_CODES}
    assert counts == {"O2": 5, "O5": 5, "O7": 5, "O8": 5, "V2": 4, "V14": 6}
    o7_5 = ScaleComponent.objects.get(item__scale=scale, item__code="O7", number=5)
    assert "quarterly" in o7_5.text_en and "neljännesvuosittain" in o7_5.text_fi and "kvartal" in o7_5.text_sv


CASES_CODES = ("O2", "O5", "O7", "O8", "V2", "V14")


def test_the_ticks_keep_their_source_and_note_and_the_rows_show_every_component(review, reviewer):
    rating = _tick(review, "O2", 2, reviewer, source="OBS")
    rows = rating.measured_detail["rows"]
    assert [row[2] for row in rows] == ["✓", "✓", "✗", "✗", "✗"]
    assert rows[0][3:] == ["OBS", "nähty 1"]
    assert rating.sources == ["OBS"]


def test_an_override_with_a_reason_stays_when_the_ticks_change(review, reviewer):
    rating = _tick(review, "O2", 3, reviewer)
    rating = rating_save(rating=rating, based_on_version=rating.version, by=reviewer, score=2, override_reason="Syy")
    assert rating.source == ItemRating.Source.DATA_OVERRIDDEN
    rating = _tick(review, "O2", 4, reviewer)
    assert (rating.score, rating.suggested_score, rating.override_reason) == (2, 4, "Syy")


def test_a_stale_tick_save_is_refused(review, reviewer):
    rating = review.ratings.get(item__code="V2")
    _tick(review, "V2", 1, reviewer)
    with pytest.raises(StaleEdit):
        rating_ticks_save(rating=rating, based_on_version=rating.version, by=reviewer, ticks=[])


def _url(review, code="O2"):
    return reverse("fidelity:rating_components", args=[review.uuid, code])


def test_the_reviewer_ticks_on_the_page_and_gets_the_score(client, review, reviewer):
    client.force_login(reviewer)
    page = client.get(_url(review))
    assert page.status_code == 200
    version = review.ratings.get(item__code="O2").version
    data = {"version": version, "seen_1": "on", "source_1": "INT", "note_1": "viikkopalaveri", "seen_3": "on"}
    data["source_3"] = "OBS"
    response = client.post(_url(review), data)
    assert response.status_code == 302
    rating = review.ratings.get(item__code="O2")
    assert (rating.score, rating.measured_value) == (2, 2)


def test_a_ticked_component_needs_its_evidence_source(client, review, reviewer):
    client.force_login(reviewer)
    version = review.ratings.get(item__code="O2").version
    response = client.post(_url(review), {"version": version, "seen_1": "on"})
    assert response.status_code == 200
    assert review.ratings.get(item__code="O2").score is None


def test_an_item_without_components_has_no_tick_page(client, review, reviewer):
    client.force_login(reviewer)
    assert client.get(_url(review, "S1")).status_code == 404


def test_the_tick_page_is_hidden_from_another_team_and_refused_to_a_reader(client, review, coach_b, supervisor_a):
    client.force_login(coach_b)
    assert client.get(_url(review)).status_code == 404
    client.force_login(supervisor_a)
    assert client.post(_url(review), {"version": 0}).status_code == 403


def test_v14_components_the_log_shows_are_ticked_in_advance(client, review, reviewer, team_a):
    # Three outreach attempts and no home visit in the review's period: the refresh stores what V14's component
    # rows show (fidelity3_thresholds), and the tick page ticks it (before: a figure label read in the view).
    worker = coach(team_a)
    for day in (3, 10, 17):
        TimeEntryFactory(team=team_a, coach=worker, kind=activity_kind("outreach_attempt"), date=date(2025, 8, day))
    indicators.refresh_review(review)
    client.force_login(reviewer)
    form = client.get(_url(review, "V14")).context["form"]
    assert form.initial.get("seen_2") is True and form.initial["source_2"] == "MIS"
    assert form.initial["seen_4"] is False  # no home visits logged: not ticked
