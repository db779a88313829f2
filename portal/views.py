"""Home, SDG, theme and search pages, and the shared view machinery."""

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView, TemplateView

from portal import tallies
from portal.models import Goal, Indicator, PublicationStatus, Target, Theme
from portal.outage import without_database
from portal.pages import (
    BriefingSection,
    HomeBlock,
    RecentEntries,
    ThemeSection,
    link_sections,
    links_for_goal,
    links_for_target,
    registered,
)
from portal.quotations import quotations_of_indicators
from portal.search import FACET_HEADINGS, SearchOutcome, run_search
from portal.templatetags.portal_tags import coded_label
from portal.throttling import SearchRateThrottle, throttled

RECENT_PER_KIND = 5
RECENT_SHOWN = 8


class BreadcrumbMixin:
    """Pages declare their trail; the base template renders it as a breadcrumb nav."""

    def get_breadcrumbs(self) -> list[tuple[str, str]]:
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = [(_("Home"), reverse("portal:home")), *self.get_breadcrumbs()]
        return context


class FilteredListView(BreadcrumbMixin, ListView):
    """A list page driven by the same FilterSet as the API: filter form, sorting, pagination."""

    filterset_class = None
    paginate_by = 25

    def get_queryset(self):
        data = self.request.GET
        if "q" in data and "search" not in data:  # the site's search box says q; the lists' FilterSets say search
            data = data.copy()
            data["search"] = data["q"]
        self.filterset = self.filterset_class(data or None, queryset=super().get_queryset())
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.filterset.queryset.none()
        return self.filterset.qs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filter=self.filterset, query_without_page=query.urlencode())
        return context


