"""An import's steps: upload, check (preview), commit, cancel, undo, and the user's file back with its errors."""

import csv
import hashlib
import io
import logging

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from employers.imports import committing, reading, schema
from employers.imports.checking import Checker
from employers.imports.committing import CommitRefused
from employers.models import ImportRun
from ips import xlsx

logger = logging.getLogger(__name__)
# At most this many problems are kept on the run for the page; the error file carries every one.
PROBLEMS_SHOWN = 2000


def read(run: ImportRun) -> reading.Sheet:
    return reading.read(bytes(run.content), run.filename, schema.KINDS[run.kind].known_headers())


def upload(*, user, team, kind: str, filename: str, content: bytes, language: str) -> ImportRun:
    """A new run for the file, with the header row found and the columns guessed (ReadError if it does not read)."""
    run = ImportRun(
        team=team,
        kind=kind,
        created_by=user,
        language=language,
        filename=filename[:200],
        checksum=hashlib.sha256(content).hexdigest(),
        content=content,
    )
    sheet = read(run)
    run.headers = sheet.headers
    run.header_row = sheet.header_row
    run.rows_total = len(sheet.rows)
    # A corrected file of the same columns keeps the mapping the user made for the last one.
    previous = (
        ImportRun.objects.filter(team=team, kind=kind, created_by=user, headers=sheet.headers)
        .exclude(mapping={})
        .only("mapping")
        .first()
    )
    guessed = {"columns": schema.guess_columns(schema.KINDS[kind], sheet.headers), "values": {}, "key": ""}
    run.mapping = previous.mapping if previous else guessed
    run.save()
    return run


def earlier_import(run: ImportRun) -> ImportRun | None:
    """The same file imported into the team before (a re-import then updates or skips its rows)."""
    return (
        ImportRun.objects.filter(team=run.team_id, checksum=run.checksum, status=ImportRun.Status.DONE)
        .exclude(pk=run.pk)
        .first()
    )


def _progress(run):
    rows = ImportRun.objects.filter(pk=run.pk)
    return lambda percent: rows.update(progress=percent)


def check(run: ImportRun):
    """Check every row and keep what the preview shows: the problems, the unmatched values, the counts."""
    rows = ImportRun.objects.filter(pk=run.pk)
    try:
        sheet = read(run)
        result = Checker(run, sheet, progress=_progress(run)).check()
    except reading.ReadError as error:
        rows.update(status=ImportRun.Status.FAILED, message=str(error)[:500], progress=0)
        return None
    except Exception:
        logger.exception("import %s: the check failed", run.pk)
        rows.update(status=ImportRun.Status.FAILED, message=_("The check failed. Try again."), progress=0)
        return None
    problems = result.problems()
    rows.update(
        status=ImportRun.Status.CHECKED,
        progress=100,
        problems=problems[:PROBLEMS_SHOWN],
        unmatched=result.unmatched,
        rows_total=len(result.rows),
        rows_error=len(result.bad),
        rows_created=sum(1 for row in result.rows if not row.errors and row.action == "create"),
        rows_updated=sum(1 for row in result.rows if not row.errors and row.action == "update"),
        rows_skipped=sum(1 for row in result.rows if not row.errors and row.action == "skip"),
        message="",
    )
    return result


def commit(run: ImportRun) -> bool:
    """Check again and write everything in one transaction; on any failure nothing is written and the run says why."""
    rows = ImportRun.objects.filter(pk=run.pk)
    try:
        sheet = read(run)
        result = Checker(run, sheet, progress=lambda percent: rows.update(progress=percent // 2)).check()
        committing.commit(run, result, progress=lambda percent: None)
    except (CommitRefused, reading.ReadError) as error:
        rows.update(status=ImportRun.Status.CHECKED, message=str(error)[:500], progress=0)
        if isinstance(error, CommitRefused) and "result" in locals():
            problems = result.problems()
            rows.update(problems=problems[:PROBLEMS_SHOWN], rows_error=len(result.bad))
        return False
    except Exception:
        logger.exception("import %s: the commit failed", run.pk)
        rows.update(
            status=ImportRun.Status.FAILED,
            message=_("The import failed and nothing was written. Try again."),
            progress=0,
        )
        return False
    return True


def commit_start(run: ImportRun, *, skip_errors: bool) -> None:
    """The commit is queued: the run's page polls its progress from here."""
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.COMMITTING, progress=1, skip_errors=skip_errors)


def cancel(run: ImportRun) -> None:
    """Nothing was written: the run keeps its name and counts, the file is deleted."""
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.CANCELLED, content=None)


def undo(run: ImportRun) -> int:
    return committing.undo(run)


# --- the user's own file with an error column ---------------------------------------------------------------------


def _messages_by_row(run: ImportRun) -> dict[int, str]:
    found = {}
    for problem in run.problems:
        text = f"{problem['column']}: {problem['message']}" if problem["column"] else problem["message"]
        found.setdefault(problem["row"], []).append(text)
    return {row: "; ".join(texts) for row, texts in found.items()}


def error_file(run: ImportRun) -> tuple[bytes, str, str]:
    """(content, file name, content type): the uploaded file with a column of each row's errors added."""
    messages = _messages_by_row(run)
    # Translators: the end of an error file's name, "tiedosto-virheet.xlsx".
    suffix = _("errors")
    stem = f"{run.filename.rsplit('.', 1)[0]}-{suffix}"
    if reading.file_format(run.filename) == "xlsx":
        book = load_workbook(io.BytesIO(bytes(run.content)))
        sheet = book.worksheets[0]
        column = sheet.max_column + 1
        sheet.cell(row=run.header_row, column=column, value=_("Errors"))
        for number, text in messages.items():
            sheet.cell(row=number, column=column, value=xlsx.fit(text))
        out = io.BytesIO()
        book.save(out)
        return out.getvalue(), f"{stem}.xlsx", xlsx.XLSX_CONTENT_TYPE
    sheet = read(run)
    text = bytes(run.content).decode(sheet.encoding + ("-sig" if sheet.encoding == "utf-8" else ""))
    out = io.StringIO()
    writer = csv.writer(out, delimiter=sheet.separator or ";", lineterminator="\r\n")
    for number, record in enumerate(csv.reader(io.StringIO(text), delimiter=sheet.separator or ";"), start=1):
        extra = _("Errors") if number == run.header_row else xlsx.neutralise(messages.get(number, ""))
        writer.writerow([*record, extra])
    encoding = sheet.encoding or "utf-8"
    content = out.getvalue().encode(encoding, errors="replace")
    if encoding == "utf-8":
        content = b"\xef\xbb\xbf" + content
    return content, f"{stem}.csv", f"text/csv; charset={encoding}"


@transaction.atomic
def save_mapping(run: ImportRun, *, columns: dict, values: dict, key: str, skip_errors: bool = False) -> None:
    ImportRun.objects.filter(pk=run.pk).update(
        mapping={"columns": columns, "values": values, "key": key},
        status=ImportRun.Status.CHECKING,
        progress=1,
        skip_errors=skip_errors,
        message="",
    )
