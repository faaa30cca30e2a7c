from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fidelity.models import ActionPlanItem, ItemRating, Review
from tests.fidelity.conftest import score_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def filled(review):
    score_all(review, [5] * 10 + [4] * 15)
    ItemRating.objects.filter(review=review, item__code="S1").update(
        evidence='=HYPERLINK("x")', recommendation="Pitäkää asiakasmäärä alle 20."
    )
    Review.objects.filter(pk=review.pk).update(strengths="VAHVUUDET-TEKSTI", summary="YHTEENVETO")
    ActionPlanItem.objects.create(review=review, text="TOIMENPIDE-TEKSTI", owner_name="Tiimin vetäjä")
    return review


def test_the_excel_export_opens_with_openpyxl_and_has_typed_scores(filled, reviewer, as_user):
    response = as_user(reviewer).get(reverse("fidelity:review_xlsx", args=[filled.uuid]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    assert len(workbook.sheetnames) == 3
    items = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert len(items) == 26
    by_code = {row[1]: row for row in items[1:]}
    assert by_code["S1"][3] == 5
    assert isinstance(by_code["V14"][3], int)
    assert by_code["V14"][3] == 4
    # Text that a spreadsheet would run as a formula is neutralised.
    assert by_code["S1"][9].startswith("'=")
    summary = dict(workbook.worksheets[0].iter_rows(min_row=2, values_only=True))
    assert 110 in summary.values()
    plan = list(workbook.worksheets[2].iter_rows(values_only=True))
    assert plan[1][0] == "TOIMENPIDE-TEKSTI"


def test_the_report_lists_strengths_before_the_items_and_the_action_plan_last(filled, supervisor_a, as_user):
    html = as_user(supervisor_a).get(reverse("fidelity:review_report", args=[filled.uuid])).content.decode()
    strengths = html.index("VAHVUUDET-TEKSTI")
    first_item = html.index("Pitäkää asiakasmäärä alle 20.")
    plan = html.index("TOIMENPIDE-TEKSTI")
    assert strengths < first_item < plan


def test_the_report_and_export_are_hidden_from_outsiders(filled, coach_b, reviewer2, as_user):
    for user in (coach_b, reviewer2):
        assert as_user(user).get(reverse("fidelity:review_report", args=[filled.uuid])).status_code == 404
        assert as_user(user).get(reverse("fidelity:review_xlsx", args=[filled.uuid])).status_code == 404


def test_the_item_page_shows_the_anchors_and_loads_training_material_from_the_content_app(scale, reviewer, as_user):
    client = as_user(reviewer)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("fidelity:item_detail", args=["V13"])).content.decode()
    item = scale.items.get(code="V13")
    assert item.anchor_5_en in html or item.anchor_5_fi in html
    assert 'hx-get="/learning/for-item/V13/"' in html
    assert 'hx-trigger="load"' in html


def test_an_unknown_item_code_is_404(reviewer, as_user):
    assert as_user(reviewer).get(reverse("fidelity:item_detail", args=["X99"])).status_code == 404
