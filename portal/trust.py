"""The pages that say what the portal is and how it works: About, Methodology and the HTML sitemap."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.generic import TemplateView

from portal.content import link_models
from portal.models import Goal, LinkBasis, Theme
from portal.views import BreadcrumbMixin


class AboutView(BreadcrumbMixin, TemplateView):
    template_name = "portal/about.html"

    def get_breadcrumbs(self):
        return [(pgettext_lazy("the page about the portal", "About"), "")]


def published_links_by_basis() -> list[tuple[str, int, int]]:
    """Each kind of published link (both ends public) with how many are stated in the source and how
    many are a curator's judgement: one grouped query per kind."""
    rows = []
    for model in link_models():
        counts = dict(model.objects.published().order_by().values_list("basis").annotate(n=Count("pk")))
        rows.append((model._meta.verbose_name, counts.get(LinkBasis.STATED, 0), counts.get(LinkBasis.JUDGEMENT, 0)))
    return rows


class MethodologyView(BreadcrumbMixin, TemplateView):
    template_name = "portal/methodology.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["links_by_basis"] = published_links_by_basis()
        return context

    def get_breadcrumbs(self):
        return [(_("Methodology"), "")]


class SitemapPageView(BreadcrumbMixin, TemplateView):
    template_name = "portal/sitemap_page.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(goals=Goal.objects.all(), themes=Theme.objects.published(), xml_url=reverse("sitemap"))
        return context

    def get_breadcrumbs(self):
        return [(_("Sitemap"), "")]
