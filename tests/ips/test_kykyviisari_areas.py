"""Kykyviisari area scores: recorded with each measurement (each optional), compared first to latest on the
client page."""

from datetime import date
from decimal import Decimal

from django.urls import reverse

from ips.models import KYKYVIISARI_AREA_FIELDS, KykyviisariScore, kykyviisari_comparison


def _post(browser, client, **data):
    payload = {"measured_on": "2025-03-01", "score": "6", "kind": "follow_up", **data}
    return browser.post(reverse("ips:score_add", args=[client.uuid]), payload)


def test_a_measurement_keeps_the_areas_answered_and_leaves_the_others_empty(client_a, coach_a, as_user):
    response = _post(as_user(coach_a), client_a, area_physical="4.5", area_work_study="7")
    assert response.status_code == 302
    score = KykyviisariScore.objects.get(client=client_a)
    assert (score.area_physical, score.area_work_study) == (Decimal("4.5"), Decimal("7.0"))
    assert score.area_mental is None and score.area_environment is None


def test_an_area_score_over_ten_gets_a_message_next_to_the_field(client_a, coach_a, as_user):
    response = _post(as_user(coach_a), client_a, area_social="11", area_physical="-1")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_area_social_error"' in page
    assert 'id="id_area_physical_error"' in page
    assert not KykyviisariScore.objects.exists()


def test_the_comparison_takes_the_first_and_the_latest_measurement_of_each_area(client_a):
    def measure(day, **areas):
        return KykyviisariScore.objects.create(
            client=client_a, measured_on=day, score=5, **{f"area_{k}": Decimal(v) for k, v in areas.items()}
        )

    scores = [
        measure(date(2025, 1, 10), physical="3", mental="6"),
        measure(date(2025, 4, 10), physical="8"),
        measure(date(2025, 9, 10), physical="5.5", cognitive="4"),
    ]
    rows = {row["code"]: row for row in kykyviisari_comparison(reversed(scores))}
    assert len(rows) == len(KYKYVIISARI_AREA_FIELDS)
    assert (rows["physical"]["before"], rows["physical"]["after"], rows["physical"]["change"]) == (
        Decimal("3"),
        Decimal("5.5"),
        Decimal("2.5"),
    )
    assert rows["physical"]["after_on"] == date(2025, 9, 10)
    assert rows["mental"]["change"] is None and rows["mental"]["only"] == Decimal("6")
    assert rows["social"]["change"] is None and rows["social"]["only"] is None


def test_the_client_page_shows_before_and_after_per_area(client_a, coach_a, as_user):
    KykyviisariScore.objects.create(client=client_a, measured_on=date(2025, 1, 10), score=4, area_physical=3)
    KykyviisariScore.objects.create(client=client_a, measured_on=date(2025, 9, 10), score=6, area_physical=7)
    response = as_user(coach_a).get(reverse("ips:client_detail", args=[client_a.uuid]))
    physical = response.context["kykyviisari_areas"][0]
    assert (physical["before"], physical["after"], physical["change"]) == (3, 7, 4)
    # The page is in the coach's Finnish: a decimal comma.
    assert "<td>+4,0</td>" in response.content.decode()


def test_an_outsider_cannot_add_area_scores(client_a, coach_b, as_user):
    assert _post(as_user(coach_b), client_a, area_physical="5").status_code == 404
    assert not KykyviisariScore.objects.exists()
