"""FilterSet building blocks shared by every app, for HTML lists and the API alike."""

import re
from collections.abc import Callable
from datetime import UTC
from functools import partial, reduce
from itertools import groupby
from operator import attrgetter, or_

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.choices import BaseChoiceIterator
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django_filters.fields import IsoDateTimeField

from portal import tallies
from portal.models import Curated, Goal, Indicator, LinkBasis, PublicationStatus, Target, Theme

# A drop-down of content that grows (instruments, programmes, meetings, documents) offers its first
# CHOICE_LIMIT entries, the chosen one wherever it is, and a last line saying there are more; the filter
# still accepts every entry, so links from an entry's page (?instrument=...) work for all of them.
# Vocabularies that do not grow with content (goals, targets, themes, countries) are offered in full.
CHOICE_LIMIT = 30
MORE_CHOICES = _("More: use the links on each entry’s page")


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


class WholeNumberField(forms.IntegerField):
    """An integer written as one: Django's IntegerField also takes "2021.0" (and "0.0"), which the
    schema's `integer` does not."""

    re_decimal = re.compile(r"(?!)")  # strip nothing


class YearFilter(django_filters.NumberFilter):
    """A whole year: 2021, not 2021.5 nor 2021.0."""

    field_class = WholeNumberField


class GroupedChoiceFilter(django_filters.ModelChoiceFilter):
    """A choice of entries whose drop-down offers `groups(filterset, selected value)`,
    [(group label, [(value, label), ...]), ...]: the entries people look for, grouped. Validation still
    accepts every entry of `queryset`, so a harvester filtering the API by a target with nothing linked
    gets an empty list, not an error."""

    def __init__(self, *args, groups: Callable, **kwargs):
        self.groups = groups
        super().__init__(*args, **kwargs)


def any_label(label) -> str:
    """ "Theme" -> "Any theme", "SDG target" -> "Any SDG target"."""
    label = str(label)
    keep_case = len(label) > 1 and label[1].isupper()
    return _("Any %(thing)s") % {"thing": label if keep_case else label[:1].lower() + label[1:]}


def without_empty(choices) -> list:
    return [(value, label) for value, label in choices if value != ""]


def grows_with_content(model) -> bool:
    """Curated content that generate_scale_data copies; vocabularies say `scale_copies = False`."""
    return issubclass(model, Curated) and getattr(model, "scale_copies", True)


def more_line(more: bool) -> list:
    """An empty group whose label says the list goes on (a browser shows it and nobody can pick it)."""
    return [(str(MORE_CHOICES), [])] if more else []


def first_choices(field, selected: str, *, limit: int | None = None) -> list:
    """The first `limit` (CHOICE_LIMIT) entries of a model choice field, in its queryset's order, and the chosen one."""
    limit = CHOICE_LIMIT if limit is None else limit
    key = field.to_field_name or "pk"
    rows = list(field.queryset[: limit + 1])
    choices = [(getattr(row, key), field.label_from_instance(row)) for row in rows[:limit]]
    if selected and selected not in {str(value) for value, _label in choices}:
        try:
            chosen = field.queryset.filter(**{key: selected}).first()
        except (ValueError, ValidationError):
            chosen = None
        if chosen is not None:
            choices.append((getattr(chosen, key), field.label_from_instance(chosen)))
    return choices + more_line(len(rows) > limit)


class FirstThen(BaseChoiceIterator):
    """The empty choice, then `rest()` evaluated only when iterated past it: the widget's check of
    the first choice (for the `required` attribute) costs no query."""

    def __init__(self, first, rest: Callable):
        self.first, self.rest = first, rest

    def __iter__(self):
        yield self.first
        yield from self.rest()


class PortalFilterSet(django_filters.FilterSet):
    """Adds `updated_since` (ISO 8601) and a simple `search` over `search_fields`; every drop-down
    starts with "Any …" rather than Django's "---------"."""

    updated_since = UpdatedSinceFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label=_("Updated since"),
        help_text=_("ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z: only entries changed since then."),
    )
    search = django_filters.CharFilter(method="filter_search", label=_("Search"))

    search_fields: tuple[str, ...] = ()

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            for name, field in form.fields.items():
                if getattr(field, "empty_label", None) is None:
                    continue
                is_ordering = isinstance(self.filters[name], django_filters.OrderingFilter)
                field.empty_label = _("Default order") if is_ordering else any_label(field.label)
                # The widget holds its own copy of the choices (with the old empty label): replace them, lazily.
                groups = getattr(self.filters[name], "groups", None)
                selected = str(self.data.get(name, "") or "")[:200] if self.data is not None else ""
                if "\x00" in selected:  # no entry has it, and PostgreSQL refuses it in a query: the form says why
                    selected = ""
                if groups:
                    choices = partial(groups, self, selected)
                elif grows_with_content(getattr(getattr(field, "queryset", None), "model", type)):
                    choices = partial(first_choices, field, selected)
                else:
                    choices = partial(without_empty, field.widget.choices)
                field.widget.choices = FirstThen(("", field.empty_label), choices)
        return self._form

    def filter_queryset(self, queryset):
        """Chosen order, then the model's default order, then pk: a total order, so pages never overlap."""
        queryset = super().filter_queryset(queryset)
        chosen = list(queryset.query.order_by)
        tiebreak = [f for f in queryset.model._meta.ordering if f not in chosen]
        return queryset.order_by(*chosen, *tiebreak, "pk")

    def filter_basis(self, queryset, name, basis):
        """With `target` or `goal` the basis qualifies that same link (`linked_to_target`); alone, any
        published link to a target (one condition on one link, not two on any links)."""
        data = self.form.cleaned_data
        if data.get("target") or data.get("goal") or data.get("whole_goal"):
            return queryset
        return with_related(queryset, "target_links", basis=basis, status=PublicationStatus.PUBLISHED)

    def filter_search(self, queryset, name, value):
        words = value.split()
        for word in words[:10]:
            queryset = queryset.filter(reduce(or_, (Q(**{f"{f}__icontains": word}) for f in self.search_fields)))
        return queryset


