from collections import defaultdict

import django_filters
from django.utils.translation import gettext_lazy as _

from portal import filters as portal_filters
from portal.filters import (
    GroupedChoiceFilter,
    PortalFilterSet,
    YearFilter,
    basis_filter,
    goal_filter,
    linked_to_goal,
    linked_to_target,
    linked_to_whole_goal,
    more_line,
    target_filter,
    theme_filter,
    whole_goal_filter,
)
from standards.models import Instrument, InstrumentCategory, Provision


def instruments_by_category(filterset=None, selected: str = "", *, limit: int | None = None) -> list:
    """Published instruments by the name people use, the UN standards and norms first, then each category:
    the first `limit` of them (and the selected one), then a line saying there are more."""
    limit = portal_filters.CHOICE_LIMIT if limit is None else limit
    fields = ("slug", "title", "short_title", "category")
    published = Instrument.objects.published()
    rows = list(published.standards_first().only(*fields)[: limit + 1])
    shown = rows[:limit]
    if selected and selected not in {row.slug for row in shown}:
        shown += list(published.filter(slug=selected).only(*fields))
    by_category = defaultdict(list)
    for instrument in shown:
        by_category[instrument.category].append((instrument.slug, instrument.common_name))
    groups = [(label, by_category[value]) for value, label in InstrumentCategory.choices if by_category[value]]
    return groups + more_line(len(rows) > limit)


def instrument_filter(field_name: str = "instrument", method: str | None = None) -> GroupedChoiceFilter:
    return GroupedChoiceFilter(
        queryset=Instrument.objects.published(),
        to_field_name="slug",
        field_name=field_name,
        method=method,
        label=_("Instrument"),
        groups=instruments_by_category,
    )


class InstrumentFilter(PortalFilterSet):
    theme = theme_filter()
    goal = goal_filter()
    whole_goal = whole_goal_filter()
    target = target_filter()
    basis = basis_filter()
    year = YearFilter(label=_("Year adopted"))
    year_from = YearFilter(field_name="year", lookup_expr="gte", label=_("Adopted from (year)"))
    year_to = YearFilter(field_name="year", lookup_expr="lte", label=_("Adopted until (year)"))
    search_fields = ("title", "short_title", "aliases", "summary", "resolution_symbol")
    ordering = django_filters.OrderingFilter(fields=("title", "short_title", "year", "updated_at"), label=_("Sort by"))

    filter_target = linked_to_target("target_links")
    filter_goal = linked_to_goal("target_links", "goal_links")
    filter_whole_goal = linked_to_whole_goal()

    class Meta:
        model = Instrument
        fields = ["kind", "category", "adopting_body", "theme", "goal", "target", "year"]


class ProvisionFilter(PortalFilterSet):
    instrument = instrument_filter()
    goal = goal_filter()
    target = target_filter()
    basis = basis_filter()
    search_fields = ("number", "section", "text")
    ordering = django_filters.OrderingFilter(fields=("position", "updated_at"))

    filter_target = linked_to_target("target_links")
    filter_goal = linked_to_goal("target_links")

    class Meta:
        model = Provision
        fields = ["instrument", "kind", "part", "goal", "target"]
