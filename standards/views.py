"""Instrument and provision pages."""

from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from standards.models import Instrument, Provision


class InstrumentListView(ListView):
    queryset = Instrument.objects.published()
    template_name = "standards/instrument_list.html"
    paginate_by = 50


class InstrumentDetailView(DetailView):
    queryset = Instrument.objects.published().prefetch_related("provisions")
    template_name = "standards/instrument_detail.html"


class ProvisionDetailView(DetailView):
    template_name = "standards/provision_detail.html"

    def get_object(self, queryset=None):
        return get_object_or_404(
            Provision.objects.published().select_related("instrument"),
            instrument__slug=self.kwargs["slug"],
            ref=self.kwargs["ref"],
        )
