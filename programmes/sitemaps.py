"""Programme, resource, activity and country pages in /sitemap.xml (registered with `portal.sitemaps`)."""

from portal.sitemaps import model_sitemap, register, register_page
from programmes.models import Country, Programme, Resource

register_page("programmes:programme-list", order=200)
register_page("programmes:resource-list", order=205)
register_page("programmes:activity-list", order=210)
register_page("programmes:country-list", order=220)
register("programmes", model_sitemap(Programme.objects.published()), order=200)
register("resources", model_sitemap(Resource.objects.published()), order=210)
register("countries", model_sitemap(Country.objects.public()), order=220)
