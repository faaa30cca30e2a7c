import pytest
from django.core.exceptions import ValidationError

from employers.validators import (
    business_id_check_digit,
    business_id_from,
    normalise_business_id,
    validate_occupation_code,
)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0112038-9", "0112038-9"),  # Nokia Oyj
        ("2331972-7", "2331972-7"),
        (" 0112038 - 9 ", "0112038-9"),
        ("01120389", "0112038-9"),
    ],
)
def test_it_accepts_valid_business_ids_and_normalises_them(typed, stored):
    assert normalise_business_id(typed) == stored


def _remainder(body):
    return sum(w * int(d) for w, d in zip((7, 9, 10, 5, 8, 4, 2), body, strict=True)) % 11


def test_a_remainder_of_zero_gives_check_digit_zero():
    body = next(f"{n:07d}" for n in range(1000, 2000) if _remainder(f"{n:07d}") == 0)
    assert business_id_check_digit(body) == 0
    assert normalise_business_id(f"{body}-0") == f"{body}-0"
    with pytest.raises(ValidationError):
        normalise_business_id(f"{body}-1")


def test_it_left_pads_an_old_six_digit_business_id():
    # 112038-9 is the old spelling of 0112038-9.
    assert normalise_business_id("112038-9") == "0112038-9"


def test_it_refuses_a_wrong_check_digit():
    with pytest.raises(ValidationError) as error:
        normalise_business_id("0112038-8")
    assert error.value.code == "business_id_checksum"


def test_it_refuses_a_body_whose_remainder_is_one():
    body = next(f"{n:07d}" for n in range(1000000, 1000100) if _remainder(f"{n:07d}") == 1)
    assert business_id_check_digit(body) is None
    for check in range(10):
        with pytest.raises(ValidationError):
            normalise_business_id(f"{body}-{check}")


def test_a_generated_business_id_skips_a_body_without_check_digit():
    body = next(n for n in range(1000000, 1000100) if _remainder(f"{n:07d}") == 1)
    assert business_id_from(body - 1) == normalise_business_id(business_id_from(body - 1))
    assert business_id_from(body) == normalise_business_id(business_id_from(body))
    assert business_id_from(body).startswith(f"{body + 1:07d}-")


@pytest.mark.parametrize("typed", ["", "abc", "12345-6", "12345678-9", "0112038-", "0112038_9"])
def test_it_refuses_malformed_business_ids(typed):
    with pytest.raises(ValidationError) as error:
        normalise_business_id(typed)
    assert error.value.code == "business_id_format"


@pytest.mark.parametrize("code", ["52", "522", "5223", "52231"])
def test_it_accepts_occupation_codes_of_two_to_five_digits(code):
    validate_occupation_code(code)


@pytest.mark.parametrize("code", ["5", "522311", "52a3", "", "52 23"])
def test_it_refuses_other_occupation_codes(code):
    with pytest.raises(ValidationError):
        validate_occupation_code(code)
