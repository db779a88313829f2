"""Instrument and provision pages."""

from itertools import groupby
from operator import attrgetter

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import DetailView

from portal.models import PublicationStatus, published_themes
from portal.pages import briefing_section
from portal.views import BreadcrumbMixin, FilteredListView
from standards.filters import InstrumentFilter
from standards.models import (
    Instrument,
    InstrumentCategory,
    InstrumentGoal,
    InstrumentTarget,
    Provision,
    ProvisionTarget,
)

PUBLISHED = PublicationStatus.PUBLISHED


class InstrumentListView(FilteredListView):
    template_name = "standards/instrument_list.html"
    filterset_class = InstrumentFilter
    queryset = Instrument.objects.published().standards_first().prefetch_related(published_themes())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # In the default order the UN standards and norms come first, under their own heading.
        context["grouped"] = not self.filterset.form.is_bound or not self.request.GET.get("ordering")
        context["standard_and_norm"] = InstrumentCategory.STANDARD_AND_NORM
        return context

    def get_breadcrumbs(self):
        return [(_("Instruments"), "")]


def table_of_contents(provisions):
    """Provisions grouped as [(part heading, [(section heading, [provision, ...]), ...]), ...]."""

    def part_of(provision):
        if not provision.part:
            return ""
        return f"Part {provision.part}. {provision.part_title}" if provision.part_title else f"Part {provision.part}"

    return [
        (part, [(section, list(items)) for section, items in groupby(group, key=attrgetter("heading"))])
        for part, group in groupby(provisions, key=part_of)
    ]


def instrument_json_ld(instrument: Instrument, request, with_context: bool = True) -> dict:
    """schema.org Legislation data for an instrument."""
    data = {
        "@type": "Legislation",
        "name": instrument.title,
        "alternateName": [name for name in [instrument.short_title, *instrument.aliases] if name],
        "legislationIdentifier": instrument.resolution_symbol or None,
        "legislationDate": instrument.adopted_on.isoformat() if instrument.adopted_on else instrument.year,
        "legislationPassedBy": (
            {"@type": "Organization", "name": instrument.get_adopting_body_display()}
            if instrument.adopting_body
            else None
        ),
        "url": request.build_absolute_uri(instrument.get_absolute_url()),
        "sameAs": instrument.resolution_url or None,
        "dateModified": instrument.updated_at.isoformat(),
    }
    data = {key: value for key, value in data.items() if value not in (None, "", [])}
    return {"@context": "https://schema.org", **data} if with_context else data


class InstrumentDetailView(BreadcrumbMixin, DetailView):
    template_name = "standards/instrument_detail.html"

    def get_queryset(self):
        return Instrument.objects.published().prefetch_related(
            published_themes(),
            Prefetch(
                "provisions",
                queryset=Provision.objects.published().only(
                    "instrument_id", "kind", "number", "ref", "position", "part", "part_title", "category", "section"
                ),
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        instrument = self.object
        filtered = {"instrument": instrument.slug}
        sections = [
            briefing_section(
                InstrumentTarget.objects.published().filter(instrument=instrument).select_related("target__goal"),
                anchor="targets",
                heading=_("SDG targets it serves"),
                nouns=(_("SDG target"), pgettext_lazy("counted: 6 SDG targets", "SDG targets")),
            ),
            briefing_section(
                InstrumentGoal.objects.published().filter(instrument=instrument).select_related("goal"),
                anchor="goals",
                heading=_("SDGs it serves as a whole"),
                nouns=(_("goal as a whole"), _("goals as a whole")),
            ),
            briefing_section(
                ProvisionTarget.objects.published()
                .filter(provision__instrument=instrument, provision__status=PUBLISHED)
                .select_related("provision__instrument", "target")
                .order_by("provision__position", "target__position"),
                anchor="rule-targets",
                heading=_("Rules linked to SDG targets"),
                nouns=(_("rule linked to a target"), _("rules linked to targets")),
            ),
            # Programmes and recommendations sit above this app: reached through the reverse relations.
            briefing_section(
                instrument.programme_links.published().filter(programme__status=PUBLISHED).select_related("programme"),
                anchor="programmes",
                heading=_("Programmes that promote it"),
                nouns=(_("programme"), _("programmes")),
                more_url=f"{reverse('programmes:programme-list')}?{urlencode(filtered)}",
            ),
            briefing_section(
                instrument.resource_links.published().filter(resource__status=PUBLISHED).select_related("resource"),
                anchor="resources",
                heading=_("Tools and publications"),
                nouns=(_("tool or publication"), _("tools and publications")),
            ),
            briefing_section(
                instrument.recommendation_links.published()
                .filter(recommendation__status=PUBLISHED, recommendation__document__status=PUBLISHED)
                .select_related("recommendation__document")
                .order_by("recommendation__document__symbol", "recommendation__position"),
                anchor="recommendations",
                heading=_("Recommendations that cite it"),
                nouns=(_("recommendation"), _("recommendations")),
                more_url=f"{reverse('recommendations:recommendation-list')}?{urlencode(filtered)}",
            ),
            briefing_section(
                instrument.activities.published().select_related("country"),
                anchor="activities",
                heading=_("Technical assistance"),
                nouns=(_("technical-assistance activity"), _("technical-assistance activities")),
                more_url=f"{reverse('programmes:activity-list')}?{urlencode(filtered)}",
            ),
        ]
        shown = [section for section in sections if section.total or section.anchor != "goals"]  # goals: only if any
        context.update(
            table_of_contents=table_of_contents(instrument.provisions.all()),
            sections={section.anchor.replace("-", "_"): section for section in sections},
            summary=shown,
            connected=any(section.total for section in sections),
            jumps=[("text", _("Official text")), *((section.anchor, section.heading) for section in shown)],
            jsonld=instrument_json_ld(instrument, self.request),
        )
        return context

    def get_breadcrumbs(self):
        return [(_("Instruments"), reverse("standards:instrument-list")), (str(self.object), "")]


class ProvisionDetailView(BreadcrumbMixin, DetailView):
    template_name = "standards/provision_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Provision.objects.published().select_related("instrument"),
            instrument__slug=self.kwargs["slug"],
            ref=self.kwargs["ref"],
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        provision = self.object
        siblings = (
            Provision.objects.published()
            .filter(instrument=provision.instrument)
            .select_related("instrument")
            .only("ref", "kind", "number", "instrument__slug")
        )
        context.update(
            previous=siblings.filter(position__lt=provision.position).order_by("-position").first(),
            next=siblings.filter(position__gt=provision.position).order_by("position").first(),
            target_links=ProvisionTarget.objects.published().filter(provision=provision).select_related("target__goal"),
            jsonld={
                "@context": "https://schema.org",
                "@type": "Legislation",
                "name": f"{provision.instrument}, {provision.label}",
                "legislationIdentifier": provision.citation,
                "text": provision.text,
                "inLanguage": "en",
                "url": self.request.build_absolute_uri(provision.get_absolute_url()),
                "isPartOf": instrument_json_ld(provision.instrument, self.request, with_context=False),
            },
        )
        return context

    def get_breadcrumbs(self):
        instrument = self.object.instrument
        return [
            (_("Instruments"), reverse("standards:instrument-list")),
            (str(instrument), instrument.get_absolute_url()),
            (self.object.label.capitalize(), ""),
        ]
