from django.contrib import admin

from portal.admin import EVIDENCE_FIELDS, CuratedAdmin, CuratedEvidenceAdmin, CuratedInline
from standards.admin_import import ImportTextMixin
from standards.models import Instrument, InstrumentTarget, Provision, ProvisionTarget


class InstrumentTargetInline(CuratedInline):
    model = InstrumentTarget
    fields = ["target", *EVIDENCE_FIELDS]
    autocomplete_fields = ["target"]


class ProvisionInline(CuratedInline):
    """The provisions of an instrument, in order; their text is edited on each provision's page."""

    model = Provision
    fields = ["position", "kind", "number", "ref", "part", "section", "status"]


@admin.register(Instrument)
class InstrumentAdmin(ImportTextMixin, CuratedAdmin):
    list_display = ["__str__", "kind", "category", "resolution_symbol", "year", "status", "updated_at"]
    list_filter = ["status", "kind", "category", "adopting_body", "themes"]
    search_fields = ["title", "short_title", "resolution_symbol", "slug", "aliases"]
    prepopulated_fields = {"slug": ["short_title"]}
    filter_horizontal = ["themes"]
    inlines = [InstrumentTargetInline, ProvisionInline]


class ProvisionTargetInline(CuratedInline):
    model = ProvisionTarget
    fields = ["target", *EVIDENCE_FIELDS]
    autocomplete_fields = ["target"]


@admin.register(Provision)
class ProvisionAdmin(CuratedAdmin):
    list_display = ["__str__", "kind", "section", "status", "updated_at"]
    list_filter = ["status", "kind", "instrument"]
    list_select_related = ["instrument"]
    search_fields = ["number", "ref", "section", "text", "instrument__title", "instrument__short_title"]
    prepopulated_fields = {"ref": ["number"]}
    autocomplete_fields = ["instrument"]
    inlines = [ProvisionTargetInline]


@admin.register(InstrumentTarget)
class InstrumentTargetAdmin(CuratedEvidenceAdmin):
    list_display = ["instrument", "target", "source_symbol", "source_locator", "basis", "status"]
    search_fields = ["instrument__title", "instrument__short_title", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["instrument", "target"]


@admin.register(ProvisionTarget)
class ProvisionTargetAdmin(CuratedEvidenceAdmin):
    list_display = ["provision", "target", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["provision__instrument", "target"]
    search_fields = ["provision__number", "provision__instrument__title", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["provision", "target"]
