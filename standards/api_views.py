"""API v1 endpoints for instruments and provisions (registered with portal.api.routes)."""

from django.db.models import Prefetch
from rest_framework.exceptions import NotFound

from portal.api.routes import register
from portal.api.viewsets import PublicListViewSet, PublicReadOnlyViewSet, published_links
from portal.models import published_themes
from standards.filters import InstrumentFilter, ProvisionFilter
from standards.models import Instrument, InstrumentGoal, InstrumentTarget, Provision, ProvisionTarget
from standards.serializers import (
    InstrumentDetailSerializer,
    InstrumentSerializer,
    ProvisionDetailSerializer,
    ProvisionSerializer,
)


def target_links(link_model) -> Prefetch:
    return published_links("target_links", link_model, "target", "target__position")


def provisions():
    """Published provisions of published instruments, with their instrument and SDG target links."""
    return Provision.objects.published().select_related("instrument").prefetch_related(target_links(ProvisionTarget))


class InstrumentViewSet(PublicReadOnlyViewSet):
    """UN standards and norms, and the other instruments the sources cite, by slug.

    The detail carries every published provision with its official text.
    """

    filterset_class = InstrumentFilter
    serializer_class = InstrumentDetailSerializer
    list_serializer_class = InstrumentSerializer
    lookup_field = "slug"

    def get_queryset(self):
        queryset = Instrument.objects.published().prefetch_related(
            published_themes(),
            target_links(InstrumentTarget),
            published_links("goal_links", InstrumentGoal, "goal", "goal__number"),
        )
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(Prefetch("provisions", queryset=provisions().order_by("position")))
        return queryset


class ProvisionViewSet(PublicListViewSet):
    """Every published provision of every instrument. Each one's address is under its instrument."""

    filterset_class = ProvisionFilter
    serializer_class = ProvisionSerializer

    def get_queryset(self):
        return provisions()


class InstrumentProvisionViewSet(PublicReadOnlyViewSet):
    """The provisions of one instrument; one provision by its reference (`58`, `po-1`)."""

    filterset_class = ProvisionFilter
    serializer_class = ProvisionDetailSerializer
    list_serializer_class = ProvisionSerializer
    lookup_field = "ref"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):  # the schema generator has no URL
            return Provision.objects.none()
        return provisions().filter(instrument__slug=self.kwargs["instrument_slug"])

    def get_lookup(self):
        return {"instrument__slug": self.kwargs["instrument_slug"], "ref": self.kwargs["ref"]}

    def list(self, request, *args, **kwargs):
        slug = self.kwargs["instrument_slug"]
        if "\x00" in slug or not Instrument.objects.published().filter(slug=slug).exists():
            raise NotFound(f'No instrument has slug "{slug}".')
        return super().list(request, *args, **kwargs)


register("instruments", InstrumentViewSet, basename="instrument", order=100)
register(
    r"instruments/(?P<instrument_slug>[^/]+)/provisions",
    InstrumentProvisionViewSet,
    basename="instrument-provision",
    order=110,
)
register("provisions", ProvisionViewSet, basename="provision", order=120)
