import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import (
    PortalFilterSet,
    basis_filter,
    goal_filter,
    linked_to_goal,
    linked_to_target,
    linked_to_whole_goal,
    target_filter,
    theme_filter,
    whole_goal_filter,
    with_related,
)
from portal.models import PublicationStatus
from programmes.models import Programme
from recommendations.models import AgendaItem, Document, Meeting, Recommendation
from standards.filters import instrument_filter


def meeting_filter(field_name: str = "meeting") -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        queryset=Meeting.objects.published(), to_field_name="slug", field_name=field_name, label=_("Meeting")
    )


class MeetingFilter(PortalFilterSet):
    search_fields = ("title", "short_title", "city", "summary")
    ordering = django_filters.OrderingFilter(fields=("start_date", "title", "updated_at"), label=_("Sort by"))

    class Meta:
        model = Meeting
        fields = ["kind"]


class DocumentFilter(PortalFilterSet):
    meeting = meeting_filter()
    theme = theme_filter()
    search_fields = ("symbol", "title", "summary")
    ordering = django_filters.OrderingFilter(fields=("symbol", "issued_on", "updated_at"), label=_("Sort by"))

    class Meta:
        model = Document
        fields = ["kind", "meeting", "theme"]


class RecommendationFilter(PortalFilterSet):
    document = django_filters.ModelChoiceFilter(
        queryset=Document.objects.published(), to_field_name="symbol", label=_("Document")
    )
    meeting = meeting_filter("document__meeting")
    agenda_item = django_filters.CharFilter(
        method="filter_agenda_item",
        label=_("Agenda item"),
        help_text=_(
            'The reference of the agenda item, e.g. "item-4" or "workshop-2"; combine with meeting to disambiguate.'
        ),
    )
    theme = theme_filter()
    goal = goal_filter()
    whole_goal = whole_goal_filter()
    target = target_filter()
    basis = basis_filter()
    instrument = instrument_filter("instrument_links__instrument", method="filter_instrument")
    programme = django_filters.ModelChoiceFilter(
        queryset=Programme.objects.published(), to_field_name="slug", method="filter_programme", label=_("Programme")
    )
    search_fields = ("paragraph", "text", "summary", "addressee")
    ordering = django_filters.OrderingFilter(
        fields=(("document__symbol", "document"), "updated_at"), label=_("Sort by")
    )

    filter_target = linked_to_target("target_links")
    filter_goal = linked_to_goal("target_links", "goal_links")
    filter_whole_goal = linked_to_whole_goal()

    def filter_instrument(self, queryset, name, instrument):
        return with_related(queryset, "instrument_links", instrument=instrument, status=PublicationStatus.PUBLISHED)

    def filter_programme(self, queryset, name, programme):
        return with_related(queryset, "programme_links", programme=programme, status=PublicationStatus.PUBLISHED)

    def filter_agenda_item(self, queryset, name, value):
        return queryset.filter(agenda_item__in=AgendaItem.objects.published().filter(ref=value))

    class Meta:
        model = Recommendation
        fields = ["kind", "document", "meeting", "agenda_item", "theme", "goal", "target", "instrument", "programme"]


class AgendaItemFilter(PortalFilterSet):
    meeting = meeting_filter()
    search_fields = ("title", "number")

    class Meta:
        model = AgendaItem
        fields = ["meeting", "kind"]
