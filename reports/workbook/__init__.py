"""The funder workbook: the seed's table and the ESF+ indicators in Excel, with definitions and no personal data.

Rows about clients carry the pseudonym code and an age band only: no names, birth years, notes or other free text.
Sheets are streamed through ips.xlsx, which types the cells, neutralises formulas and keeps memory flat.
"""

from dataclasses import dataclass, field

from ips import xlsx
from reports import metrics
from reports.metrics import Period, Scope
from reports.workbook.clients import client_rows, clients_sheet, fidelity_sheet, jobs_sheet
from reports.workbook.common import AGE_BANDS, MEAN, PERCENT, yes_no
from reports.workbook.definitions import definitions, definitions_sheet
from reports.workbook.figures import (
    participant_rows,
    participants_sheet,
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
    "client_rows",
    "clients_sheet",
    "definitions",
    "participant_rows",
    "summary_rows",
    "yes_no",
]


@dataclass
class FunderWorkbook:
    workbook: xlsx.Workbook
    client_ids: list[int] = field(default_factory=list)


def build(scope: Scope, period: Period, *, suppressed: bool = True, progress=None) -> FunderWorkbook:
    """Every sheet, Summary first (a CSV conversion reads only the first sheet).

    `progress(percent)` is called before each step, so a background export can show how far it has come.
    """
    report = progress or (lambda percent: None)
    report(5)
    figures = metrics.summary(scope, period)
    book = xlsx.new_workbook()
    summary_sheet(book, figures, suppressed)
    report(20)
    quarters_sheet(book, metrics.quarterly_rates(scope, period, figures), suppressed)
    report(30)
    participants_sheet(book, metrics.participant_figures(scope, period), suppressed)
    report(40)
    job_clients = jobs_sheet(book, scope, period)
    report(60)
    client_ids = clients_sheet(book, scope, period)
    report(85)
    fidelity_sheet(book, scope, period)
    definitions_sheet(book)
    report(95)
    # Every client named by code in any sheet, for the access log.
    return FunderWorkbook(workbook=book, client_ids=sorted(job_clients.union(client_ids)))
