"""sitemap.xml: every public page, so search engines and harvesters find each rule and target."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from portal.models import Goal, Target, Theme
from programmes.models import Country, Programme, Resource
from recommendations.models import Document, Meeting, Recommendation
from standards.models import Instrument, Provision


class StaticSitemap(Sitemap):
    def items(self):
        return [
            "portal:home",
            "portal:goal-list",
            "portal:theme-list",
            "standards:instrument-list",
            "programmes:programme-list",
            "programmes:activity-list",
            "programmes:country-list",
            "recommendations:recommendation-list",
        ]

    def location(self, item):
        return reverse(item)


class ModelSitemap(Sitemap):
    queryset = None

    def items(self):
        return self.queryset.order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def model_sitemap(queryset) -> type[ModelSitemap]:
    return type(f"{queryset.model.__name__}Sitemap", (ModelSitemap,), {"queryset": queryset})


sitemaps = {
    "pages": StaticSitemap,
    "goals": model_sitemap(Goal.objects.all()),
    "targets": model_sitemap(Target.objects.all()),
    "themes": model_sitemap(Theme.objects.published()),
    "instruments": model_sitemap(Instrument.objects.published()),
    "provisions": model_sitemap(Provision.objects.published().select_related("instrument")),
    "programmes": model_sitemap(Programme.objects.published()),
    "resources": model_sitemap(Resource.objects.published()),
    "countries": model_sitemap(Country.objects.public()),
    "meetings": model_sitemap(Meeting.objects.published()),
    "documents": model_sitemap(Document.objects.published()),
    "recommendations": model_sitemap(Recommendation.objects.published()),
}
