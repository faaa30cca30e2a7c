"""ips.periods.quarter_of: a report's default period (the team report's quarter, the dashboard's presets)."""

from datetime import date

import pytest

from ips.periods import Period, quarter_of


@pytest.mark.parametrize(
    ("day", "back", "quarter"),
    [
        (date(2025, 1, 1), 0, Period(date(2025, 1, 1), date(2025, 3, 31))),
        (date(2025, 5, 31), 0, Period(date(2025, 4, 1), date(2025, 6, 30))),
        (date(2025, 12, 31), 0, Period(date(2025, 10, 1), date(2025, 12, 31))),
        (date(2025, 2, 14), 1, Period(date(2024, 10, 1), date(2024, 12, 31))),
        (date(2025, 8, 1), 4, Period(date(2024, 7, 1), date(2024, 9, 30))),
    ],
)
def test_quarter_of_is_the_calendar_quarter_of_the_day_or_one_before(day, back, quarter):
    assert quarter_of(day, back) == quarter
    assert quarter_of(day, back).label == f"{quarter.start.year} Q{(quarter.start.month - 1) // 3 + 1}"
