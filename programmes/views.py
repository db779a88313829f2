"""Programme, resource and country pages."""

from django.views.generic import DetailView, ListView

from programmes.models import Country, Programme, Resource


class ProgrammeListView(ListView):
    queryset = Programme.objects.published()
    template_name = "programmes/programme_list.html"
    paginate_by = 50


class ProgrammeDetailView(DetailView):
    queryset = Programme.objects.published()
    template_name = "programmes/programme_detail.html"


class ResourceDetailView(DetailView):
    queryset = Resource.objects.published()
    template_name = "programmes/resource_detail.html"


class CountryListView(ListView):
    queryset = Country.objects.all()
    template_name = "programmes/country_list.html"


class CountryDetailView(DetailView):
    queryset = Country.objects.all()
    template_name = "programmes/country_detail.html"
