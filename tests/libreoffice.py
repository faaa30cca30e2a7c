"""Open a workbook in a real spreadsheet program: LibreOffice headless converts its first sheet to UTF-8 CSV."""

import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

# In CI a missing LibreOffice fails the run; on a developer's machine the test is skipped and says why.
needs_libreoffice = pytest.mark.skipif(
    not shutil.which("soffice") and not os.environ.get("CI"), reason="LibreOffice is not installed"
)


def first_sheet_rows(path: Path, workdir: Path) -> list[list[str]]:
    outdir = workdir / "csv"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{workdir}/lo-profile",
            "--headless",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(outdir),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    text = (outdir / f"{path.stem}.csv").read_text(encoding="utf-8")
    return list(csv.reader(text.splitlines()))
