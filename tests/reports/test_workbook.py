"""The funder workbook: real spreadsheet types, numbers a spreadsheet program reads, and no personal data."""

import io
import zipfile
from datetime import date

import pandas as pd
import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from ips.models import Membership
from reports.metrics.suppression import HIDDEN
from tests.libreoffice import first_sheet_rows, needs_libreoffice

SHEETS = ["Summary", "Quarters", "ESF+ participants", "IPS Grow", "Fidelity", "Definitions"]


@pytest.fixture
def export(outcomes, reporter, org_a, tmp_path):
    """Run the command for organisation A and 2025, in English; returns the file's path. --no-suppress runs as a
    reporter granted figures without suppression."""

    def run(*extra):
        if "--no-suppress" in extra:
            Membership.objects.get_or_create(
                user=reporter, organisation=org_a, team=None, role=Membership.Role.UNSUPPRESSED
            )
            reporter.__dict__.pop("roles", None)
        out = tmp_path / "funder.xlsx"
        call_command(
            "export_funder_report",
            "--org",
            "poh",
            "--as",
            reporter.username,
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--out",
            str(out),
            "--language",
            "en",
            *extra,
            stdout=io.StringIO(),
        )
        return out

    return run


def summary_of(path) -> dict:
    sheet = load_workbook(path)["Summary"]
    return {row[0]: row[1:] for row in sheet.iter_rows(min_row=2, values_only=True)}


def test_it_writes_every_sheet_with_summary_first(export):
    assert load_workbook(export()).sheetnames == SHEETS


def test_it_fills_the_seed_table_with_typed_cells(export):
    path = export("--no-suppress")
    summary = summary_of(path)
    assert summary["Clients in the project"][0] == 5  # team B's c6 counts for the organisation
    assert summary["Employed in total (competitive job)"][:2] == (3, 0.6)
    assert summary["Clients in IPS job coaching"][0] == 4
    assert summary["of whom employed"][:2] == (3, 0.75)
    assert summary["Mean satisfaction (1–10)"][2] == 8.5
    assert summary["Mean Kykyviisari change"][2] == 1
    assert summary["Period starts"][0].date() == date(2025, 1, 1)
    sheet = load_workbook(path)["Summary"]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref.startswith("A1:E")
    assert sheet["C8"].number_format == "0.0%"


def test_it_shows_small_counts_as_under_five_by_default(export):
    summary = summary_of(export())
    assert summary["New clients"][0] == HIDDEN  # 2
    assert summary["Clients in the project"][0] == 5
    assert summary["Jobs sustained 12 months"][0] == 0


@needs_libreoffice
def test_libreoffice_reads_the_summary_numbers(export, tmp_path):
    rows = {row[0]: row[1:] for row in first_sheet_rows(export("--no-suppress"), tmp_path)}
    assert rows["Clients in the project"][0] == "5"
    assert rows["Employed in total (competitive job)"][:2] == ["3", "60.0%"]
    assert rows["of whom employed"][:2] == ["3", "75.0%"]
    assert rows["Mean satisfaction (1–10)"][2] == "8.5"
    assert rows["Period ends"][0] == "2025-12-31"
    assert rows["Scope"][3] == "Pohjanmaan hyvinvointialue"


def test_pandas_reads_the_quarters_and_participants(export, outcomes):
    sheets = pd.read_excel(export("--no-suppress"), sheet_name=None)
    quarters = sheets["Quarters"]
    assert list(quarters["Quarter"]) == ["2025 Q1", "2025 Q2", "2025 Q3", "2025 Q4"]
    # Q1 for the organisation: c1, c2, c3, c6 active; c1, c2, c6 in competitive work.
    assert quarters.loc[0, "Clients active"] == 4
    assert quarters.loc[0, "Employment rate (IPS)"] == pytest.approx(0.75)
    participants = sheets["ESF+ participants"]
    ages = participants[participants["Indicator"] == "Age band at entry"].set_index("Category")["Participants"]
    assert (ages["Under 30"], ages["30–54"], ages["55 or over"]) == (1, 0, 1)
    grow = sheets["IPS Grow"]
    # 2025 Q1 for the organisation: c2 entered (15.2., in work when referred); first jobs of c6 (5.1.), c1 (10.2.)
    # and c2 (1.3.), which are also the quarter's three job starts; nobody's profile was started.
    assert list(grow.columns)[3:8] == [
        "Referrals (programme entries)",
        "of which in work at referral",
        "Engaged (vocational profile started)",
        "Supported into work (first job starts)",
        "Job starts",
    ]
    assert list(grow.iloc[0, 3:8]) == [1, 1, 0, 3, 3]


