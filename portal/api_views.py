"""API v1 endpoints for the SDG framework and themes (registered with portal.api.routes)."""

from django.db.models import Prefetch

from portal import tallies
from portal.api.routes import register
from portal.api.viewsets import PublicReadOnlyViewSet
from portal.filters import GoalFilter, IndicatorFilter, TargetFilter, ThemeFilter
from portal.models import Goal, Indicator, Target, Theme
from portal.pages import link_counts_for_goal, links_for_goal, links_for_target
from portal.serializers import (
    GoalDetailSerializer,
    GoalSerializer,
    IndicatorSerializer,
    TargetDetailSerializer,
    TargetSerializer,
    ThemeDetailSerializer,
    ThemeSerializer,
)


class GoalViewSet(PublicReadOnlyViewSet):
    """The 17 Sustainable Development Goals, by code (`16`).

    A goal's detail lists its targets and counts what is linked to the goal as a whole or to its targets,
    with links to the full, paginated lists (`?goal=`), and carries the first links to the goal as a whole
    with their evidence (`?whole_goal=` lists them all); the links to a target are on the target's detail.
    """

    filterset_class = GoalFilter
    serializer_class = GoalDetailSerializer
    list_serializer_class = GoalSerializer
    lookup_field = "code"

    def get_queryset(self):
        queryset = Goal.objects.all()
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(Prefetch("targets", queryset=Target.objects.order_by("position")))
        return queryset

    def get_object(self):
        goal = super().get_object()
        goal.links = link_counts_for_goal(
            goal, tallies.goal_entries(goal, tallies.current(f"goal:{goal.code}:")), api=True
        )
        goal.whole_goal = links_for_goal(goal, api=True)
        return goal


class TargetViewSet(PublicReadOnlyViewSet):
    """The 169 SDG targets, by code (`16.3`, `16.a`).

    A target's detail lists its indicators and every published instrument, provision, programme
    and recommendation linked to it, each with the link's evidence.
    """

    filterset_class = TargetFilter
    serializer_class = TargetDetailSerializer
    list_serializer_class = TargetSerializer
    lookup_field = "code"

    def get_queryset(self):
        queryset = Target.objects.select_related("goal")
        if self.action == "retrieve":
            queryset = queryset.prefetch_related(
                Prefetch("indicators", queryset=Indicator.objects.select_related("target__goal").order_by("position"))
            )
        return queryset

    def get_object(self):
        target = super().get_object()
        target.links = links_for_target(target, totals=tallies.target_totals(target), api=True)
        return target


class IndicatorViewSet(PublicReadOnlyViewSet):
    """The SDG indicator listings, by code (`16.3.1`). An indicator has no page of its own:
    its `html_url` points at it on its target's page."""

    filterset_class = IndicatorFilter
    serializer_class = IndicatorSerializer
    lookup_field = "code"

    def get_queryset(self):
        return Indicator.objects.select_related("target__goal")


class ThemeViewSet(PublicReadOnlyViewSet):
    """Thematic areas and topics, by slug (`access-to-justice`)."""

    filterset_class = ThemeFilter
    serializer_class = ThemeDetailSerializer
    list_serializer_class = ThemeSerializer
    lookup_field = "slug"

    def get_queryset(self):
        return Theme.objects.published().select_related("parent")


register("goals", GoalViewSet, basename="goal", order=10)
register("targets", TargetViewSet, basename="target", order=20)
register("indicators", IndicatorViewSet, basename="indicator", order=30)
register("themes", ThemeViewSet, basename="theme", order=40)
