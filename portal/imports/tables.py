"""Spreadsheets in and out: a CSV (UTF-8) or XLSX file as rows of named cells, and back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def read_table(*, content: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8) or XLSX file as dicts keyed by the header row; raises ValueError if unreadable."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # openpyxl raises many kinds of errors for a broken file
            raise ValueError(_("not a readable XLSX file (%(error)s)") % {"error": exc}) from None
        values = [
            ["" if cell is None else str(cell).strip() for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    elif filename.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(_("the CSV file is not UTF-8 text")) from None
        values = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ValueError(_("upload a .csv or .xlsx file"))
    if not values:
        raise ValueError(_("the file is empty"))
    header = [name.strip().lower() for name in values[0]]
    return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]


def render_table(*, columns: Iterable[str], rows: list[list[str]], file_format: str) -> bytes:
    """The header and rows as a CSV (UTF-8) or XLSX file that `read_table` reads back unchanged."""
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(list(columns))
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
