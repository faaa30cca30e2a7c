"""The funder workbook: the seed's table and the ESF+ indicators in Excel, aggregates only, with definitions.

No sheet lists a client or a job: every cell is a count, share or mean of a group, rendered from the same figures
object as the dashboard (reports.metrics.figures) through the same suppression (reports.metrics.suppression).
Sheets are written through ips.xlsx (openpyxl, write-only), which types the cells and neutralises formulas.
"""

from dataclasses import dataclass

from ips import xlsx
from reports.metrics import Period, Scope
from reports.metrics.figures import Figures, figures_for
from reports.metrics.suppression import Shown
from reports.workbook.common import AGE_BANDS, MEAN, PERCENT, yes_no
from reports.workbook.definitions import definitions, definitions_sheet
from reports.workbook.fidelity import fidelity_sheet
from reports.workbook.figures import (
    grow_rows,
    grow_sheet,
    participant_rows,
    participants_sheet,
    quarter_rows,
    quarters_sheet,
    summary_rows,
    summary_sheet,
)

__all__ = [
    "AGE_BANDS",
    "MEAN",
    "PERCENT",
    "FunderWorkbook",
    "build",
    "definitions",
    "grow_rows",
    "participant_rows",
    "quarter_rows",
    "summary_rows",
    "yes_no",
]


@dataclass
class FunderWorkbook:
    workbook: xlsx.Workbook
    shown: Shown


def build(
    scope: Scope, period: Period, *, suppressed: bool = True, progress=None, figures: Figures | None = None
) -> FunderWorkbook:
    """Every sheet, Summary first (a CSV conversion reads only the first sheet).

    `progress(percent)` is called before each step, so a background export can show how far it has come.
    """
    report = progress or (lambda percent: None)
    report(5)
    shown = Shown(figures or figures_for(scope, period), suppressed=suppressed)
    book = xlsx.new_workbook()
    report(60)
    summary_sheet(book, shown)
    report(70)
    quarters_sheet(book, shown)
    report(75)
    participants_sheet(book, shown)
    grow_sheet(book, shown)
    report(80)
    fidelity_sheet(book, scope, period)
    definitions_sheet(book)
    report(95)
    return FunderWorkbook(workbook=book, shown=shown)
