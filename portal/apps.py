from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal.content import entity_models, link_models
        from portal.roles import on_post_migrate
        from portal.tallies import refresh_after_commit, refresh_after_migrate
        from portal.versioning import after_each_change, connect_signals

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="portal_ensure_roles")
        post_migrate.connect(refresh_after_migrate, sender=self, dispatch_uid="portal_count_tallies")
        # Each app registers its own pieces, as its admin.py does: search.py its kinds of result
        # (portal.search), loaders.py its fixture loaders (portal.seeding), importers.py its kinds of
        # bulk import (portal.imports), coverage.py the gaps the report and dashboard show
        # (portal.coverage), api_views.py its endpoints (portal.api.routes), pages.py how its content
        # shows on the home, goal, target and theme pages (portal.pages), sitemaps.py its pages in
        # /sitemap.xml (portal.sitemaps).
        autodiscover_modules("search", "loaders", "importers", "coverage", "api_views", "pages", "sitemaps")
        # After the apps' models are loaded: every content model bumps the content version.
        connect_signals([*entity_models(), *link_models()])
        # ...and the tallies of the goal, target and home pages are counted again once it commits.
        after_each_change(refresh_after_commit)


class PortalAdminConfig(admin_apps.AdminConfig):
    """Django's admin, on the portal's site (labelled autocomplete results)."""

    default = False  # named in INSTALLED_APPS; PortalConfig stays this module's default
    default_site = "portal.admin_site.PortalAdminSite"
