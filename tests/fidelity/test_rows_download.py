"""Every row behind a suggestion: the page shows the first 50, the Excel download all, with pseudonym codes only."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fidelity import indicators
from tests.fidelity.indicators_data import clients, coach

pytestmark = pytest.mark.django_db


def test_the_download_holds_all_rows_the_page_shows_fifty(client, review, reviewer, team_a):
    coach(team_a, "1.00")
    coach(team_a, "1.00")
    made = clients(team_a, 55)
    indicators.refresh_review(review)
    client.force_login(reviewer)
    page = client.get(reverse("fidelity:review_detail", args=[review.uuid])).content.decode()
    url = reverse("fidelity:rating_rows_xlsx", args=[review.uuid, "S1"])
    assert url in page
    response = client.get(url)
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[1]
    codes = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(codes) == sorted(person.code for person in made)
    assert not any(person.last_name in str(list(sheet.values)) for person in made)


def test_an_item_without_rows_has_no_download_and_outsiders_get_404(client, review, reviewer, coach_b):
    client.force_login(reviewer)
    assert client.get(reverse("fidelity:rating_rows_xlsx", args=[review.uuid, "S3"])).status_code == 404
    client.force_login(coach_b)
    assert client.get(reverse("fidelity:rating_rows_xlsx", args=[review.uuid, "S1"])).status_code == 404
