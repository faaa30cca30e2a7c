"""Management commands typed at a shell: a bad value is a one-line usage error (exit 2), never a traceback."""

import pytest
from django.core.management import ManagementUtility


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export_funder_report", "--org", "poh", "--as", "reporter", "--from", "2025-13-01", "--to", "2025-12-31",
          "--out", "x.xlsx"], "argument --from: not a date (YYYY-MM-DD): 2025-13-01"),
        (["export_funder_report", "--org", "poh", "--as", "reporter", "--from", "2025-01-01", "--to", "end",
          "--out", "x.xlsx"], "argument --to: not a date (YYYY-MM-DD): end"),
        (["anonymise_closed", "--older-than", "two"], "argument --older-than: not a whole number of years: two"),
        (["anonymise_closed", "--older-than", "0"], "argument --older-than: at least 1 year, not 0"),
    ],
)  # fmt: skip
def test_a_bad_value_is_a_usage_error_not_a_traceback(argv, message, capsys):
    with pytest.raises(SystemExit) as stopped:
        ManagementUtility(["manage.py", *argv]).execute()
    assert stopped.value.code == 2
    error = capsys.readouterr().err
    assert message in error
    assert "Traceback" not in error and "usage: manage.py" in error
