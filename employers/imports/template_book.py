"""The downloadable template of each kind of import, in the reader's language (openpyxl).

Sheet one has the headers Polku recognises, one example row, and drop-down lists (data validation) for the choice
columns, whose values sit on a hidden sheet; a notes sheet says what each column takes.
"""

import io
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from employers.imports import schema
from ips import xlsx

MAX_TEMPLATE_ROW = 5000


def _describe(spec) -> str:
    texts = {
        schema.DATE: _("A date: 31.12.2025 or 2025-12-31 (a date cell works too)."),
        "int": _("A whole number."),
        "decimal": _("A number; a decimal comma or point, e.g. 37,5."),
        "bool": _("Yes or no."),
        "choice": _("One of the list (drop-down)."),
        "client": _("The client's pseudonym code in Polku, or the code a client import read."),
        "employer": _("The employer's business ID or its name in the employer register."),
        schema.COACH: _("The coach's user name, e-mail or full name in Polku."),
    }
    text = texts.get(spec.type, _("Text."))
    required = _("Required.") if spec.required else _("Optional.")
    return f"{required} {text}"


def _example(kind, spec, lookups_example):
    value = kind.example.get(spec.name, lookups_example.get(spec.type))
    if spec.type == "choice" and value is not None:
        return dict(spec.options()).get(value, value)
    if spec.type == "bool" and value is not None:
        return _("Yes") if value == "true" else _("No")
    return value


def build(kind_code: str, language: str, *, coach_name: str = "", client_code: str = "") -> bytes:
    kind = schema.KINDS[kind_code]
    with translation.override(language):
        book = Workbook()
        data = book.active
        data.title = xlsx.fit(str(_("Data")))[:31]
        lists = book.create_sheet(str(_("Lists"))[:31])
        lists.sheet_state = "hidden"
        notes = book.create_sheet(str(_("Notes"))[:31])
        examples = {
            schema.COACH: coach_name or "Etunimi Sukunimi",
            "client": client_code or "ABC-12345",
            "employer": "0112038-9",
        }
        list_column = 0
        for index, spec in enumerate(kind.fields, start=1):
            letter = get_column_letter(index)
            header = data.cell(row=1, column=index, value=spec.header(language))
            header.font = Font(bold=True)
            data.column_dimensions[letter].width = max(14, len(header.value) + 2)
            example = _example(kind, spec, examples)
            if isinstance(example, date):
                cell = data.cell(row=2, column=index, value=example)
                cell.number_format = "d.m.yyyy"
            elif example is not None:
                data.cell(row=2, column=index, value=xlsx.fit(str(example)))
            options = []
            if spec.type == "choice":
                options = [label for _code, label in spec.options()]
            elif spec.type == "bool":
                options = [str(_("Yes")), str(_("No"))]
            if options:
                list_column += 1
                list_letter = get_column_letter(list_column)
                for row, label in enumerate(options, start=1):
                    lists.cell(row=row, column=list_column, value=xlsx.fit(label))
                validation = DataValidation(
                    type="list",
                    formula1=f"'{lists.title}'!${list_letter}$1:${list_letter}${len(options)}",
                    allow_blank=not spec.required,
                )
                validation.error = str(_("Choose a value from the list."))
                validation.showErrorMessage = False  # other spellings are mapped when the file is imported
                data.add_data_validation(validation)
                validation.add(f"{letter}2:{letter}{MAX_TEMPLATE_ROW}")
        data.freeze_panes = "A2"
        notes.append([str(_("Column")), str(_("What it takes"))])
        for cell in notes[1]:
            cell.font = Font(bold=True)
        for spec in kind.fields:
            notes.append([spec.header(language), _describe(spec)])
        notes.append([])
        notes.append([str(_("Row 2 is an example: replace it with your own rows."))])
        notes.append(
            [str(_("The columns may be in any order; Polku recognises Finnish, Swedish and English headers."))]
        )
        notes.column_dimensions["A"].width = 32
        notes.column_dimensions["B"].width = 80
        out = io.BytesIO()
        book.save(out)
    return out.getvalue()
