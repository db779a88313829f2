"""Admin for the shared models, and the curation machinery every app's admin uses.

`CuratedAdmin` adds the publication workflow (draft → in review → published, and withdrawn),
enforced on the server by one authority, `workflow.check_write`, which every writing path calls
(change and add forms, inlines, list actions, list edits, history revert, bulk import): without
`portal.publish_content` a user can neither set a status beyond "in review" nor change what is
published or withdrawn. History (with a diff and revert) comes from django-simple-history.
The coverage dashboard (`portal.coverage`) is an admin view registered here; the bulk import
and export (`portal.imports.admin`) are mixed into the admins of the models they write.
"""

import re
from datetime import timedelta

from django import forms
from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationBaseModelAdmin
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_m2m_reverse_field_name

from portal import workflow
from portal.admin_fields import DocumentSymbolInput, LinesField, SourcesField
from portal.content import workflow_models
from portal.coverage import content_coverage, gaps, label_joins, target_grid
from portal.models import Evidence, Goal, Indicator, LinkBasis, PublicationStatus, Target, Theme
from portal.review import review_queue

CURATION_FIELDS = ("sources", "general_knowledge", "status")  # declared by portal.models.Curated
EVIDENCE_FIELDS = ["source_symbol", "source_locator", "rationale", "basis", "status"]


class WorkflowFormMixin:
    """Shows, as a form error, what `workflow.check_write` would refuse when the entry is saved.

    The check is against the entry as stored now, so a history revert (whose form starts from an
    old version) is judged like any other change. An inline row is only written when it changed.
    """

    user = None
    check_unchanged = True

    def clean(self):
        cleaned_data = super().clean()
        if self.check_unchanged or self.has_changed():
            after = cleaned_data.get("status", self.instance.status)
            try:
                workflow.check_write(user=self.user, obj=self.instance, after_status=after)
            except workflow.WorkflowError as exc:
                field = "status" if "status" in self.fields and after != workflow.stored_status(self.instance) else None
                self.add_error(field, str(exc))
        return cleaned_data


def workflow_form(form_class, request, *, check_unchanged: bool = True):
    return type(
        form_class.__name__,
        (WorkflowFormMixin, form_class),
        {"user": request.user, "check_unchanged": check_unchanged},
    )


def historical_tags_form(form_class, record):
    """The form, with the many-to-many tags (e.g. themes) as they were in a historical `record`.

    django-simple-history records tags but its revert form starts from the current ones;
    this makes a revert restore them too.
    """
    tags = {
        field.name: [
            getattr(row, f"{get_m2m_reverse_field_name(field)}_id") for row in getattr(record, field.name).all()
        ]
        for field in record._history_m2m_fields
    }

    class HistoricalTagsForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self.initial.update({name: pks for name, pks in tags.items() if name in self.fields})

    return HistoricalTagsForm


def target_label(target: Target) -> str:
    return f"{target.code} {target.title}"


def document_symbol_input() -> DocumentSymbolInput:
    # The document model by name, as portal.models.validate_source_symbol finds it: portal imports no content app.
    opts = apps.get_model("recommendations", "Document")._meta
    return DocumentSymbolInput(add_url=reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))


class LinkFormMixin:
    """Link forms: Basis starts empty so the curator must choose; targets show their code and wording;
    a missing source document can be added in a popup."""

    symbol_fields = ("source_symbol",)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.symbol_fields:
            kwargs["widget"] = document_symbol_input()
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "basis" and isinstance(field, forms.ChoiceField):
            field.choices = [("", "---------"), *LinkBasis.choices]
            field.initial = None
        elif isinstance(field, forms.ModelChoiceField) and field.queryset.model is Target:
            field.label_from_instance = target_label
        return field


class CuratedInline(LinkFormMixin, admin.TabularInline):
    """Curated rows under the entity that owns them (links with their evidence, provisions, agenda items)."""

    extra = 0
    show_change_link = True

    def __init__(self, parent_model, admin_site):
        super().__init__(parent_model, admin_site)
        if issubclass(self.model, Evidence):
            # A link row (target, source, locator, rationale, basis, status) is too wide for a table row
            # at 1,366 px: the Basis, Status and Delete columns ended off-screen. Stacked, it fits.
            self.template = "admin/edit_inline/stacked.html"

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = workflow_form(kwargs.get("form", self.form), request, check_unchanged=False)
        return super().get_formset(request, obj, **kwargs)


class EvidenceAdmin(LinkFormMixin, SimpleHistoryAdmin):
    """A link model's own admin; its evidence columns, filters and workflow."""

    list_filter = ["status", "basis", "source_symbol"]
    list_select_related = True
    readonly_fields = ["created_at", "updated_at"]


