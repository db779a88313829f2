"""Coverage gaps of recommendations (registered with `portal.coverage`)."""

from django.utils.translation import gettext_lazy as _

from portal.coverage import Gap, register_gap, without_links
from recommendations.models import (
    Recommendation,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)

register_gap(
    Gap(
        name="recommendations_without_links",
        label=_("Recommendations without any link"),
        entries=lambda: without_links(
            Recommendation, RecommendationTarget, RecommendationInstrument, RecommendationProgramme
        ),
        order=30,
        dashboard=True,
        report=False,
    )
)
