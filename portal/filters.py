"""FilterSet building blocks shared by every app, for HTML lists and the API alike."""

from datetime import UTC
from functools import reduce
from operator import or_

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField

from portal.models import Goal, Indicator, PublicationStatus, Target, Theme


class UTCIsoDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time converted to UTC: PostgreSQL refuses offsets beyond ±15:59 that Python accepts."""

    def to_python(self, value):
        moment = super().to_python(value)
        if moment is None:
            return None
        try:
            return moment.astimezone(UTC)
        except OverflowError:
            raise ValidationError(_("The date is out of range."), code="out_of_range") from None


class UpdatedSinceFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCIsoDateTimeField


class YearFilter(django_filters.NumberFilter):
    """A whole year: 2021, not 2021.5."""

    field_class = forms.IntegerField


class PortalFilterSet(django_filters.FilterSet):
    """Adds `updated_since` (ISO 8601) and a simple `search` over `search_fields`."""

    updated_since = UpdatedSinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Updated since"),
        help_text=_("ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z: only entries changed since then."),
    )
    search = django_filters.CharFilter(method="filter_search", label=_("Search"))

    search_fields: tuple[str, ...] = ()

    def filter_queryset(self, queryset):
        """Chosen order, then the model's default order, then pk: a total order, so pages never overlap."""
        queryset = super().filter_queryset(queryset)
        chosen = list(queryset.query.order_by)
        tiebreak = [f for f in queryset.model._meta.ordering if f not in chosen]
        return queryset.order_by(*chosen, *tiebreak, "pk")

    def filter_search(self, queryset, name, value):
        words = value.split()
        for word in words[:10]:
            queryset = queryset.filter(reduce(or_, (Q(**{f"{f}__icontains": word}) for f in self.search_fields)))
        return queryset


def with_related(queryset, relation: str, **conditions):
    """Entries with at least one row of the reverse foreign key `relation` (a link model) matching `conditions`,
    as an EXISTS subquery: no join, so no duplicate rows, no DISTINCT over every column and a cheap COUNT."""
    rows = queryset.model._meta.get_field(relation).related_model.objects
    return queryset.filter(
        Exists(rows.filter(**{queryset.model._meta.get_field(relation).field.name: OuterRef("pk")}, **conditions))
    )


def with_member(queryset, m2m_field: str, member):
    """Entries whose many-to-many `m2m_field` contains `member`, as an EXISTS over the through table."""
    field = queryset.model._meta.get_field(m2m_field)
    rows = field.remote_field.through.objects.filter(
        **{field.m2m_field_name(): OuterRef("pk"), field.m2m_reverse_field_name(): member}
    )
    return queryset.filter(Exists(rows))


def theme_filter(field_name: str = "themes") -> django_filters.ModelChoiceFilter:
    def method(queryset, name, theme):
        if queryset.model._meta.get_field(field_name).many_to_many:
            return with_member(queryset, field_name, theme)
        return queryset.filter(**{field_name: theme})

    return django_filters.ModelChoiceFilter(
        queryset=Theme.objects.published(), to_field_name="slug", method=method, label=_("Theme")
    )


def linked_to_target(link_path: str):
    """A filter method: entries with a published link (via `link_path`) to the given target."""

    def method(self, queryset, name, target):
        return with_related(queryset, link_path, target=target, status=PublicationStatus.PUBLISHED)

    return method


def linked_to_goal(link_path: str):
    def method(self, queryset, name, goal):
        return with_related(queryset, link_path, target__goal=goal, status=PublicationStatus.PUBLISHED)

    return method


def target_filter(method_name: str = "filter_target") -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        queryset=Target.objects.all(), to_field_name="code", method=method_name, label=_("SDG target")
    )


def goal_filter(method_name: str = "filter_goal") -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        queryset=Goal.objects.all(), to_field_name="code", method=method_name, label=_("SDG goal")
    )


class GoalFilter(PortalFilterSet):
    search_fields = ("code", "title", "short_title")
    ordering = django_filters.OrderingFilter(fields=(("number", "code"), "updated_at"))

    class Meta:
        model = Goal
        fields = []


class TargetFilter(PortalFilterSet):
    goal = django_filters.ModelChoiceFilter(queryset=Goal.objects.all(), to_field_name="code", label=_("SDG goal"))
    search_fields = ("code", "title")
    ordering = django_filters.OrderingFilter(fields=(("position", "code"), "updated_at"))

    class Meta:
        model = Target
        fields = ["goal"]


class IndicatorFilter(PortalFilterSet):
    goal = django_filters.ModelChoiceFilter(
        queryset=Goal.objects.all(), to_field_name="code", field_name="target__goal", label=_("SDG goal")
    )
    target = django_filters.ModelChoiceFilter(
        queryset=Target.objects.all(), to_field_name="code", label=_("SDG target")
    )
    search_fields = ("code", "title", "unsd_code")
    ordering = django_filters.OrderingFilter(fields=(("position", "code"), "updated_at"))

    class Meta:
        model = Indicator
        fields = ["goal", "target"]


class ThemeFilter(PortalFilterSet):
    search_fields = ("name", "description", "code")
    ordering = django_filters.OrderingFilter(fields=("position", "name", "updated_at"))

    class Meta:
        model = Theme
        fields = ["scheme"]
