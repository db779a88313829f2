import base64

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from portal import services
from portal.admin import EVIDENCE_FIELDS, CuratedAdmin, CuratedEvidenceAdmin, CuratedInline, ExportMixin
from programmes.models import Activity
from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)

IMPORT_SESSION_KEY = "portal_import"
MAX_IMPORT_BYTES = 2_000_000
# Which model each kind of import adds to; the user needs its "add" permission.
IMPORT_MODELS = {"recommendations": Recommendation, "links": RecommendationTarget, "activities": Activity}


class AgendaItemInline(CuratedInline):
    model = AgendaItem
    fields = ["position", "kind", "number", "ref", "title", "status"]


@admin.register(Meeting)
class MeetingAdmin(CuratedAdmin):
    list_display = ["__str__", "kind", "city", "start_date", "end_date", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "short_title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(CuratedAdmin):
    list_display = ["__str__", "meeting", "kind", "status"]
    list_filter = ["meeting", "kind", "status"]
    list_select_related = ["meeting"]
    search_fields = ["title", "number", "ref"]
    prepopulated_fields = {"ref": ["number"]}
    autocomplete_fields = ["meeting"]
    filter_horizontal = ["themes"]


@admin.register(Document)
class DocumentAdmin(CuratedAdmin):
    list_display = ["symbol", "title", "kind", "issued_on", "status"]
    list_filter = ["kind", "status", "is_un_symbol", "meeting"]
    search_fields = ["symbol", "title"]
    autocomplete_fields = ["meeting", "agenda_item"]
    filter_horizontal = ["themes"]


class RecommendationTargetInline(CuratedInline):
    model = RecommendationTarget
    fields = ["target", *EVIDENCE_FIELDS]
    autocomplete_fields = ["target"]


class RecommendationInstrumentInline(CuratedInline):
    model = RecommendationInstrument
    fields = ["instrument", *EVIDENCE_FIELDS]
    autocomplete_fields = ["instrument"]


class RecommendationProgrammeInline(CuratedInline):
    model = RecommendationProgramme
    fields = ["programme", *EVIDENCE_FIELDS]
    autocomplete_fields = ["programme"]


class RecommendationForm(forms.ModelForm):
    """The slug may be left empty: it is derived from the document symbol and the paragraph."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        cleaned_data = super().clean()
        document, paragraph = cleaned_data.get("document"), cleaned_data.get("paragraph")
        if "slug" in self.fields and not cleaned_data.get("slug") and document and paragraph:
            cleaned_data["slug"] = Recommendation.build_slug(document.symbol, paragraph)
        return cleaned_data


class ImportForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What the file holds"),
        choices=[
            ("recommendations", _("Recommendations (with their SDG target links)")),
            ("links", _("Recommendation links (to targets, instruments or programmes)")),
            ("activities", _("Activities")),
        ],
    )
    file = forms.FileField(label=_("CSV (UTF-8) or XLSX file"))

    def clean_file(self):
        # The file waits in the session between the dry run and the confirmation.
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s MB; the limit is %(limit)s MB. Split it into smaller files.")
                % {"size": round(upload.size / 1_000_000, 1), "limit": MAX_IMPORT_BYTES // 1_000_000}
            )
        return upload


@admin.register(Recommendation)
class RecommendationAdmin(ExportMixin, CuratedAdmin):
    form = RecommendationForm
    list_display = ["__str__", "kind", "agenda_item", "summary", "status", "updated_at"]
    list_filter = ["status", "kind", "document", "themes"]
    list_select_related = ["document", "agenda_item"]
    search_fields = ["slug", "paragraph", "text", "summary", "document__symbol"]
    autocomplete_fields = ["document", "agenda_item"]
    filter_horizontal = ["themes"]
    inlines = [RecommendationTargetInline, RecommendationInstrumentInline, RecommendationProgrammeInline]
    export_kind = "recommendations"
    actions = [*CuratedAdmin.actions, "export_csv", "export_xlsx"]
    change_list_template = "admin/recommendations/recommendation/change_list.html"

    def get_urls(self):
        return [
            path("import/", self.admin_site.admin_view(self.import_view), name="recommendations_import"),
            *super().get_urls(),
        ]

    def import_view(self, request):
        """Upload → dry-run report of every row → confirm → one transaction, or nothing at all."""
        if not any(
            request.user.has_perm(f"{m._meta.app_label}.add_{m._meta.model_name}") for m in IMPORT_MODELS.values()
        ):
            raise PermissionDenied
        report, form = None, ImportForm()
        if request.method == "POST" and "confirm" in request.POST:
            pending = request.session.get(IMPORT_SESSION_KEY)
            if not pending:
                messages.error(request, _("Nothing to import: upload the file again."))
                return HttpResponseRedirect(request.path)
            report = self.run_import(request, pending, commit=True)
            if report.written:
                del request.session[IMPORT_SESSION_KEY]
                counts = report.counts
                messages.success(
                    request,
                    _("Imported: %(new)d new, %(changed)d changed, %(unchanged)d unchanged.") % counts,
                )
                return HttpResponseRedirect(reverse("admin:recommendations_recommendation_changelist"))
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
        }
        return TemplateResponse(request, "admin/recommendations/import.html", context)

    def run_import(self, request, pending, *, commit):
        model = IMPORT_MODELS[pending["kind"]]
        if not request.user.has_perm(f"{model._meta.app_label}.add_{model._meta.model_name}"):
            raise PermissionDenied
        report = services.ImportReport(kind=pending["kind"])
        try:
            rows = services.read_table(content=base64.b64decode(pending["content"]), filename=pending["name"])
        except ValueError as exc:
            report.problems.append(str(exc))
            return report
        return services.import_rows(kind=pending["kind"], rows=rows, user=request.user, commit=commit)


class RecommendationLinkAdmin(ExportMixin, CuratedEvidenceAdmin):
    export_kind = "links"
    actions = [*CuratedAdmin.actions, "export_csv", "export_xlsx"]


@admin.register(RecommendationTarget)
class RecommendationTargetAdmin(RecommendationLinkAdmin):
    list_display = ["recommendation", "target", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["recommendation__document", "target"]
    search_fields = ["recommendation__slug", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["recommendation", "target"]


@admin.register(RecommendationInstrument)
class RecommendationInstrumentAdmin(RecommendationLinkAdmin):
    list_display = ["recommendation", "instrument", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["recommendation__document", "instrument"]
    search_fields = ["recommendation__slug", "instrument__title", "source_symbol", "rationale"]
    autocomplete_fields = ["recommendation", "instrument"]


@admin.register(RecommendationProgramme)
class RecommendationProgrammeAdmin(RecommendationLinkAdmin):
    list_display = ["recommendation", "programme", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["recommendation__document", "programme"]
    search_fields = ["recommendation__slug", "programme__title", "source_symbol", "rationale"]
    autocomplete_fields = ["recommendation", "programme"]