def test_no_sheet_lists_a_client_or_a_job(export, outcomes):
    """Aggregates only: no client code anywhere, and no sheet longer than its figures (one row a client or job)."""
    for suppression in ((), ("--no-suppress",)):
        path = export(*suppression)
        sheets = pd.read_excel(path, sheet_name=None)
        assert set(sheets) == set(SHEETS)
        cells = {str(cell) for frame in sheets.values() for cell in frame.to_numpy().ravel()}
        columns = {str(column) for frame in sheets.values() for column in frame.columns}
        for client in (outcomes[key] for key in ("c1", "c2", "c3", "c4", "c5", "c6")):
            assert client.code not in cells
        assert not columns & {"Client code", "Employer", "Start date", "End date", "Birth year"}
        assert len(sheets["ESF+ participants"]) < 80  # categories (61 rows), not people


def test_no_name_birth_year_or_note_appears_anywhere_in_the_file(export, outcomes):
    path = export("--no-suppress")
    text = ""
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            text += archive.read(name).decode("utf-8", errors="replace")
    cells = [str(cell) for sheet in load_workbook(path) for row in sheet.iter_rows(values_only=True) for cell in row]
    for client in (outcomes[key] for key in ("c1", "c2", "c3", "c4", "c5", "c6")):
        assert client.first_name not in text
        assert client.last_name not in text
        if client.birth_year:  # in the cells: the file's XML cites namespaces of years such as 2001
            assert not [cell for cell in cells if str(client.birth_year) in cell]
    assert "soitti" not in text  # the log entry's note
    assert "Ouluun" not in text  # the closure reason
    assert outcomes["c1"].code not in text  # aggregates only: not even a pseudonym code


def test_it_neutralises_formulas_in_the_organisation_name(export, org_a):
    org_a.name = "+SUM(1,2)"
    org_a.save()
    workbook = load_workbook(export())
    texts = [
        cell.value
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    ]
    assert all(cell.data_type != "f" for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row)
    assert "'+SUM(1,2)" in texts
    assert not any(text.startswith(("=", "+", "@")) for text in texts)


def test_the_command_refuses_an_unknown_organisation(db, tmp_path):
    with pytest.raises(CommandError):
        call_command(
            "export_funder_report",
            "--org",
            "xxx",
            "--as",
            "nobody",
            "--from",
            "2025-01-01",
            "--to",
            "2025-12-31",
            "--out",
            str(tmp_path / "x.xlsx"),
        )


def test_the_command_logs_no_client_and_logs_turning_suppression_off(export, outcomes, reporter, org_a):
    export()
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()
    export("--no-suppress")
    [entry] = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=reporter)
    assert entry.object_id == org_a.pk
    assert entry.additional_data["unsuppressed"] == org_a.name


def test_the_command_refuses_to_turn_suppression_off_without_the_right(outcomes, reporter, tmp_path):
    with pytest.raises(CommandError, match="may not turn suppression off"):
        call_command(
            "export_funder_report",
            *("--org", "poh", "--as", reporter.username, "--from", "2025-01-01", "--to", "2025-12-31"),
            *("--out", str(tmp_path / "x.xlsx"), "--no-suppress"),
        )


@pytest.mark.parametrize("who", ["coach_a", "org_admin_b", "nobody"])
def test_the_command_runs_only_as_a_reporter_or_admin_of_the_organisation(who, request, outcomes, tmp_path):
    username = who if who == "nobody" else request.getfixturevalue(who).username
    with pytest.raises(CommandError, match="not an active reporter"):
        call_command(
            "export_funder_report",
            *("--org", "poh", "--as", username, "--from", "2025-01-01", "--to", "2025-12-31"),
            *("--out", str(tmp_path / "x.xlsx")),
        )
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()
