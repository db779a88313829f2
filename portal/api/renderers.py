"""Formats: CSV beside JSON, and a 400 (not DRF's 404) for an unknown ?format=."""

from __future__ import annotations

import csv
import io

from rest_framework import renderers, serializers
from rest_framework.negotiation import DefaultContentNegotiation

from portal.api.errors import invalid

CSV_LIST_SEPARATOR = "|"


def csv_columns(serializer: serializers.Serializer) -> list[tuple[str, ...]]:
    """One column per field; a nested object (e.g. titles) gives one column per sub-field."""
    columns = []
    for name, field in serializer.fields.items():
        if isinstance(field, serializers.Serializer):
            columns += [(name, sub) for sub in field.fields]
        else:
            columns.append((name,))
    return columns


def csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return CSV_LIST_SEPARATOR.join(csv_cell(item) for item in value)
    return str(value)


def csv_value(row: dict, column: tuple[str, ...]):
    value = row
    for key in column:
        value = value.get(key) if isinstance(value, dict) else None
    return value


class CSVRenderer(renderers.BaseRenderer):
    """A list as CSV: a header row, then one row per object of the current page.

    Columns are the fields of the list serializer (`titles.en` for a nested field); a list of
    values becomes one cell joined with "|"; null becomes an empty cell; booleans are true/false.
    """

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

    def render(self, data, accepted_media_type=None, renderer_context=None):
        renderer_context = renderer_context or {}
        view = renderer_context.get("view")
        rows = data.get("results", []) if isinstance(data, dict) else data or []
        if view is not None and hasattr(view, "get_serializer"):
            columns = csv_columns(view.get_serializer())
        else:
            columns = [(key,) for key in (rows[0] if rows else {})]
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow([".".join(column) for column in columns])
        for row in rows:
            writer.writerow([csv_cell(csv_value(row, column)) for column in columns])
        response = renderer_context.get("response")
        if response is not None and view is not None:
            response["Content-Disposition"] = f'attachment; filename="{view.basename}.csv"'
        return buffer.getvalue().encode(self.charset)


class PortalContentNegotiation(DefaultContentNegotiation):
    """An unknown ?format= is a client error (400) naming the parameter, not DRF's 404."""

    def select_renderer(self, request, renderers, format_suffix=None):
        # DRF reads an empty ?format= as no format at all; the schema offers none empty, so refuse it.
        if request.query_params.get(self.settings.URL_FORMAT_OVERRIDE) == "" and not format_suffix:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise invalid("format", f"Empty format; this endpoint offers: {offered}.", "invalid_choice")
        return super().select_renderer(request, renderers, format_suffix)

    def filter_renderers(self, renderers, format):
        matching = [renderer for renderer in renderers if renderer.format == format]
        if not matching:
            offered = ", ".join(renderer.format for renderer in renderers)
            raise invalid("format", f'Unknown format "{format}"; this endpoint offers: {offered}.', "invalid_choice")
        return matching
