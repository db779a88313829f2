from django.contrib import admin

from standards.models import Instrument, InstrumentTarget, Provision, ProvisionTarget


class InstrumentTargetInline(admin.TabularInline):
    model = InstrumentTarget
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "category", "resolution_symbol", "year", "status", "updated_at"]
    list_filter = ["status", "kind", "category", "adopting_body", "themes"]
    search_fields = ["title", "short_title", "resolution_symbol", "slug"]
    prepopulated_fields = {"slug": ["short_title"]}
    filter_horizontal = ["themes"]
    inlines = [InstrumentTargetInline]


class ProvisionTargetInline(admin.TabularInline):
    model = ProvisionTarget
    extra = 0
    autocomplete_fields = ["target"]


@admin.register(Provision)
class ProvisionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "section", "status"]
    list_filter = ["instrument", "kind", "status"]
    search_fields = ["number", "section", "text"]
    autocomplete_fields = ["instrument"]
    inlines = [ProvisionTargetInline]


@admin.register(InstrumentTarget)
class InstrumentTargetAdmin(admin.ModelAdmin):
    list_display = ["instrument", "target", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["instrument__title", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["instrument", "target"]


@admin.register(ProvisionTarget)
class ProvisionTargetAdmin(admin.ModelAdmin):
    list_display = ["provision", "target", "source_symbol", "source_locator", "basis", "status"]
    list_filter = ["basis", "status"]
    search_fields = ["provision__number", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["provision", "target"]
