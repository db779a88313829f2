"""Instrument and provision pages in /sitemap.xml (registered with `portal.sitemaps`)."""

from portal.sitemaps import model_sitemap, register, register_page
from standards.models import Instrument, Provision

register_page("standards:instrument-list", order=100)
register("instruments", model_sitemap(Instrument.objects.published()), order=100)
register("provisions", model_sitemap(Provision.objects.published().select_related("instrument")), order=110)