class CuratedAdmin(SimpleHistoryAdmin):
    """Status workflow, role checks and history for a curated model."""

    actions = ["submit_for_review", "return_to_draft", "publish", "withdraw"]
    readonly_fields = ["created_at", "updated_at"]
    list_per_page = 50
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    line_list_fields: tuple[str, ...] = ()  # JSON lists of strings edited one a line
    symbol_fields: tuple[str, ...] = ()  # document symbols, with a "+" to add the document in a popup

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.symbol_fields:
            kwargs["widget"] = document_symbol_input()
        if db_field.name == "sources" and isinstance(db_field, models.JSONField):
            help_text = _(
                "One a line: the document symbol, “|”, and where it says so, e.g. “A/CONF.234/PM.1 | para 21”."
            )
            return SourcesField(label=db_field.verbose_name.capitalize(), help_text=help_text)
        if db_field.name in self.line_list_fields:
            return LinesField(label=db_field.verbose_name.capitalize(), help_text=_("One a line."))
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_fields(self, request, obj=None):
        # The fields every curated model shares come after the entry's own, so a form opens on what the
        # entry is (a title, a symbol) rather than on its publication status and sources.
        fields = super().get_fields(request, obj)
        shared = [name for name in CURATION_FIELDS if name in fields]
        own = [name for name in fields if name not in shared]
        stamps = [name for name in own if name in ("created_at", "updated_at")]
        return [*(name for name in own if name not in stamps), *shared, *stamps]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = workflow_form(super().get_form(request, obj, change=change, **kwargs), request)
        if record := getattr(request, "history_record", None):
            form = historical_tags_form(form, record)
        return form

    def get_changelist_form(self, request, **kwargs):
        return workflow_form(super().get_changelist_form(request, **kwargs), request, check_unchanged=False)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """django-simple-history's revert, which itself asks only for view permission, behind the workflow."""
        if request.method == "POST":
            current = self.get_object(request, unquote(object_id))
            if not (self.has_change_permission(request, current) if current else self.has_add_permission(request)):
                raise PermissionDenied
        request.history_record = self.model.history.filter(history_id=version_id).first()
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_publish_permission(self, request):
        return workflow.can_publish(request.user)

    def has_change_permission(self, request, obj=None):
        # Judged on the stored entry, also when `obj` is a historical copy (the history views pass one).
        if obj is None:
            return super().has_change_permission(request)
        return workflow.may_write(user=request.user, obj=obj, after_status=workflow.stored_status(obj))

    def save_model(self, request, obj, form, change):
        # The forms already refuse this; the check stands here too so no path can bypass it.
        workflow.check_write(user=request.user, obj=obj)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        deleted = formset.deleted_forms if formset.can_delete else []
        for inline_form in formset.forms:
            instance = inline_form.instance
            if inline_form in deleted and instance.pk is not None:
                # Deleting is a change too: only by someone who may change the entry as it stands.
                workflow.check_write(user=request.user, obj=instance, after_status=workflow.stored_status(instance))
            elif inline_form.has_changed() and inline_form not in deleted:
                workflow.check_write(user=request.user, obj=instance)
        super().save_formset(request, form, formset, change)

    def _transition(self, request, queryset, status, done):
        try:
            moved = workflow.change_status(objects=queryset, status=status, user=request.user)
        except workflow.WorkflowError as exc:
            raise PermissionDenied from exc
        skipped = queryset.count() - moved
        self.message_user(request, done % {"count": moved}, messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d entry was skipped: its status does not allow this step.",
                    "%(count)d entries were skipped: their status does not allow this step.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(description=_("Submit for review"), permissions=["change"])
    def submit_for_review(self, request, queryset):
        self._transition(request, queryset, PublicationStatus.IN_REVIEW, _("Submitted %(count)d for review."))

    @admin.action(description=_("Return to draft"), permissions=["change"])
    def return_to_draft(self, request, queryset):
        self._transition(request, queryset, PublicationStatus.DRAFT, _("Returned %(count)d to draft."))

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request, queryset):
        self._transition(request, queryset, PublicationStatus.PUBLISHED, _("Published %(count)d."))

    @admin.action(description=_("Withdraw"), permissions=["publish"])
    def withdraw(self, request, queryset):
        self._transition(request, queryset, PublicationStatus.WITHDRAWN, _("Withdrew %(count)d."))


class CuratedEvidenceAdmin(EvidenceAdmin, CuratedAdmin):
    pass


