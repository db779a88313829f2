"""Bulk import and export of curated content as CSV or XLSX files.

What lives where:
- `tables.py`: reading a CSV or XLSX file into rows of named cells, and writing rows back.
- `importer.py`: the `Importer` base class (lookups, duplicates, upserts checked by the workflow,
  link evidence), `RowError`, and the `ImportReport` of `RowResult`s.
- `registry.py`: the kinds of import (`register`, `importers()`), `import_rows` (a dry run, or
  every row in one transaction) and `export_rows`.
- `admin.py`: the admin's import page (`ImportAdminMixin`) and export actions (`ExportMixin`).

The kinds themselves belong to the apps: each app's `importers.py` (found by
`PortalConfig.ready()`) subclasses `Importer` and registers it.
"""

from portal.imports.importer import (
    CHANGED,
    ERROR,
    NEW,
    UNCHANGED,
    Importer,
    ImportReport,
    RowError,
    RowResult,
    split_list,
)
from portal.imports.registry import export_rows, get_importer, import_rows, importers, register, unregister
from portal.imports.tables import CONTENT_TYPES, read_table, render_table

__all__ = [
    "CHANGED",
    "CONTENT_TYPES",
    "ERROR",
    "NEW",
    "UNCHANGED",
    "ImportReport",
    "Importer",
    "RowError",
    "RowResult",
    "export_rows",
    "get_importer",
    "import_rows",
    "importers",
    "read_table",
    "register",
    "render_table",
    "split_list",
    "unregister",
]
