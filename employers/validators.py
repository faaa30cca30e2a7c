"""Finnish business IDs (Y-tunnus), occupation codes and phone numbers, checked the way the registers check them."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)
_BUSINESS_ID_RE = re.compile(r"(\d{6,7})-?(\d)")


def business_id_check_digit(body: str) -> int | None:
    """The check digit of a 7-digit body, or None when no digit fits (remainder 1: such IDs are never issued)."""
    remainder = sum(weight * int(digit) for weight, digit in zip(BUSINESS_ID_WEIGHTS, body, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def business_id_from(body_number: int) -> str:
    """The first valid business ID whose body is body_number or the next that has a check digit (demo and test data)."""
    while business_id_check_digit(f"{body_number:07d}") is None:
        body_number += 1
    body = f"{body_number:07d}"
    return f"{body}-{business_id_check_digit(body)}"


def normalise_business_id(value: str) -> str:
    """'1234567-8' from any accepted spelling; old 6-digit IDs are left-padded with 0 as the register does."""
    compact = re.sub(r"\s+", "", value or "")
    match = _BUSINESS_ID_RE.fullmatch(compact)
    if not match:
        raise ValidationError(
            _("Enter the business ID as seven digits, a hyphen and a check digit, e.g. 0112038-9."),
            code="business_id_format",
        )
    body, check = match[1].zfill(7), int(match[2])
    if business_id_check_digit(body) != check:
        raise ValidationError(
            _("This business ID is not valid: its check digit does not match. Check the number."),
            code="business_id_checksum",
        )
    return f"{body}-{check}"


def validate_business_id(value: str) -> None:
    if value:
        normalise_business_id(value)


validate_occupation_code = RegexValidator(
    r"^\d{2,5}$",
    _("Enter the occupation code as 2 to 5 digits (ISCO-08 / Ammattiluokitus 2010), e.g. 5223."),
    code="occupation_code",
)


# E.164 allows at most 15 digits with the country code; a Finnish service number has at least 5 (e.g. 116 117).
PHONE_DIGITS = (5, 15)
_PHONE_RE = re.compile(r"\+?[\d ()-]+")


def normalise_phone(value: str) -> str:
    """A phone number as typed, its runs of spaces made one: digits, with spaces, hyphens and brackets between them
    and a + only in front (040 123 4567, +358 (0)40 123 4567, (06) 317 1111). Letters, extensions and other signs
    are refused: the number is dialled from the page."""
    typed = " ".join((value or "").split())
    digits = sum(character.isdigit() for character in typed)
    if not _PHONE_RE.fullmatch(typed) or not PHONE_DIGITS[0] <= digits <= PHONE_DIGITS[1] or not _brackets_pair(typed):
        raise ValidationError(
            _(
                "Enter the phone number as 5 to 15 digits, e.g. 040 123 4567 or +358 40 123 4567; spaces, hyphens "
                "and brackets may separate them."
            ),
            code="phone",
        )
    return typed


def _brackets_pair(typed: str) -> bool:
    """Brackets open before they close and do not nest: (06) or (0)40, never )06( or ((06))."""
    depth = 0
    for character in typed:
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth not in (0, 1):
            return False
    return depth == 0