class TranslatedCuratedAdmin(TranslationBaseModelAdmin, CuratedAdmin):
    """A curated model with fields in the six languages (portal/translation.py): each such field is a
    group of six inputs, English first and required as the field is, laid out side by side
    (static/admin-portal/translations.css), where the field stands in the form."""

    class Media:
        css = {"all": ["admin-portal/translations.css"]}

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs = self._get_form_or_formset(request, obj, **kwargs)  # the base columns are not edited
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        translated = {
            f"{field}_{code.replace('-', '_')}": field
            for field in self.model.translated_fields
            for code, _name in settings.LANGUAGES
        }
        fieldsets, run, previous = [], [], None
        for name in self.get_fields(request, obj):
            group = translated.get(name)
            if group != previous and run:
                fieldsets.append(self._fieldset(previous, run))
                run = []
            run.append(name)
            previous = group
        if run:
            fieldsets.append(self._fieldset(previous, run))
        return fieldsets

    def _fieldset(self, field: str | None, names: list[str]):
        if field is None:
            return (None, {"fields": names})
        label = self.model._meta.get_field(field).verbose_name.capitalize()
        english = f"{field}_{settings.LANGUAGE_CODE}"
        ordered = [english, *(name for name in names if name != english)]  # English first, then the UN order
        heading = format_lazy("{} — {}", label, _("in the six UN languages"))
        return (heading, {"fields": ordered, "classes": ["translations"]})

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        original = getattr(db_field, "translated_field", None)
        if field is None or original is None:
            return field
        if isinstance(field.widget, forms.Textarea):
            field.widget.attrs["rows"] = 4
        if db_field.language == settings.LANGUAGE_CODE:
            return field
        if original.name in self.model.official_translated_fields:
            field.help_text = _(
                "Only the official UN text in this language, copied exactly; empty if the portal holds none. "
                "Never a translation of your own or a machine's."
            )
        else:
            field.help_text = _("May stay empty: the page then shows the English, marked “English only”.")
        return field


# --- the shared models --------------------------------------------------------------------


@admin.register(Goal)
class GoalAdmin(admin.ModelAdmin):
    list_display = ["code", "short_title", "updated_at"]
    search_fields = ["code", "title", "short_title"]


def admin_entries(objects, *, age_from: str = "created_at") -> list[tuple[str, str, object]]:
    """(label, change URL, created or last changed) for each object, for the dashboard's lists; one query a list."""
    if isinstance(objects, models.QuerySet):
        objects = objects.select_related(*label_joins(objects.model))
    return [
        (
            str(obj),
            reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk]),
            getattr(obj, age_from),
        )
        for obj in objects
    ]


def non_empty(lists: dict) -> dict:
    return {label: entries for label, entries in lists.items() if entries}


def coverage_dashboard(model_admin, request):
    """SDG targets with nothing linked, entities without links, links awaiting review, stale drafts."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    coverage = content_coverage()
    month_ago = timezone.now() - timedelta(days=30)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Curation coverage"),
        "opts": model_admin.model._meta,
        "coverage": coverage,
        "entities_without_links": {
            gap.label: admin_entries(coverage.gaps[gap.name]) for gap in gaps() if gap.dashboard
        },
        "target_grid": target_grid(),
        "awaiting_review": non_empty(
            {
                model._meta.verbose_name_plural: admin_entries(
                    model.objects.filter(status=PublicationStatus.IN_REVIEW).order_by("updated_at")[:100],
                    age_from="updated_at",
                )
                for model in workflow_models()
            }
        ),
        "review_lists": {
            model._meta.verbose_name_plural: reverse(
                f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"
            )
            + f"?status__exact={PublicationStatus.IN_REVIEW}"
            for model in workflow_models()
        },
        "old_drafts": non_empty(
            {
                model._meta.verbose_name_plural: admin_entries(
                    model.objects.filter(status=PublicationStatus.DRAFT, created_at__lt=month_ago)[:100]
                )
                for model in workflow_models()
            }
        ),
    }
    return TemplateResponse(request, "admin/portal/coverage.html", context)


# What a curator types to narrow the target picker to a goal ("16.") or to a target ("16.3", "16.a").
TARGET_CODE_START = re.compile(r"[0-9]{1,2}\.[0-9a-z]{0,2}")


@admin.register(Target)
class TargetAdmin(admin.ModelAdmin):
    list_display = ["code", "goal", "title"]
    list_filter = ["goal"]
    search_fields = ["code", "title"]

    def autocomplete_label(self, target):
        return target_label(target)

    def get_search_results(self, request, queryset, search_term):
        # "6." would otherwise also match 16.1 to 16.b (the code contains "6."): a code's start is matched as a start.
        if TARGET_CODE_START.fullmatch(term := search_term.strip()):
            return queryset.filter(code__startswith=term), False
        return super().get_search_results(request, queryset, search_term)

    def get_urls(self):
        view = self.admin_site.admin_view(lambda request: coverage_dashboard(self, request))
        queue = self.admin_site.admin_view(lambda request: review_queue(self, request))
        return [
            path("coverage/", view, name="portal_coverage"),
            path("review/", queue, name="portal_review"),
            *super().get_urls(),
        ]


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["code", "target", "unsd_code"]
    search_fields = ["code", "title", "unsd_code"]
    autocomplete_fields = ["target"]


@admin.register(Theme)
class ThemeAdmin(TranslatedCuratedAdmin):
    list_display = ["name", "code", "scheme", "parent", "status", "updated_at"]
    list_filter = ["scheme", "status"]
    search_fields = ["name", "code", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
