from django.contrib import admin

from portal.admin import EVIDENCE_FIELDS, CuratedAdmin, CuratedEvidenceAdmin, CuratedInline, TranslatedCuratedAdmin
from portal.imports.admin import ExportMixin
from programmes.models import (
    Activity,
    Country,
    InterventionArea,
    Programme,
    ProgrammeGoal,
    ProgrammeInstrument,
    ProgrammeTarget,
    Resource,
    ResourceInstrument,
)


@admin.register(Country)
class CountryAdmin(CuratedAdmin):
    list_display = ["name", "iso3", "slug", "status", "updated_at"]
    list_filter = ["status"]
    search_fields = ["name", "iso3", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class InterventionAreaInline(CuratedInline):
    model = InterventionArea
    # The English here; the other languages on the area's own form.
    fields = ["position", "slug", "title_en", "description_en", "status"]
    prepopulated_fields = {"slug": ["title_en"]}


class ProgrammeTargetInline(CuratedInline):
    model = ProgrammeTarget
    fields = ["target", *EVIDENCE_FIELDS]
    autocomplete_fields = ["target"]


class ProgrammeGoalInline(CuratedInline):
    model = ProgrammeGoal
    fields = ["goal", *EVIDENCE_FIELDS]
    autocomplete_fields = ["goal"]


class ProgrammeInstrumentInline(CuratedInline):
    model = ProgrammeInstrument
    fields = ["instrument", *EVIDENCE_FIELDS]
    autocomplete_fields = ["instrument"]


@admin.register(Programme)
class ProgrammeAdmin(TranslatedCuratedAdmin):
    list_display = ["__str__", "kind", "lead_entity", "status", "updated_at"]
    list_filter = ["status", "kind", "themes"]
    search_fields = ["title", "short_title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]
    filter_horizontal = ["themes"]
    inlines = [InterventionAreaInline, ProgrammeTargetInline, ProgrammeGoalInline, ProgrammeInstrumentInline]


@admin.register(InterventionArea)
class InterventionAreaAdmin(TranslatedCuratedAdmin):
    list_display = ["title", "programme", "position", "status"]
    list_filter = ["status", "programme"]
    search_fields = ["title", "description", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["programme"]


class ResourceInstrumentInline(CuratedInline):
    model = ResourceInstrument
    fields = ["instrument", *EVIDENCE_FIELDS]
    autocomplete_fields = ["instrument"]


@admin.register(Resource)
class ResourceAdmin(TranslatedCuratedAdmin):
    list_display = ["title", "kind", "programme", "year", "status", "updated_at"]
    list_filter = ["status", "kind", "themes"]
    search_fields = ["title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["programme"]
    filter_horizontal = ["themes"]
    inlines = [ResourceInstrumentInline]


@admin.register(Activity)
class ActivityAdmin(ExportMixin, CuratedAdmin):
    list_display = ["slug", "country", "region", "year", "theme", "source_symbol", "source_locator", "status"]
    list_filter = ["status", "year", "theme", "programme"]
    list_select_related = ["country", "theme"]
    search_fields = ["slug", "description", "country__name", "region", "source_symbol"]
    prepopulated_fields = {"slug": ["description"]}
    autocomplete_fields = ["country", "programme", "theme", "instruments"]
    export_kind = "activities"
    actions = [*CuratedAdmin.actions, "export_csv", "export_xlsx"]


@admin.register(ProgrammeTarget)
class ProgrammeTargetAdmin(CuratedEvidenceAdmin):
    list_display = ["programme", "target", "source_symbol", "source_locator", "basis", "status"]
    search_fields = ["programme__title", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["programme", "target"]


@admin.register(ProgrammeGoal)
class ProgrammeGoalAdmin(CuratedEvidenceAdmin):
    list_display = ["programme", "goal", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["programme", "goal"]
    search_fields = ["programme__title", "goal__code", "source_symbol", "rationale"]
    autocomplete_fields = ["programme", "goal"]


@admin.register(ProgrammeInstrument)
class ProgrammeInstrumentAdmin(CuratedEvidenceAdmin):
    list_display = ["programme", "instrument", "source_symbol", "source_locator", "basis", "status"]
    search_fields = ["programme__title", "instrument__title", "source_symbol", "rationale"]
    autocomplete_fields = ["programme", "instrument"]


@admin.register(ResourceInstrument)
class ResourceInstrumentAdmin(CuratedEvidenceAdmin):
    list_display = ["resource", "instrument", "source_symbol", "source_locator", "basis", "status"]
    search_fields = ["resource__title", "instrument__title", "source_symbol", "rationale"]
    autocomplete_fields = ["resource", "instrument"]
