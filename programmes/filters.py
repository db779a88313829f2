import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import (
    PortalFilterSet,
    YearFilter,
    basis_filter,
    goal_filter,
    linked_to_goal,
    linked_to_target,
    linked_to_whole_goal,
    target_filter,
    theme_filter,
    whole_goal_filter,
    with_member,
    with_related,
)
from portal.models import PublicationStatus
from programmes.models import Activity, Country, Programme, Resource
from standards.filters import instrument_filter


def programme_filter(field_name: str = "programme") -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        queryset=Programme.objects.published(), to_field_name="slug", field_name=field_name, label=_("Programme")
    )


class ProgrammeFilter(PortalFilterSet):
    theme = theme_filter()
    goal = goal_filter()
    whole_goal = whole_goal_filter()
    target = target_filter()
    basis = basis_filter()
    instrument = instrument_filter("instrument_links__instrument", method="filter_instrument")
    parent = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.published(), to_field_name="slug", field_name="parent", label=_("Part of")
    )
    search_fields = ("title", "short_title", "aliases", "summary", "lead_entity")
    ordering = django_filters.OrderingFilter(fields=("title", "start_year", "updated_at"), label=_("Sort by"))

    filter_target = linked_to_target("target_links")
    filter_goal = linked_to_goal("target_links", "goal_links")
    filter_whole_goal = linked_to_whole_goal()

    def filter_instrument(self, queryset, name, instrument):
        return with_related(queryset, "instrument_links", instrument=instrument, status=PublicationStatus.PUBLISHED)

    class Meta:
        model = Programme
        fields = ["kind", "theme", "goal", "target", "instrument", "parent"]


class ResourceFilter(PortalFilterSet):
    theme = theme_filter()
    programme = programme_filter()
    instrument = instrument_filter("instrument_links__instrument", method="filter_instrument")
    year = YearFilter()
    search_fields = ("title", "summary", "facts", "publisher")
    ordering = django_filters.OrderingFilter(fields=("title", "year", "users", "updated_at"), label=_("Sort by"))

    def filter_instrument(self, queryset, name, instrument):
        return with_related(queryset, "instrument_links", instrument=instrument, status=PublicationStatus.PUBLISHED)

    class Meta:
        model = Resource
        fields = ["kind", "theme", "programme", "instrument", "year"]


class ActivityFilter(PortalFilterSet):
    country = django_filters.ModelChoiceFilter(
        queryset=Country.objects.public(), to_field_name="slug", label=_("Country")
    )
    theme = theme_filter("theme")
    programme = programme_filter()
    instrument = instrument_filter("instruments", method="filter_instrument")
    year = YearFilter()
    search_fields = ("description", "country__name", "region")
    ordering = django_filters.OrderingFilter(
        fields=("year", ("country__name", "country"), "updated_at"), label=_("Sort by")
    )

    def filter_instrument(self, queryset, name, instrument):
        return with_member(queryset, "instruments", instrument)

    class Meta:
        model = Activity
        fields = ["country", "year", "theme", "programme", "instrument"]


class CountryFilter(PortalFilterSet):
    search_fields = ("name", "iso3")
    ordering = django_filters.OrderingFilter(fields=("name", "updated_at"), label=_("Sort by"))

    class Meta:
        model = Country
        fields = ["iso3"]
