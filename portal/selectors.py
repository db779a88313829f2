"""Cross-model reads shared by the public pages and the API (the coverage report is `portal.coverage`)."""

from __future__ import annotations

from dataclasses import dataclass

from portal.content import target_link_models
from portal.models import PublicationStatus, Target
from programmes.models import ProgrammeTarget
from recommendations.models import RecommendationTarget
from standards.models import InstrumentTarget, ProvisionTarget

# The links that point at an SDG target, keyed by the entity at their other end ("instrument", ...).
TARGET_LINK_MODELS = target_link_models()


@dataclass
class TargetLinks:
    """Everything published that links to one SDG target, each row carrying its evidence."""

    instrument_links: list[InstrumentTarget]
    provision_links: list[ProvisionTarget]
    programme_links: list[ProgrammeTarget]
    recommendation_links: list[RecommendationTarget]

    @property
    def total(self) -> int:
        return sum(
            map(len, (self.instrument_links, self.provision_links, self.programme_links, self.recommendation_links))
        )


def links_for_target(target: Target) -> TargetLinks:
    """Four queries, whatever the amount of content."""
    published = PublicationStatus.PUBLISHED
    return TargetLinks(
        instrument_links=list(
            InstrumentTarget.objects.published()
            .filter(target=target, instrument__status=published)
            .select_related("instrument")
            .order_by("instrument__title")
        ),
        provision_links=list(
            ProvisionTarget.objects.published()
            .filter(target=target, provision__status=published, provision__instrument__status=published)
            .select_related("provision__instrument")
            .order_by("provision__instrument__title", "provision__position")
        ),
        programme_links=list(
            ProgrammeTarget.objects.published()
            .filter(target=target, programme__status=published)
            .select_related("programme")
            .order_by("programme__title")
        ),
        recommendation_links=list(
            RecommendationTarget.objects.published()
            .filter(target=target, recommendation__status=published, recommendation__document__status=published)
            .select_related("recommendation__document")
            .order_by("recommendation__document__symbol", "recommendation__position")
        ),
    )
