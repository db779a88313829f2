import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import (
    PortalFilterSet,
    YearFilter,
    goal_filter,
    linked_to_goal,
    linked_to_target,
    target_filter,
    theme_filter,
)
from standards.models import Instrument, Provision


class InstrumentFilter(PortalFilterSet):
    theme = theme_filter()
    goal = goal_filter()
    target = target_filter()
    year = YearFilter(label=_("Year adopted"))
    year_from = YearFilter(field_name="year", lookup_expr="gte", label=_("Adopted from (year)"))
    year_to = YearFilter(field_name="year", lookup_expr="lte", label=_("Adopted until (year)"))
    search_fields = ("title", "short_title", "aliases", "summary", "resolution_symbol")
    ordering = django_filters.OrderingFilter(fields=("title", "short_title", "year", "updated_at"), label=_("Sort by"))

    filter_target = linked_to_target("target_links")
    filter_goal = linked_to_goal("target_links")

    class Meta:
        model = Instrument
        fields = ["kind", "category", "adopting_body", "theme", "goal", "target", "year"]


class ProvisionFilter(PortalFilterSet):
    instrument = django_filters.ModelChoiceFilter(
        queryset=Instrument.objects.published(), to_field_name="slug", label=_("Instrument")
    )
    goal = goal_filter()
    target = target_filter()
    search_fields = ("number", "section", "text")
    ordering = django_filters.OrderingFilter(fields=("position", "updated_at"))

    filter_target = linked_to_target("target_links")
    filter_goal = linked_to_goal("target_links")

    class Meta:
        model = Provision
        fields = ["instrument", "kind", "part", "goal", "target"]