class HomeView(BreadcrumbMixin, TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["breadcrumbs"] = []
        context["counts"], with_content = tallies.home_counts()
        goals = list(Goal.objects.all())
        for goal in goals:
            goal.has_content = goal.code in with_content
        context["goals"] = goals
        context["themes"] = Theme.objects.published()
        context["blocks"] = [(block.template, block.context()) for block in registered(HomeBlock)]
        recent = [
            entry
            for kind in registered(RecentEntries)
            for entry in kind.queryset().order_by("-updated_at")[:RECENT_PER_KIND]
        ]
        context["recent"] = sorted(recent, key=lambda entry: entry.updated_at, reverse=True)[:RECENT_SHOWN]
        return context


class GoalListView(BreadcrumbMixin, ListView):
    template_name = "portal/goal_list.html"

    def get_queryset(self):
        return Goal.objects.annotate(target_count=Count("targets")).order_by("number")  # GROUP BY drops Meta.ordering

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["object_list"] = tallies.counted(
            context["object_list"], by="target__goal", found=tallies.current("goal:")
        )
        context["sections"] = link_sections()
        return context

    def get_breadcrumbs(self):
        return [(_("Sustainable Development Goals"), "")]


class GoalDetailView(BreadcrumbMixin, DetailView):
    slug_field = slug_url_kwarg = "code"
    template_name = "portal/goal_detail.html"
    queryset = Goal.objects.all()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        goal = self.object
        found = tallies.current(f"goal:{goal.code}:", f"target:{goal.code}.")
        context["targets"] = tallies.counted(goal.targets.all(), by="target", found=found)
        entries = tallies.goal_entries(goal, found)
        context["summary"] = [
            (section, entries[section.name], section.goal_list_url(goal)) for section in link_sections()
        ]
        context["whole_goal"] = links_for_goal(self.object)
        return context

    def get_breadcrumbs(self):
        return [
            (_("Sustainable Development Goals"), reverse("portal:goal-list")),
            (coded_label(_("Goal %(code)s"), self.object.code), ""),
        ]


class TargetDetailView(BreadcrumbMixin, DetailView):
    slug_field = slug_url_kwarg = "code"
    template_name = "portal/target_detail.html"
    queryset = Target.objects.select_related("goal").prefetch_related(
        Prefetch("indicators", queryset=Indicator.objects.order_by("position"))
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["links"] = links = links_for_target(self.object, totals=tallies.target_totals(self.object))
        quoted = quotations_of_indicators(self.object.indicators.all())
        for indicator in self.object.indicators.all():  # the prefetched instances the template shows
            indicator.source_quotations = [quote for quote in quoted.get(indicator.code, []) if quote.differs]
        context["jumps"] = [
            ("indicators", _("Indicators")),
            *((group.anchor, group.heading) for group in links),
            ("about-target", _("About this target")),
        ]
        return context

    def get_breadcrumbs(self):
        goal = self.object.goal
        return [
            (_("Sustainable Development Goals"), reverse("portal:goal-list")),
            (coded_label(_("Goal %(code)s"), goal.code), goal.get_absolute_url()),
            (coded_label(_("Target %(code)s"), self.object.code), ""),
        ]


class ThemeListView(BreadcrumbMixin, ListView):
    template_name = "portal/theme_list.html"

    def get_queryset(self):
        return Theme.objects.published().annotate(
            **{f"tagged_{section.order}": tagged_count(section.tagged) for section in counted_sections()}
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        themes = list(context["object_list"])
        for theme in themes:
            theme.tag_counts = [(section, getattr(theme, f"tagged_{section.order}")) for section in counted_sections()]
        context["object_list"] = themes
        return context

    def get_breadcrumbs(self):
        return [(_("Themes"), "")]


def counted_sections() -> list[ThemeSection]:
    return [section for section in registered(ThemeSection) if section.tagged is not None]


def tagged_count(model):
    """A subquery counting the published entries of `model` tagged with the outer theme."""
    through = model.themes.through
    owner = model._meta.model_name
    counts = (
        through.objects.filter(theme=OuterRef("pk"), **{f"{owner}__status": PublicationStatus.PUBLISHED})
        .order_by()
        .values("theme")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


class ThemeDetailView(BreadcrumbMixin, DetailView):
    queryset = Theme.objects.published()
    template_name = "portal/theme_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        sections = []
        for section in registered(ThemeSection):
            entries, total = section.first(self.object)
            nouns = section.count_nouns if section.count_nouns[0] else (section.heading.lower(),) * 2
            with translation.override(settings.LANGUAGE_CODE):  # the same anchor in every language
                anchor = slugify(section.heading)
            briefing = BriefingSection(anchor, section.heading, nouns, entries, total, section.list_url(self.object))
            sections.append((section, briefing))
        context["sections"] = sections
        context["summary"] = [briefing for _, briefing in sections]
        context["jumps"] = [(briefing.anchor, briefing.heading) for _, briefing in sections]
        return context

    def get_breadcrumbs(self):
        return [(_("Themes"), reverse("portal:theme-list")), (self.object.name, "")]


def search_groups(outcome: SearchOutcome) -> list[tuple[str, str, list, int]]:
    """The facets of a search as (name, heading, values, values not listed), each value with the
    link that applies it."""
    groups = []
    for name, values in outcome.facets.items():
        if not values:
            continue
        links = [
            (value, outcome.params.query_string(**{name: "" if value.selected else value.value, "page": None}))
            for value in values
        ]
        groups.append((name, FACET_HEADINGS[name], links, outcome.other_count.get(name, 0)))
    return groups


@require_GET
@throttled(SearchRateThrottle, "portal/search_throttled.html")
def search(request):
    """Site search: the same parameters, results and facet counts as /api/v1/search/."""
    outcome = run_search(request.GET)
    params = outcome.params
    context = {
        "query": params.q,
        "outcome": outcome,
        "groups": search_groups(outcome),
        "active_filters": [
            (heading, label, params.query_string(**{name: "", "page": None}))
            for name, heading, label in outcome.active_filters()
        ],
        "suggestion_url": params.query_string(q=outcome.suggestion, page=None, correct=None)
        if outcome.suggestion
        else "",
        "uncorrected_url": params.query_string(page=None, correct="0"),
        "previous_url": params.query_string(page=outcome.page - 1) if outcome.page > 1 else "",
        "next_url": params.query_string(page=outcome.page + 1) if outcome.page < outcome.pages else "",
        "first_number": (outcome.page - 1) * params.page_size + 1,
        "breadcrumbs": [(_("Home"), reverse("portal:home")), (pgettext_lazy("noun, the search page", "Search"), "")],
    }
    return render(request, "portal/search.html", context)


@without_database
@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /language/", f"Sitemap: {sitemap_url}"]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
