"""ips/params.py: a query parameter that does not parse falls back to the default."""

import uuid
from datetime import date

import pytest
from django.test import RequestFactory

from ips.params import query_choice, query_date, query_int, query_text, query_uuid


def _request(**query):
    return RequestFactory().get("/", query)


@pytest.mark.parametrize("value", ["", "x", "1e3", "\x00", str(2**70), "-5", "101"])
def test_a_bad_or_out_of_range_number_gives_the_default(value):
    assert query_int(_request(n=value), "n", 7, min_value=0, max_value=100) == 7


def test_a_number_in_range_is_read():
    assert query_int(_request(n=" 42 "), "n", 7, min_value=0, max_value=100) == 42


@pytest.mark.parametrize("value", ["99999-01-01", "9999-12-31", "0001-01-01", "2025-02-30", "20250101", "\x00"])
def test_a_date_outside_the_calendar_or_not_a_date_gives_the_default(value):
    assert query_date(_request(on=value), "on", date(2025, 1, 1)) == date(2025, 1, 1)


def test_a_date_is_read():
    assert query_date(_request(on="2025-03-04"), "on") == date(2025, 3, 4)


def test_a_uuid_is_read_and_anything_else_is_none():
    value = uuid.uuid4()
    assert query_uuid(_request(client=str(value)), "client") == value
    assert query_uuid(_request(client="' OR 1=1"), "client") is None
    assert query_uuid(_request(), "client") is None


def test_a_choice_outside_the_list_gives_the_default():
    assert query_choice(_request(scope="team"), "scope", {"mine", "team"}, "mine") == "team"
    assert query_choice(_request(scope="all\x00"), "scope", {"mine", "team"}, "mine") == "mine"


def test_text_loses_nul_characters_and_is_bounded():
    assert query_text(_request(q="a\x00b"), "q") == "ab"
    assert len(query_text(_request(q="x" * 5000), "q")) == 200
    assert query_text(_request(q=["first", "last"]), "q") == "last"
