"""The xlsx writer alone: microseconds a cell for ips.xlsx over openpyxl, on rows shaped like the participant list.

python -m bench.xlsx_writer [--rows 1645 16450] [--runs 5]

Needs no national data: the rows are made here (17 columns: codes, labels, dates, empty cells, integers, decimals
with a number format, yes/no), so it runs in seconds and can be profiled (py-spy record -- python -m bench...).
Besides ours it times openpyxl's own write-only append of the same values (what any writer over openpyxl pays),
so the figure says how much of a cell is ours. CPU time, best of `runs`.
"""

import argparse
import dataclasses
import os
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.utils import translation  # noqa: E402
from openpyxl import Workbook as OpenpyxlWorkbook  # noqa: E402
from openpyxl.cell import WriteOnlyCell  # noqa: E402

from ips import xlsx  # noqa: E402
from reports.participants import COLUMNS as PARTICIPANT_COLUMNS  # noqa: E402

# The participant sheet's own columns, with their English headers (what the read-back compares).
with translation.override("en"):
    COLUMNS = [dataclasses.replace(column, header=str(column.header)) for column in PARTICIPANT_COLUMNS]

LABELS = ["IPS-työhönvalmennus", "Nainen", "Mies", "Työtön", "Pitkäaikaistyötön", "Toinen aste (ISCED 3–4)"]


def make_rows(count: int, seed: int = 18) -> list[tuple]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    rows = []
    for index in range(count):
        entry = start + timedelta(days=rng.randrange(700))
        closed = entry + timedelta(days=rng.randrange(30, 400)) if rng.random() < 0.4 else None
        first_job = entry + timedelta(days=rng.randrange(20, 300)) if rng.random() < 0.5 else None
        rows.append(
            (
                f"PIR-{index:05d}",
                f"Tampere {index % 9}: työkykytiimi",
                rng.choice(LABELS),
                rng.choice(LABELS),
                rng.choice(["Alle 30", "30–54", "55 tai yli"]),
                rng.choice(LABELS),
                rng.choice(LABELS + [""]),
                rng.choice(["Kyllä", "Ei"]),
                entry,
                closed,
                rng.choice(LABELS + [""]) if closed else "",
                rng.choice([None, 7, 8, 9]),
                Decimal(rng.randrange(20, 90)) / 10,
                rng.choice([None, Decimal(rng.randrange(20, 90)) / 10]),
                first_job,
                (first_job - entry).days if first_job else None,
                rng.choice(["Kyllä", "Ei"]),
            )
        )
    return rows


def ours(rows) -> None:
    book = xlsx.new_workbook()
    book.add_sheet("Participants", COLUMNS, rows)
    book.save(BytesIO())


def openpyxl_alone(rows) -> None:
    """openpyxl's write-only append of the same values: plain values, a styled cell where a format is needed."""
    book = OpenpyxlWorkbook(write_only=True)
    sheet = book.create_sheet("Participants")
    sheet.append([column.header for column in COLUMNS])
    formats = [column.number_format for column in COLUMNS]
    for row in rows:
        cells = []
        for number_format, value in zip(formats, row, strict=True):
            if value.__class__ is Decimal:
                value = float(value)
            if value.__class__ is date:
                number_format = xlsx.DATE_FORMAT
            if number_format is None or value is None:
                cells.append(value if value != "" else None)
            else:
                cell = WriteOnlyCell(sheet, value)
                cell.number_format = number_format
                cells.append(cell)
        sheet.append(cells)
    book.save(BytesIO())


def best_cpu(fn, rows, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.process_time()
        fn(rows)
        times.append(time.process_time() - started)
    return min(times)


def measure(row_counts=(1645, 16450), runs: int = 5) -> list[str]:
    lines = []
    for count in row_counts:
        rows = make_rows(count)
        cells = count * len(COLUMNS)
        mine, floor = best_cpu(ours, rows, runs), best_cpu(openpyxl_alone, rows, runs)
        lines.append(
            f"xlsx writer, {count:,} rows ({cells:,} cells), CPU best of {runs}: ips.xlsx {mine:.3f} s "
            f"({mine / cells * 1e6:.1f} µs a cell); openpyxl's own append {floor:.3f} s "
            f"({floor / cells * 1e6:.1f} µs a cell)"
        )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, nargs="+", default=[1645, 16450])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=["ours", "openpyxl"], help="run one writer once (for a profiler)")
    options = parser.parse_args()
    if options.only:
        rows = make_rows(options.rows[0])
        for _ in range(options.runs):
            (ours if options.only == "ours" else openpyxl_alone)(rows)
        return 0
    sys.stdout.write("\n".join(measure(options.rows, options.runs)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
