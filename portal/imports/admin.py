"""The admin side of bulk import and export: the import page and the export actions.

The import page offers every registered kind of import; an app's ModelAdmin shows it by
mixing in `ImportAdminMixin` (recommendations do), and offers exports in the import format
with `ExportMixin` and its `export_kind`.
"""

from __future__ import annotations

import base64

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from portal.imports.importer import ImportReport
from portal.imports.registry import export_rows, get_importer, import_rows, importers
from portal.imports.tables import CONTENT_TYPES, read_table, render_table

IMPORT_SESSION_KEY = "portal_import"
MAX_IMPORT_BYTES = 2_000_000


def may_import(user, importer) -> bool:
    """An import of a kind adds to its model: it needs that model's "add" permission."""
    opts = importer.model._meta
    return user.has_perm(f"{opts.app_label}.add_{opts.model_name}")


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("What the file holds"))
    file = forms.FileField(label=_("CSV (UTF-8) or XLSX file"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(importer.kind, importer.label) for importer in importers()]

    def clean_file(self):
        # The file waits in the session between the dry run and the confirmation.
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
                % {"size": round(upload.size / 1_000_000, 1), "limit": MAX_IMPORT_BYTES // 1_000_000}
            )
        return upload


class ImportAdminMixin:
    """Adds the import page: upload → dry-run report of every row → confirm → one transaction, or nothing."""

    import_url_name = ""  # by default "<app label>_import"
    import_template = "admin/portal/import.html"

    def get_urls(self):
        name = self.import_url_name or f"{self.model._meta.app_label}_import"
        return [path("import/", self.admin_site.admin_view(self.import_view), name=name), *super().get_urls()]

    def import_view(self, request):
        if not any(may_import(request.user, importer) for importer in importers()):
            raise PermissionDenied
        report, form = None, ImportForm()
        if request.method == "POST" and "confirm" in request.POST:
            pending = request.session.get(IMPORT_SESSION_KEY)
            if not pending or get_importer(pending["kind"]) is None:
                messages.error(request, _("Nothing to import: upload the file again."))
                return HttpResponseRedirect(request.path)
            report = self.run_import(request, pending, commit=True)
            if report.written:
                del request.session[IMPORT_SESSION_KEY]
                messages.success(
                    request,
                    _("Imported: %(new)d new, %(changed)d changed, %(unchanged)d unchanged.") % report.counts,
                )
                opts = self.model._meta
                return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
        elif request.method == "POST":
            form = ImportForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                pending = {
                    "kind": form.cleaned_data["kind"],
                    "name": upload.name,
                    "content": base64.b64encode(upload.read()).decode("ascii"),
                }
                report = self.run_import(request, pending, commit=False)
                if report.is_valid:
                    request.session[IMPORT_SESSION_KEY] = pending
                else:
                    request.session.pop(IMPORT_SESSION_KEY, None)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import"),
            "opts": self.model._meta,
            "form": form,
            "report": report,
            "kinds": [(importer.label, importer.help_text) for importer in importers()],
        }
        return TemplateResponse(request, self.import_template, context)

    def run_import(self, request, pending, *, commit) -> ImportReport:
        if not may_import(request.user, get_importer(pending["kind"])):
            raise PermissionDenied
        report = ImportReport(kind=pending["kind"])
        try:
            rows = read_table(content=base64.b64decode(pending["content"]), filename=pending["name"])
        except ValueError as exc:
            report.problems.append(str(exc))
            return report
        return import_rows(kind=pending["kind"], rows=rows, user=request.user, commit=commit)


class ExportMixin:
    """Admin actions that export the selected rows in the bulk-import format of `export_kind`."""

    export_kind = ""

    def _export(self, queryset, file_format):
        columns, rows = export_rows(kind=self.export_kind, queryset=queryset)
        content = render_table(columns=columns, rows=rows, file_format=file_format)
        response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
        response["Content-Disposition"] = f'attachment; filename="{self.export_kind}.{file_format}"'
        return response

    @admin.action(description=_("Export selected as CSV"), permissions=["view"])
    def export_csv(self, request, queryset):
        return self._export(queryset, "csv")

    @admin.action(description=_("Export selected as XLSX"), permissions=["view"])
    def export_xlsx(self, request, queryset):
        return self._export(queryset, "xlsx")
