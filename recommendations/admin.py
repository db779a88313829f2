import json

from django import forms
from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.template.response import TemplateResponse

from portal.admin import EVIDENCE_FIELDS, CuratedAdmin, CuratedEvidenceAdmin, CuratedInline, TranslatedCuratedAdmin
from portal.imports.admin import ExportMixin, ImportAdminMixin
from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationGoal,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
    SourceList,
)


class AgendaItemInline(CuratedInline):
    model = AgendaItem
    fields = ["position", "kind", "number", "ref", "title_en", "status"]  # the other languages on its own form


@admin.register(Meeting)
class MeetingAdmin(TranslatedCuratedAdmin):
    list_display = ["__str__", "kind", "city", "start_date", "end_date", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "short_title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(TranslatedCuratedAdmin):
    list_display = ["__str__", "meeting", "kind", "status"]
    list_filter = ["meeting", "kind", "status"]
    list_select_related = ["meeting"]
    search_fields = ["title", "number", "ref"]
    prepopulated_fields = {"ref": ["number"]}
    autocomplete_fields = ["meeting"]
    filter_horizontal = ["themes"]


@admin.register(Document)
class DocumentAdmin(TranslatedCuratedAdmin):
    list_display = ["symbol", "title", "kind", "issued_on", "status"]
    list_filter = ["kind", "status", "is_un_symbol", "meeting"]
    search_fields = ["symbol", "title"]
    autocomplete_fields = ["meeting", "agenda_item"]
    filter_horizontal = ["themes"]

    def response_add(self, request, obj, post_url_continue=None):
        # Added from a symbol field's "+" popup (portal.admin_fields.DocumentSymbolInput): hand back the symbol.
        if IS_POPUP_VAR in request.POST and request.GET.get("_symbol"):
            data = json.dumps({"value": obj.symbol, "obj": str(obj)})
            return TemplateResponse(request, "admin/popup_response.html", {"popup_response_data": data})
        return super().response_add(request, obj, post_url_continue)


class RecommendationTargetInline(CuratedInline):
    model = RecommendationTarget
    fields = ["target", *EVIDENCE_FIELDS]
    autocomplete_fields = ["target"]


class RecommendationGoalInline(CuratedInline):
    model = RecommendationGoal
    fields = ["goal", *EVIDENCE_FIELDS]
    autocomplete_fields = ["goal"]


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


@admin.register(Recommendation)
class RecommendationAdmin(ImportAdminMixin, ExportMixin, TranslatedCuratedAdmin):
    form = RecommendationForm
    list_display = ["__str__", "kind", "agenda_item", "summary", "status", "updated_at"]
    list_filter = ["status", "kind", "document", "themes"]
    list_select_related = ["document", "agenda_item"]
    search_fields = ["slug", "paragraph", "text", "summary", "document__symbol"]
    autocomplete_fields = ["document", "agenda_item"]
    filter_horizontal = ["themes"]
    inlines = [
        RecommendationTargetInline,
        RecommendationGoalInline,
        RecommendationInstrumentInline,
        RecommendationProgrammeInline,
    ]
    export_kind = "recommendations"
    actions = [*CuratedAdmin.actions, "export_csv", "export_xlsx"]
    change_list_template = "admin/recommendations/recommendation/change_list.html"  # links to the import page
    import_url_name = "recommendations_import"


class RecommendationLinkAdmin(ExportMixin, CuratedEvidenceAdmin):
    export_kind = "links"
    actions = [*CuratedAdmin.actions, "export_csv", "export_xlsx"]


@admin.register(RecommendationTarget)
class RecommendationTargetAdmin(RecommendationLinkAdmin):
    list_display = ["recommendation", "target", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["recommendation__document", "target"]
    search_fields = ["recommendation__slug", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["recommendation", "target"]


@admin.register(RecommendationGoal)
class RecommendationGoalAdmin(RecommendationLinkAdmin):
    list_display = ["recommendation", "goal", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["recommendation__document", "goal"]
    search_fields = ["recommendation__slug", "goal__code", "source_symbol", "rationale"]
    autocomplete_fields = ["recommendation", "goal"]


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


@admin.register(SourceList)
class SourceListAdmin(CuratedAdmin):
    list_display = ["title", "document", "locator", "position", "status", "updated_at"]
    list_filter = ["status", "document"]
    list_select_related = ["document"]
    search_fields = ["slug", "title", "locator", "document__symbol"]
    autocomplete_fields = ["document"]