def related_exists(queryset, relation: str, **conditions) -> Exists:
    """EXISTS a row of the reverse foreign key `relation` (a link model) pointing at the outer entry and
    matching `conditions`."""
    rows = queryset.model._meta.get_field(relation).related_model.objects
    return Exists(rows.filter(**{queryset.model._meta.get_field(relation).field.name: OuterRef("pk")}, **conditions))


def with_related(queryset, relation: str, **conditions):
    """Entries with at least one row of the reverse foreign key `relation` (a link model) matching `conditions`,
    as an EXISTS subquery: no join, so no duplicate rows, no DISTINCT over every column and a cheap COUNT."""
    return queryset.filter(related_exists(queryset, relation, **conditions))


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


def basis_lookup(filterset) -> dict:
    """The chosen `basis`, as a condition on the same link as the target or goal it qualifies."""
    basis = filterset.form.cleaned_data.get("basis") if hasattr(filterset.form, "cleaned_data") else ""
    return {"basis": basis} if basis else {}


def linked_to_target(link_path: str):
    """A filter method: entries with a published link (via `link_path`) to the given target
    (of the chosen basis, if any)."""

    def method(self, queryset, name, target):
        return with_related(
            queryset, link_path, target=target, status=PublicationStatus.PUBLISHED, **basis_lookup(self)
        )

    return method


def linked_to_goal(link_path: str, goal_path: str = ""):
    """A filter method: entries with a published link to one of the goal's targets (via `link_path`) or,
    with `goal_path`, to the goal as a whole (of the chosen basis, if any): two EXISTS, no join."""

    def method(self, queryset, name, goal):
        conditions = {"status": PublicationStatus.PUBLISHED, **basis_lookup(self)}
        through_targets = related_exists(queryset, link_path, target__goal=goal, **conditions)
        if not goal_path:
            return queryset.filter(through_targets)
        return queryset.filter(through_targets | related_exists(queryset, goal_path, goal=goal, **conditions))

    return method


def linked_to_whole_goal(goal_path: str = "goal_links"):
    """A filter method: entries with a published link to the goal as a whole (of the chosen basis, if any)."""

    def method(self, queryset, name, goal):
        return with_related(queryset, goal_path, goal=goal, status=PublicationStatus.PUBLISHED, **basis_lookup(self))

    return method


def whole_goal_filter(method_name: str = "filter_whole_goal") -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        queryset=Goal.objects.all(),
        to_field_name="code",
        method=method_name,
        label=_("Linked to SDG goal as a whole"),
        help_text=_("Entries the sources link to the goal itself, not to one of its targets."),
    )


def basis_filter() -> django_filters.ChoiceFilter:
    """`basis=stated|judgement`: entries linked to an SDG target on that basis (`PortalFilterSet.filter_basis`)."""
    return django_filters.ChoiceFilter(
        choices=LinkBasis.choices,
        method="filter_basis",
        label=_("Basis of the link"),
        help_text=_(
            '"stated": the source itself links the entry to the SDG target; "judgement": a curator inferred it. '
            "Combined with target or goal, it applies to the link to that target or goal."
        ),
    )


def targets_by_goal(filterset, selected: str = "", link_path: str = "target_links") -> list:
    """The targets this list has something linked to (published, both ends), under their goal."""
    link_model = filterset._meta.model._meta.get_field(link_path).related_model
    codes = tallies.targets_linked(link_model)  # one small query when the tallies are current
    linked = Q(code__in=codes) if codes is not None else Q(pk__in=link_model.objects.published().values("target"))
    targets = Target.objects.filter(linked).select_related("goal").order_by("goal__number", "position")
    return [
        (str(goal), [(target.code, f"{target.code} {Truncator(target.local_title).chars(60)}") for target in group])
        for goal, group in groupby(targets, key=attrgetter("goal"))
    ]


def target_filter(method_name: str = "filter_target", link_path: str = "target_links") -> GroupedChoiceFilter:
    return GroupedChoiceFilter(
        queryset=Target.objects.all(),
        to_field_name="code",
        method=method_name,
        label=_("SDG target"),
        groups=partial(targets_by_goal, link_path=link_path),
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
