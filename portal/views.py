"""Home, SDG and theme pages."""

from django.db.models import Count
from django.views.generic import DetailView, ListView, TemplateView

from portal.models import Goal, Target, Theme
from programmes.models import Programme
from recommendations.models import Recommendation
from standards.models import Instrument, Provision


class HomeView(TemplateView):
    template_name = "portal/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["counts"] = {
            "instruments": Instrument.objects.published().count(),
            "provisions": Provision.objects.published().count(),
            "programmes": Programme.objects.published().count(),
            "recommendations": Recommendation.objects.published().count(),
            "targets": Target.objects.count(),
        }
        context["goals"] = Goal.objects.all()
        context["themes"] = Theme.objects.published()
        return context


class GoalListView(ListView):
    queryset = Goal.objects.annotate(target_count=Count("targets"))
    template_name = "portal/goal_list.html"


class GoalDetailView(DetailView):
    queryset = Goal.objects.prefetch_related("targets")
    slug_field = slug_url_kwarg = "code"
    template_name = "portal/goal_detail.html"


class TargetDetailView(DetailView):
    queryset = Target.objects.select_related("goal").prefetch_related("indicators")
    slug_field = slug_url_kwarg = "code"
    template_name = "portal/target_detail.html"


class ThemeListView(ListView):
    queryset = Theme.objects.published()
    template_name = "portal/theme_list.html"


class ThemeDetailView(DetailView):
    queryset = Theme.objects.published()
    template_name = "portal/theme_detail.html"
