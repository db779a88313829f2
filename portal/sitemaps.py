"""sitemap.xml: every public page, so search engines and harvesters find each rule and target.

Each app's `sitemaps.py` (found by `autodiscover_modules("sitemaps")` in `PortalConfig.ready()`)
calls `register_page(url_name, order=...)` for its list pages and `register(name, sitemap, order=...)`
for its entries; the sitemap lists the pages, then each section, in the order of `order`.
"""

from collections.abc import Iterator, Mapping

from django.contrib.sitemaps import Sitemap
from django.core.exceptions import ImproperlyConfigured
from django.urls import reverse

from portal.languages import public_languages
from portal.models import Goal, Target, Theme

_pages: dict[int, str] = {}
_sections: dict[int, tuple[str, type[Sitemap]]] = {}


def register_page(url_name: str, *, order: int) -> None:
    """A page without an object (a list, the home page), by its URL name."""
    if order in _pages:
        raise ImproperlyConfigured(f'Sitemap page "{url_name}" has order {order}, already taken by "{_pages[order]}".')
    _pages[order] = url_name


def register(name: str, sitemap: type[Sitemap], *, order: int) -> None:
    """A section of the sitemap, e.g. ("instruments", model_sitemap(Instrument.objects.published()))."""
    if order in _sections or name in dict(_sections.values()):
        raise ImproperlyConfigured(f'Sitemap section "{name}" (order {order}) clashes with one already registered.')
    _sections[order] = (name, sitemap)


def unregister(name: str) -> None:
    del _sections[next(order for order, (registered, _) in _sections.items() if registered == name)]


class LanguageSitemap(Sitemap):
    """Every page once per UN language, each entry naming its versions in the other languages."""

    i18n = True
    alternates = True
    x_default = True

    @property
    def languages(self):
        return public_languages()


class StaticSitemap(LanguageSitemap):
    def items(self):
        return [url_name for _, url_name in sorted(_pages.items())]

    def location(self, item):
        return reverse(item)


class ModelSitemap(LanguageSitemap):
    queryset = None

    def items(self):
        return self.queryset.order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


def model_sitemap(queryset) -> type[ModelSitemap]:
    return type(f"{queryset.model.__name__}Sitemap", (ModelSitemap,), {"queryset": queryset})


def sitemaps() -> dict[str, type[Sitemap]]:
    """The sections of /sitemap.xml: the pages, then every registered section in order."""
    return {"pages": StaticSitemap, **dict(section for _, section in sorted(_sections.items()))}


class RegisteredSitemaps(Mapping):
    """`sitemaps()` read at each request, for Django's sitemap view (so late registrations count too)."""

    def __getitem__(self, name: str) -> type[Sitemap]:
        return sitemaps()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(sitemaps())

    def __len__(self) -> int:
        return len(sitemaps())

    def values(self):
        return sitemaps().values()


register_page("portal:home", order=10)
register_page("portal:goal-list", order=20)
register_page("portal:theme-list", order=30)
register_page("portal:about", order=40)
register_page("portal:methodology", order=50)
register_page("portal:sitemap-page", order=60)
register("goals", model_sitemap(Goal.objects.all()), order=10)
register("targets", model_sitemap(Target.objects.all()), order=20)
register("themes", model_sitemap(Theme.objects.published()), order=30)
