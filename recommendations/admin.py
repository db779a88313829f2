from django.contrib import admin

from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "kind", "number", "ref", "title", "status"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "city", "start_date", "end_date", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title", "short_title", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [AgendaItemInline]


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "meeting", "kind", "status"]
    list_filter = ["meeting", "kind", "status"]
    search_fields = ["title", "number", "ref"]


@admin.register(Document)
class DocumentAdmin(admin.ModelAdmin):
    list_display = ["symbol", "title", "kind", "issued_on", "status"]
    list_filter = ["kind", "status", "is_un_symbol"]
    search_fields = ["symbol", "title"]
    autocomplete_fields = ["meeting", "agenda_item"]


class RecommendationTargetInline(admin.TabularInline):
    model = RecommendationTarget
    extra = 0
    autocomplete_fields = ["target"]


class RecommendationInstrumentInline(admin.TabularInline):
    model = RecommendationInstrument
    extra = 0
    autocomplete_fields = ["instrument"]


class RecommendationProgrammeInline(admin.TabularInline):
    model = RecommendationProgramme
    extra = 0
    autocomplete_fields = ["programme"]


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "agenda_item", "status", "updated_at"]
    list_filter = ["status", "kind", "document", "themes"]
    search_fields = ["slug", "paragraph", "text", "summary", "document__symbol"]
    autocomplete_fields = ["document", "agenda_item"]
    filter_horizontal = ["themes"]
    inlines = [RecommendationTargetInline, RecommendationInstrumentInline, RecommendationProgrammeInline]


@admin.register(RecommendationTarget)
class RecommendationTargetAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "target", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["recommendation__slug", "target__code", "rationale"]
    autocomplete_fields = ["recommendation", "target"]


@admin.register(RecommendationInstrument)
class RecommendationInstrumentAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "instrument", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["recommendation__slug", "instrument__title", "rationale"]
    autocomplete_fields = ["recommendation", "instrument"]


@admin.register(RecommendationProgramme)
class RecommendationProgrammeAdmin(admin.ModelAdmin):
    list_display = ["recommendation", "programme", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["recommendation__slug", "programme__title", "rationale"]
    autocomplete_fields = ["recommendation", "programme"]
