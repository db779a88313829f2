"""Writing an imported text: every provision through `portal.workflow.check_write`, in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from portal import workflow
from portal.models import PublicationStatus
from standards.models import Instrument, Provision
from standards.text_import.diff import COMPARED_FIELDS, diff_against_stored
from standards.text_import.parse import ProposedProvision


@dataclass
class ImportResult:
    created: int
    updated: int
    unchanged: int
    missing: int


@transaction.atomic
def import_provisions(*, instrument: Instrument, provisions: list[ProposedProvision], user) -> ImportResult:
    """Create the new provisions and update the changed ones, all as drafts; raise if any write is refused.

    Stored provisions the document lacks are left as they are. New provisions take the positions
    after the last stored one, in the document's order.
    """
    workflow.check_model_permission(user=user, model=Provision, action="add")
    diff = diff_against_stored(instrument=instrument, provisions=provisions)
    source = [{"symbol": instrument.resolution_symbol, "locator": "annex"}] if instrument.resolution_symbol else []
    for change in diff.changed:
        provision = change.stored
        for name in COMPARED_FIELDS:
            setattr(provision, name, getattr(change.proposed, name))
        provision.status = PublicationStatus.DRAFT
        workflow.check_write(user=user, obj=provision)
        workflow.save_validated(provision, user=user)
    position = Provision.objects.filter(instrument=instrument).aggregate(last=Max("position"))["last"] or 0
    for proposed in diff.added:
        position += 1
        provision = Provision(
            instrument=instrument,
            ref=proposed.ref,
            position=position,
            sources=source,
            status=PublicationStatus.DRAFT,
            **{name: getattr(proposed, name) for name in COMPARED_FIELDS},
        )
        workflow.check_write(user=user, obj=provision)
        workflow.save_validated(provision, user=user)
    return ImportResult(
        created=len(diff.added), updated=len(diff.changed), unchanged=len(diff.unchanged), missing=len(diff.missing)
    )
