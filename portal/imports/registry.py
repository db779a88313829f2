"""The kinds of import each app registers, and running an import or an export of one kind."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import IntegrityError, models, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.imports.importer import ERROR, Importer, ImportReport, RowError, RowResult
from portal.versioning import one_change

_importers: dict[str, type[Importer]] = {}


def register(importer: type[Importer]) -> type[Importer]:
    """Make a kind of import available (usable as a class decorator in an app's `importers.py`)."""
    if not importer.kind:
        raise ImproperlyConfigured(f"{importer.__name__} names no kind.")
    if _importers.get(importer.kind, importer) is not importer:
        raise ImproperlyConfigured(f"Two importers for the kind “{importer.kind}”.")
    _importers[importer.kind] = importer
    return importer


def unregister(kind: str) -> None:
    _importers.pop(kind, None)


def importers() -> list[type[Importer]]:
    """Every registered kind, in the order the import form offers them."""
    return sorted(_importers.values(), key=lambda importer: (importer.order, importer.kind))


def get_importer(kind: str) -> type[Importer] | None:
    return _importers.get(kind)


def import_rows(*, kind: str, rows: list[dict[str, str]], user, commit: bool) -> ImportReport:
    """Validate every row (a dry run) and, when `commit` and every row is valid, write them all.

    Rows are written inside one transaction even in a dry run, so later rows see earlier ones
    and database constraints are checked; the transaction is rolled back unless the whole file
    is valid and `commit` is true. Row numbers count the header as row 1, as a spreadsheet does.
    """
    importer = _importers[kind](user)
    report = ImportReport(kind=kind)
    if rows and (unknown := set(rows[0]) - set(importer.columns)):
        report.problems.append(_("unknown column(s): %(columns)s") % {"columns": ", ".join(sorted(unknown))})
    if rows and (missing := set(importer.required) - set(rows[0])):
        report.problems.append(_("missing column(s): %(columns)s") % {"columns": ", ".join(sorted(missing))})
    if not rows:
        report.problems.append(_("the file has no rows"))
    if report.problems:
        return report
    with transaction.atomic(), one_change():
        for number, data in enumerate(rows, start=2):
            report.rows.append(_import_row(importer, data, number))
        report.written = commit and report.is_valid
        if not report.written:
            transaction.set_rollback(True)
    return report


def _import_row(importer: Importer, data: dict[str, str], number: int) -> RowResult:
    result = RowResult(number=number, label=" ".join(data.get(c, "") for c in importer.required))
    if missing := [column for column in importer.required if not data.get(column)]:
        result.state, result.reasons = ERROR, [_("required: %(columns)s") % {"columns": ", ".join(missing)}]
        return result
    try:
        with transaction.atomic():
            result.label, result.state = importer.row(data, number)
    except RowError as exc:
        result.state, result.reasons = ERROR, [str(reason) for reason in exc.args]
    except IntegrityError as exc:
        result.state, result.reasons = ERROR, [_("violates a database constraint (%(error)s)") % {"error": exc}]
    return result


def export_rows(*, kind: str, queryset: models.QuerySet) -> tuple[tuple[str, ...], list[list[str]]]:
    """The rows the matching importer reads back unchanged."""
    importer = _importers[kind]
    rows = []
    with translation.override(settings.LANGUAGE_CODE):  # the English of translated fields, as the import reads it
        for obj in queryset:
            values = importer.export_values(obj)
            rows.append([str(values.get(column, "")) for column in importer.columns])
    return importer.columns, rows
