"""The publication workflow: draft → in review → published, and withdrawn.

`check_write` is the one authority on writing curated content: every path that writes (the
admin's forms, inlines, list actions and list edits, history revert, bulk import) calls it.
Writes are validated with `full_clean()` before they are saved, so a change made here is as
strictly checked as one made through a form.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.translation import gettext as _

from portal.models import Curated, Evidence, PublicationStatus
from portal.roles import PUBLISH_PERMISSION

EDITOR_STATUSES = frozenset({PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW})
REVIEW_STATUSES = frozenset({PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN})

# Which statuses each transition starts from.
TRANSITIONS: dict[str, set[str]] = {
    PublicationStatus.IN_REVIEW: {PublicationStatus.DRAFT},
    PublicationStatus.DRAFT: {PublicationStatus.IN_REVIEW, PublicationStatus.WITHDRAWN},
    PublicationStatus.PUBLISHED: {PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW, PublicationStatus.WITHDRAWN},
    PublicationStatus.WITHDRAWN: {PublicationStatus.PUBLISHED},
}


class WorkflowError(PermissionDenied):
    """A write the user's role, or the entry's status, does not allow (the admin answers 403)."""


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def allowed_statuses(user) -> set[str]:
    return set(PublicationStatus.values) if can_publish(user) else set(EDITOR_STATUSES)


def stored_status(obj: models.Model) -> str | None:
    """The entry's status in the database now; None if it is not there (a new entry, or one restored)."""
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).values_list("status", flat=True).first()


def check_model_permission(*, user, model: type[models.Model], action: str) -> None:
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
        raise WorkflowError(
            _("You may not %(action)s %(model)s.") % {"action": action, "model": opts.verbose_name_plural}
        )


def check_write(*, user, obj: models.Model, after_status: str | None = None) -> None:
    """The one authority on writing curated content; raises WorkflowError if `user` may not save `obj`.

    It judges the step from the status stored in the database now to `after_status` (by default
    the status `obj` is about to be saved with), never from the copy it is given, which may be
    stale or historical: a revert posted back "unchanged" is still a step from the current
    status to the old version's.
    """
    before = stored_status(obj)
    after = obj.status if after_status is None else after_status
    check_model_permission(user=user, model=type(obj), action="add" if before is None else "change")
    if before in REVIEW_STATUSES and not can_publish(user):
        raise WorkflowError(
            _("This entry is %(status)s: only a reviewer may change it.")
            % {"status": PublicationStatus(before).label.lower()}
        )
    if after not in allowed_statuses(user):
        raise WorkflowError(_("Only a reviewer may publish or withdraw."))
    if before is not None and after != before and before not in TRANSITIONS[after]:
        raise WorkflowError(
            _("An entry that is %(before)s cannot become %(after)s directly.")
            % {"before": PublicationStatus(before).label.lower(), "after": PublicationStatus(after).label.lower()}
        )


def may_write(*, user, obj: models.Model, after_status: str | None = None) -> bool:
    try:
        check_write(user=user, obj=obj, after_status=after_status)
    except WorkflowError:
        return False
    return True


def owned_links(obj: models.Model) -> list[models.Model]:
    """The evidence-bearing links an entity owns (shown inline under it), e.g. a recommendation's target links."""
    links = []
    for relation in obj._meta.related_objects:
        link_model = relation.related_model
        if issubclass(link_model, Evidence) and link_model.link_fields[0] == relation.field.name:
            links.extend(link_model._default_manager.filter(**{relation.field.name: obj}))
    return links


def save_validated(obj: models.Model, *, user) -> None:
    """Validate `obj` as a form would, then save it with `user` recorded in its history."""
    obj.full_clean()
    obj._history_user = user
    obj.save()


@transaction.atomic
def change_status(*, objects: Iterable[models.Model], status: str, user) -> int:
    """Move each object that may make this transition to `status`; return how many moved.

    Submitting or publishing an entity carries its draft and in-review links along, so a
    published recommendation shows its SDG links. Raises WorkflowError if the user may not
    set this status at all; skips the objects whose current status does not allow the step.
    """
    if status not in allowed_statuses(user):
        raise WorkflowError(_("You may not set the status to “%(status)s”.") % {"status": status})
    if isinstance(objects, models.QuerySet):
        check_model_permission(user=user, model=objects.model, action="change")
    moved = 0
    for obj in objects:
        if obj.status not in TRANSITIONS[status] or not may_write(user=user, obj=obj, after_status=status):
            continue
        obj.status = status
        save_validated(obj, user=user)
        moved += 1
        if isinstance(obj, Curated) and status in (PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED):
            for link in owned_links(obj):
                if link.status in EDITOR_STATUSES and link.status != status:
                    check_write(user=user, obj=link, after_status=status)
                    link.status = status
                    save_validated(link, user=user)
    return moved
