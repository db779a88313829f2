"""The reviewer's queue: everything in review, each with what changed since it was last published.

One click publishes an entry or sends it back to draft; a send-back carries a comment, kept in
the entry's history as the change reason. Both go through `portal.workflow.change_status`, so
only a Reviewer can do either.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from portal import workflow
from portal.content import workflow_models
from portal.models import PublicationStatus

UNCOMPARED = {"id", "status", "created_at", "updated_at", "search_vector"}


@dataclass
class FieldChange:
    label: str
    before: str
    after: str

    @property
    def diff(self) -> str:
        return "\n".join(
            difflib.unified_diff(
                self.before.splitlines(), self.after.splitlines(), "published", "in review", lineterm=""
            )
        )


@dataclass
class ReviewItem:
    key: str  # "app_label.model_name:pk", what the buttons post
    label: str
    kind: str
    url: str
    waiting_since: object
    changes: list[FieldChange]
    never_published: bool


def entry_key(obj: models.Model) -> str:
    return f"{obj._meta.label_lower}:{obj.pk}"


def find_entry(key: str) -> models.Model:
    label, __, pk = key.rpartition(":")
    model = next((model for model in workflow_models() if model._meta.label_lower == label), None)
    entry = model._default_manager.filter(pk=pk).first() if model is not None and pk.isdigit() else None
    if entry is None:
        raise PermissionDenied(_("No such entry in review."))
    return entry


def changes_since_published(obj: models.Model, published) -> tuple[list[FieldChange], bool]:
    """The fields that differ from `published`, the entry's last published version (all of them if None)."""
    changes = []
    translated = getattr(type(obj), "translated_fields", ())
    # A translated field's base column holds its English text (portal/translation.py): compared once, as
    # the field itself; its other languages are compared as "summary (French)" and so on.
    mirrors = {f"{name}_{settings.LANGUAGE_CODE}" for name in translated}
    for field in obj._meta.concrete_fields:
        if field.name in UNCOMPARED or field.name in mirrors:
            continue
        after = _text(obj, field, base=field.name in translated)
        before = _text(published, field, base=field.name in translated) if published is not None else ""
        if before != after:
            changes.append(FieldChange(label=str(field.verbose_name), before=before, after=after))
    return changes, published is None


def last_published_versions(model, pks: list) -> dict:
    """The last published historical version of each entry, in one query (with its related entries)."""
    relations = [field.name for field in model._meta.concrete_fields if field.is_relation]
    versions = (
        model.history.filter(id__in=pks, status=PublicationStatus.PUBLISHED)
        .select_related(*relations)
        .order_by("id", "-history_date")
    )
    latest = {}
    for version in versions:
        latest.setdefault(version.id, version)
    return latest


def _text(entry, field, base: bool = False) -> str:
    """A field's value as a curator reads it: a choice by its label, a related entry by its label,
    a list one item a line (a source as "symbol | locator", as the forms show it). `base`: the stored
    column of a translated field (the English), not the admin's language."""
    if field.choices:
        return str(entry._get_FIELD_display(field))
    if base:
        value = vars(entry).get(field.attname)
    else:
        value = getattr(entry, field.name if field.is_relation else field.attname)
    if isinstance(value, list):
        return "\n".join(" | ".join(map(str, item.values())) if isinstance(item, dict) else str(item) for item in value)
    return "" if value is None else str(value)


def review_items() -> list[ReviewItem]:
    items = []
    for model in workflow_models():
        opts = model._meta
        relations = [field.name for field in opts.concrete_fields if field.is_relation]
        waiting = list(
            model._default_manager.filter(status=PublicationStatus.IN_REVIEW)
            .select_related(*relations)
            .order_by("updated_at")[:100]
        )
        published = last_published_versions(model, [obj.pk for obj in waiting])
        for obj in waiting:
            changes, never_published = changes_since_published(obj, published.get(obj.pk))
            items.append(
                ReviewItem(
                    key=entry_key(obj),
                    label=str(obj),
                    kind=str(opts.verbose_name),
                    url=reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]),
                    waiting_since=obj.updated_at,
                    changes=changes,
                    never_published=never_published,
                )
            )
    return sorted(items, key=lambda item: item.waiting_since)


def review_queue(model_admin, request):
    """GET: the queue. POST `publish` or `send_back` (with `comment`) for one `entry`."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        entry = find_entry(request.POST.get("entry", ""))
        if "publish" in request.POST:
            moved = workflow.change_status(objects=[entry], status=PublicationStatus.PUBLISHED, user=request.user)
            done = _("Published “%(entry)s”.")
        else:
            comment = " ".join(request.POST.get("comment", "").split())
            if not comment:
                messages.error(request, _("Say why “%(entry)s” goes back to draft.") % {"entry": entry})
                return HttpResponseRedirect(request.path)
            if not workflow.can_publish(request.user):
                raise workflow.WorkflowError(_("Only a reviewer may send an entry back."))
            entry._change_reason = comment[:100]
            moved = workflow.change_status(objects=[entry], status=PublicationStatus.DRAFT, user=request.user)
            done = _("Sent “%(entry)s” back to draft.")
        if moved:
            messages.success(request, done % {"entry": entry})
        else:
            messages.warning(request, _("“%(entry)s” is no longer in review.") % {"entry": entry})
        return HttpResponseRedirect(request.path)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Review queue"),
        "opts": model_admin.model._meta,
        "items": review_items(),
        "can_publish": workflow.can_publish(request.user),
    }
    return TemplateResponse(request, "admin/portal/review.html", context)
