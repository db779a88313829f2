"""Cross-model reads shared by pages, commands and the admin."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q

from portal.models import Goal, Indicator, PublicationStatus, Target, Theme
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
from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)
from standards.models import Instrument, InstrumentTarget, Provision, ProvisionTarget

ENTITY_MODELS = [
    Goal, Target, Indicator, Theme, Instrument, Provision, Programme, InterventionArea, Resource, Activity, Country,
    Meeting, AgendaItem, Document, Recommendation,
]  # fmt: skip
LINK_MODELS = [
    InstrumentTarget, ProvisionTarget, ProgrammeTarget, ProgrammeInstrument, ResourceInstrument,
    RecommendationTarget, RecommendationInstrument, RecommendationProgramme,
]  # fmt: skip
TARGET_LINK_MODELS = {
    "instrument": InstrumentTarget,
    "provision": ProvisionTarget,
    "programme": ProgrammeTarget,
    "recommendation": RecommendationTarget,
}


def without_evidence(model):
    return model.objects.filter(Q(source_symbol="") | Q(source_locator="") | Q(rationale=""))


def targets_with_links():
    """Targets annotated with whether anything published links to them."""
    published = PublicationStatus.PUBLISHED
    annotations = {
        f"has_{name}": Exists(model.objects.filter(target=OuterRef("pk"), status=published))
        for name, model in TARGET_LINK_MODELS.items()
    }
    return Target.objects.select_related("goal").annotate(**annotations)


def linked_filter() -> Q:
    condition = Q()
    for name in TARGET_LINK_MODELS:
        condition |= Q(**{f"has_{name}": True})
    return condition


@dataclass
class Coverage:
    counts: dict[str, int]
    link_counts: dict[str, dict[str, int]]
    links_without_evidence: dict[str, int]
    instruments_without_targets: list[Instrument]
    provisions_without_text: dict[str, int]
    instruments_without_text: list[Instrument]
    targets_without_links: list[Target]
    goals_without_links: list[Goal]
    linked_targets: int


def content_coverage() -> Coverage:
    counts = {model._meta.verbose_name_plural.capitalize(): model._default_manager.count() for model in ENTITY_MODELS}
    link_counts = {
        str(model._meta.verbose_name): {
            "total": model.objects.count(),
            "stated": model.objects.filter(basis="stated").count(),
            "judgement": model.objects.filter(basis="judgement").count(),
        }
        for model in LINK_MODELS
    }
    linked = targets_with_links().filter(linked_filter())
    linked_goal_ids = set(linked.values_list("goal_id", flat=True))
    provisions_without_text = dict(
        Provision.objects.filter(text="").values_list("instrument__slug").annotate(n=Count("pk")).order_by()
    )
    return Coverage(
        counts=counts,
        link_counts=link_counts,
        links_without_evidence={str(m._meta.verbose_name): without_evidence(m).count() for m in LINK_MODELS},
        instruments_without_targets=list(
            Instrument.objects.exclude(Exists(InstrumentTarget.objects.filter(instrument=OuterRef("pk"))))
        ),
        provisions_without_text=provisions_without_text,
        instruments_without_text=list(
            Instrument.objects.exclude(Exists(Provision.objects.filter(instrument=OuterRef("pk"))))
        ),
        targets_without_links=list(targets_with_links().exclude(linked_filter())),
        goals_without_links=list(Goal.objects.exclude(pk__in=linked_goal_ids)),
        linked_targets=linked.count(),
    )
