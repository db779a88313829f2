from django.contrib import admin
from django.contrib.admin.utils import unquote

from portal.admin import EVIDENCE_FIELDS, CuratedAdmin, CuratedEvidenceAdmin, CuratedInline, TranslatedCuratedAdmin
from standards.admin_import import ImportTextMixin
from standards.models import Instrument, InstrumentGoal, InstrumentTarget, Provision, ProvisionTarget


class InstrumentTargetInline(CuratedInline):
    model = InstrumentTarget
    fields = ["target", *EVIDENCE_FIELDS]
    autocomplete_fields = ["target"]


class InstrumentGoalInline(CuratedInline):
    model = InstrumentGoal
    fields = ["goal", *EVIDENCE_FIELDS]
    autocomplete_fields = ["goal"]


@admin.register(Instrument)
class InstrumentAdmin(ImportTextMixin, TranslatedCuratedAdmin):
    list_display = ["__str__", "kind", "category", "resolution_symbol", "year", "status", "updated_at"]
    list_filter = ["status", "kind", "category", "adopting_body", "themes"]
    search_fields = ["title", "short_title", "resolution_symbol", "slug", "aliases"]
    prepopulated_fields = {"slug": ["short_title"]}
    filter_horizontal = ["themes"]
    line_list_fields = ("aliases",)
    symbol_fields = ("resolution_symbol",)
    # Provisions are edited on their own list, filtered by instrument (linked from the form), not inline:
    # 126 inline rows made the Mandela Rules form 13,000 px tall.
    inlines = [InstrumentTargetInline, InstrumentGoalInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "provision_count": Provision.objects.filter(instrument_id=unquote(object_id)).count(),
        }
        return super().change_view(request, object_id, form_url, extra_context)


class ProvisionTargetInline(CuratedInline):
    model = ProvisionTarget
    fields = ["target", *EVIDENCE_FIELDS]
    autocomplete_fields = ["target"]


@admin.register(Provision)
class ProvisionAdmin(CuratedAdmin):
    list_display = ["__str__", "position", "kind", "section", "status", "updated_at"]
    list_filter = ["status", "kind", "instrument"]
    ordering = ["instrument", "position"]
    list_select_related = ["instrument"]
    search_fields = ["number", "ref", "section", "text", "instrument__title", "instrument__short_title"]
    prepopulated_fields = {"ref": ["number"]}
    autocomplete_fields = ["instrument"]
    inlines = [ProvisionTargetInline]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        provision = self.get_object(request, unquote(object_id))
        neighbours = {}
        if provision is not None:
            siblings = Provision.objects.filter(instrument_id=provision.instrument_id)
            neighbours = {
                "previous_provision": siblings.filter(position__lt=provision.position).order_by("-position").first(),
                "next_provision": siblings.filter(position__gt=provision.position).order_by("position").first(),
            }
        return super().change_view(request, object_id, form_url, {**(extra_context or {}), **neighbours})


@admin.register(InstrumentTarget)
class InstrumentTargetAdmin(CuratedEvidenceAdmin):
    list_display = ["instrument", "target", "source_symbol", "source_locator", "basis", "status"]
    search_fields = ["instrument__title", "instrument__short_title", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["instrument", "target"]


@admin.register(InstrumentGoal)
class InstrumentGoalAdmin(CuratedEvidenceAdmin):
    list_display = ["instrument", "goal", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["instrument", "goal"]
    search_fields = ["instrument__title", "instrument__short_title", "goal__code", "source_symbol", "rationale"]
    autocomplete_fields = ["instrument", "goal"]


@admin.register(ProvisionTarget)
class ProvisionTargetAdmin(CuratedEvidenceAdmin):
    list_display = ["provision", "target", "source_symbol", "source_locator", "basis", "status"]
    list_select_related = ["provision__instrument", "target"]
    search_fields = ["provision__number", "provision__instrument__title", "target__code", "source_symbol", "rationale"]
    autocomplete_fields = ["provision", "target"]
