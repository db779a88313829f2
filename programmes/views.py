"""Programme, resource, activity and country pages."""

from django.db.models import Count, Prefetch, Q
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import DetailView

from portal.models import PublicationStatus, published_themes
from portal.pages import briefing_section
from portal.views import BreadcrumbMixin, FilteredListView
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
)
from standards.models import Instrument

PUBLISHED = PublicationStatus.PUBLISHED


def published_instruments() -> Prefetch:
    return Prefetch("instruments", queryset=Instrument.objects.published())


class ProgrammeListView(FilteredListView):
    template_name = "programmes/programme_list.html"
    filterset_class = ProgrammeFilter
    queryset = Programme.objects.published().select_published("parent").prefetch_related(published_themes())

    def get_breadcrumbs(self):
        return [(_("Programmes"), "")]


def same_evidence_together(links: list) -> list[tuple[object, list]]:
    """Links that give the same reason from the same source, gathered under it in the order first
    met: [(the first link, for its evidence), [the links]], so a page states a reason once."""
    groups: dict[tuple, tuple[object, list]] = {}
    for link in links:
        key = (link.basis, link.rationale, link.source_symbol, link.source_locator)
        groups.setdefault(key, (link, []))[1].append(link)
    return list(groups.values())


class ProgrammeDetailView(BreadcrumbMixin, DetailView):
    template_name = "programmes/programme_detail.html"

    def get_queryset(self):
        return (
            Programme.objects.published()
            .select_published("parent")
            .prefetch_related(
                published_themes(),
                Prefetch("children", queryset=Programme.objects.published()),
                Prefetch("intervention_areas", queryset=InterventionArea.objects.published()),
            )
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        programme = self.object
        filtered = urlencode({"programme": programme.slug})
        sections = [
            briefing_section(
                ProgrammeTarget.objects.published().filter(programme=programme).select_related("target"),
                anchor="targets",
                heading=_("SDG targets"),
                nouns=(_("SDG target"), pgettext_lazy("counted: 6 SDG targets", "SDG targets")),
            ),
            briefing_section(
                ProgrammeGoal.objects.published().filter(programme=programme).select_related("goal"),
                anchor="goals",
                heading=_("SDGs it serves as a whole"),
                nouns=(_("goal as a whole"), _("goals as a whole")),
            ),
            briefing_section(
                ProgrammeInstrument.objects.published()
                .filter(programme=programme, instrument__status=PUBLISHED)
                .select_related("instrument"),
                anchor="instruments",
                heading=_("Instruments it promotes"),
                nouns=(_("instrument"), _("instruments")),
            ),
            briefing_section(
                Resource.objects.published().filter(programme=programme),
                anchor="resources",
                heading=_("Tools and publications"),
                nouns=(_("tool or publication"), _("tools and publications")),
            ),
            # Recommendations sit above this app: reached through the reverse relation.
            briefing_section(
                programme.recommendation_links.published()
                .filter(recommendation__status=PUBLISHED, recommendation__document__status=PUBLISHED)
                .select_related("recommendation__document")
                .order_by("recommendation__document__symbol", "recommendation__position"),
                anchor="recommendations",
                heading=_("Recommendations concerning it"),
                nouns=(_("recommendation"), _("recommendations")),
                more_url=f"{reverse('recommendations:recommendation-list')}?{filtered}",
            ),
            briefing_section(
                Activity.objects.published().filter(programme=programme).select_related("country"),
                anchor="activities",
                heading=_("Technical assistance"),
                nouns=(_("technical-assistance activity"), _("technical-assistance activities")),
                more_url=f"{reverse('programmes:activity-list')}?{filtered}",
            ),
        ]
        by_anchor = {section.anchor: section for section in sections}
        shown = [section for section in sections if section.total or section.anchor != "goals"]
        context.update(
            reach=Activity.objects.published().filter(programme=programme).reach(),
            sections=by_anchor,
            summary=shown,
            jumps=[(section.anchor, section.heading) for section in shown],
            recommendations_by_reason=same_evidence_together(by_anchor["recommendations"].items),
        )
        return context

    def get_breadcrumbs(self):
        return [(_("Programmes"), reverse("programmes:programme-list")), (str(self.object), "")]


class ResourceListView(FilteredListView):
    template_name = "programmes/resource_list.html"
    filterset_class = ResourceFilter
    queryset = Resource.objects.published().select_published("programme").prefetch_related(published_themes())

    def get_breadcrumbs(self):
        return [(_("Tools and publications"), "")]


class ResourceDetailView(BreadcrumbMixin, DetailView):
    template_name = "programmes/resource_detail.html"

    def get_queryset(self):
        return Resource.objects.published().select_published("programme").prefetch_related(published_themes())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["instrument_links"] = (
            self.object.instrument_links.published().filter(instrument__status=PUBLISHED).select_related("instrument")
        )
        context["targets_through_instruments"] = self.object.targets_through_instruments()
        return context

    def get_breadcrumbs(self):
        return [(_("Tools and publications"), reverse("programmes:resource-list")), (str(self.object), "")]


class ActivityListView(FilteredListView):
    template_name = "programmes/activity_list.html"
    filterset_class = ActivityFilter
    paginate_by = 50
    queryset = Activity.objects.published().select_related("country").prefetch_related(published_instruments())

    def get_breadcrumbs(self):
        return [(_("Technical assistance"), "")]


class CountryListView(FilteredListView):
    template_name = "programmes/country_list.html"
    filterset_class = CountryFilter
    paginate_by = 100
    queryset = (
        Country.objects.public()
        .annotate(activity_count=Count("activities", filter=Q(activities__status=PUBLISHED)))
        .order_by("name", "pk")  # a grouped query ignores Meta.ordering
    )

    def get_breadcrumbs(self):
        return [(_("Countries"), "")]


class CountryDetailView(BreadcrumbMixin, DetailView):
    template_name = "programmes/country_detail.html"
    queryset = Country.objects.public()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["activities"] = (
            Activity.objects.published()
            .filter(country=self.object)
            .select_published("programme", "theme")
            .prefetch_related(published_instruments())
            .order_by("-year", "source_locator", "slug")
        )
        return context

    def get_breadcrumbs(self):
        return [(_("Countries"), reverse("programmes:country-list")), (self.object.name, "")]
