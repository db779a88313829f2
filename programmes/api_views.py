"""API v1 endpoints for programmes, resources, activities and countries (registered with portal.api.routes)."""

from django.db.models import Prefetch

from portal.api.routes import register
from portal.api.viewsets import PublicReadOnlyViewSet, published_links
from portal.models import published_themes
from programmes.filters import ActivityFilter, CountryFilter, ProgrammeFilter, ResourceFilter
from programmes.models import (
    Activity,
    Country,
    InterventionArea,
    Programme,
    ProgrammeGoal,
    ProgrammeInstrument,
    ProgrammeTarget,
    Resource,
    ResourceInstrument,
)
from programmes.serializers import (
    ActivityDetailSerializer,
    ActivitySerializer,
    CountrySerializer,
    ProgrammeDetailSerializer,
    ProgrammeSerializer,
    ResourceDetailSerializer,
    ResourceSerializer,
)
from standards.models import Instrument


def instrument_links(link_model) -> Prefetch:
    return published_links("instrument_links", link_model, "instrument", "instrument__title")


def target_links(link_model) -> Prefetch:
    return published_links("target_links", link_model, "target", "target__position")


class ProgrammeViewSet(PublicReadOnlyViewSet):
    """UNODC programmes and initiatives, by slug."""

    filterset_class = ProgrammeFilter
    serializer_class = ProgrammeDetailSerializer
    list_serializer_class = ProgrammeSerializer
    lookup_field = "slug"

    def get_queryset(self):
        queryset = (
            Programme.objects.published()
            .select_related("parent")
            .prefetch_related(
                published_themes(),
                target_links(ProgrammeTarget),
                published_links("goal_links", ProgrammeGoal, "goal", "goal__number"),
                instrument_links(ProgrammeInstrument),
            )
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("children", queryset=Programme.objects.published().order_by("title")),
                Prefetch("intervention_areas", queryset=InterventionArea.objects.published().order_by("position")),
            )
        return queryset


class ResourceViewSet(PublicReadOnlyViewSet):
    """Tools and publications (handbooks, toolkits, e-learning courses), by slug."""

    filterset_class = ResourceFilter
    serializer_class = ResourceDetailSerializer
    list_serializer_class = ResourceSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return (
            Resource.objects.published()
            .select_related("programme")
            .prefetch_related(published_themes(), instrument_links(ResourceInstrument))
        )


class ActivityViewSet(PublicReadOnlyViewSet):
    """Technical assistance delivered in a country (or region) in a year, by slug."""

    filterset_class = ActivityFilter
    serializer_class = ActivityDetailSerializer
    list_serializer_class = ActivitySerializer
    lookup_field = "slug"

    def get_queryset(self):
        return (
            Activity.objects.published()
            .select_related("country", "programme", "theme")
            .prefetch_related(Prefetch("instruments", queryset=Instrument.objects.published().order_by("title")))
        )


class CountryViewSet(PublicReadOnlyViewSet):
    """Countries and territories named in the sources, by slug."""

    filterset_class = CountryFilter
    serializer_class = CountrySerializer
    lookup_field = "slug"

    def get_queryset(self):
        return Country.objects.public()


register("programmes", ProgrammeViewSet, basename="programme", order=200)
register("resources", ResourceViewSet, basename="resource", order=210)
register("activities", ActivityViewSet, basename="activity", order=220)
register("countries", CountryViewSet, basename="country", order=230)
