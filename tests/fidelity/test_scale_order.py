"""The review page, the printable report and the Excel list the items in the scale's order (the order of the one
list, ips.scale_items, which the scale rows agree with), whatever order the ratings were stored in."""

import re
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from fidelity.models import ItemRating
from ips.scale_items import IPS25_CODES

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored_backwards(review):
    """The ratings re-stored last item first, so an order by row id would be the reverse of the scale's."""
    items = list(review.ratings.order_by("-item__order").values_list("item_id", flat=True))
    review.ratings.all().delete()
    ItemRating.objects.bulk_create(ItemRating(review=review, item_id=item_id, score=3) for item_id in items)
    return review


def _codes_in(html: str, pattern: str) -> list[str]:
    return [code for code in re.findall(pattern, html) if code in IPS25_CODES]


def test_the_report_lists_the_items_in_the_scales_order(stored_backwards, reviewer, as_user):
    html = as_user(reviewer).get(reverse("fidelity:review_report", args=[stored_backwards.uuid])).content.decode()
    assert _codes_in(html, r"<h4>(\w+) ") == list(IPS25_CODES)


def test_the_review_page_lists_the_items_in_the_scales_order(stored_backwards, reviewer, as_user):
    html = as_user(reviewer).get(reverse("fidelity:review_detail", args=[stored_backwards.uuid])).content.decode()
    assert _codes_in(html, r'id="item-(\w+)"') == list(IPS25_CODES)


def test_the_excel_lists_the_items_in_the_scales_order(stored_backwards, reviewer, as_user):
    response = as_user(reviewer).get(reverse("fidelity:review_xlsx", args=[stored_backwards.uuid]))
    workbook = load_workbook(BytesIO(b"".join(response.streaming_content)))
    rows = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert [row[1] for row in rows] == list(IPS25_CODES)
