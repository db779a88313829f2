from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.roles import on_post_migrate

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="portal_ensure_roles")
        # Each app's search.py registers its kinds of result (portal.search.sources), as admin.py does.
        autodiscover_modules("search")
        # Each app's api_views.py registers its endpoints (portal.api.routes), mounted by portal.api.urls.
        autodiscover_modules("api_views")
        # Each app's pages.py says how its content shows on the home, goal, target and theme pages
        # (portal.pages); its sitemaps.py adds its pages to /sitemap.xml (portal.sitemaps).
        autodiscover_modules("pages")
        autodiscover_modules("sitemaps")
