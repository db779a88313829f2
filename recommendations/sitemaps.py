"""Meeting, document and recommendation pages in /sitemap.xml (registered with `portal.sitemaps`)."""

from portal.sitemaps import model_sitemap, register, register_page
from recommendations.models import Document, Meeting, Recommendation

register_page("recommendations:recommendation-list", order=300)
register_page("recommendations:document-list", order=310)
register_page("recommendations:meeting-list", order=320)
register("meetings", model_sitemap(Meeting.objects.published()), order=300)
register("documents", model_sitemap(Document.objects.published()), order=310)
register("recommendations", model_sitemap(Recommendation.objects.published()), order=320)
