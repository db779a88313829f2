from django.contrib import admin

from programmes.models import (
    Activity,
    Country,
    InterventionArea,
    Programme,
    ProgrammeInstrument,
    ProgrammeTarget,
    Resource,
    ResourceInstrument,
)


@admin.register(Country)
class CountryAdmin(admin.ModelAdmin):
    list_display = ["name", "iso3"]
    search_fields = ["name", "iso3", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class InterventionAreaInline(admin.TabularInline):
    model = InterventionArea
    extra = 0
    fields = ["position", "slug", "title", "description", "status"]


class ProgrammeTargetInline(admin.TabularInline):
    model = ProgrammeTarget
    extra = 0
    autocomplete_fields = ["target"]


class ProgrammeInstrumentInline(admin.TabularInline):
    model = ProgrammeInstrument
    extra = 0
    autocomplete_fields = ["instrument"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "lead_entity", "status", "updated_at"]
    list_filter = ["status", "kind", "themes"]
    search_fields = ["title", "short_title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["parent"]
    filter_horizontal = ["themes"]
    inlines = [InterventionAreaInline, ProgrammeTargetInline, ProgrammeInstrumentInline]


@admin.register(InterventionArea)
class InterventionAreaAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "position", "status"]
    search_fields = ["title", "description"]


class ResourceInstrumentInline(admin.TabularInline):
    model = ResourceInstrument
    extra = 0
    autocomplete_fields = ["instrument"]


@admin.register(Resource)
class ResourceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "year", "users", "status"]
    list_filter = ["status", "kind", "themes"]
    search_fields = ["title", "summary", "slug"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["programme"]
    filter_horizontal = ["themes"]
    inlines = [ResourceInstrumentInline]


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["slug", "country", "year", "theme", "source_locator", "status"]
    list_filter = ["status", "year", "theme"]
    search_fields = ["slug", "description", "country__name"]
    autocomplete_fields = ["country", "programme", "instruments"]


@admin.register(ProgrammeTarget)
class ProgrammeTargetAdmin(admin.ModelAdmin):
    list_display = ["programme", "target", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["programme__title", "target__code", "rationale"]
    autocomplete_fields = ["programme", "target"]


@admin.register(ProgrammeInstrument)
class ProgrammeInstrumentAdmin(admin.ModelAdmin):
    list_display = ["programme", "instrument", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["programme__title", "instrument__title", "rationale"]
    autocomplete_fields = ["programme", "instrument"]


@admin.register(ResourceInstrument)
class ResourceInstrumentAdmin(admin.ModelAdmin):
    list_display = ["resource", "instrument", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["resource__title", "instrument__title", "rationale"]
    autocomplete_fields = ["resource", "instrument"]
