"""Search: programmes, and tools and publications (registered with `portal.search`)."""

from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.search import Source, register
from programmes.models import Activity, Country, Programme, ProgrammeTarget, Resource


def describe_programme(row):
    title = row["short_title"] or row["title"]
    context = row["title"] if row["short_title"] else ""
    return row["slug"], title, context, reverse_lazy("programmes:programme-detail", kwargs={"slug": row["slug"]})


def describe_resource(row):
    url = reverse_lazy("programmes:resource-detail", kwargs={"slug": row["slug"]})
    return row["slug"], row["title"], row["publisher"], url


register(
    Source(
        type="programme",
        order=30,
        label=_("Programmes"),
        name=_("Programme"),
        model=Programme,
        values=("slug", "title", "short_title"),
        weighted={"A": ("title", "short_title"), "B": ("summary",), "C": ("facts", "lead_entity", "partners")},
        snippet=("title", "summary", "facts"),
        describe=describe_programme,
        vocabulary=("title", "short_title", "summary", "facts"),
        type_weight=1.1,
        theme_owner="programme_id",
        goal_links=(ProgrammeTarget, "programme_id"),
    )
)
register(
    Source(
        type="resource",
        order=40,
        label=_("Tools and publications"),
        name=_("Tool or publication"),
        model=Resource,
        values=("slug", "title", "publisher"),
        weighted={"A": ("title",), "B": ("summary",), "C": ("facts", "publisher")},
        snippet=("title", "summary", "facts"),
        describe=describe_resource,
        vocabulary=("title", "summary", "facts"),
        theme_owner="resource_id",
    )
)


def describe_country(row):
    return (
        row["slug"],
        row["name"],
        _("Country"),
        reverse_lazy("programmes:country-detail", kwargs={"slug": row["slug"]}),
    )


def describe_activity(row):
    where = row["country__name"] or row["region"] or _("Global")
    title = f"{where}, {row['year']}"
    context = f"{row['source_symbol']}, {row['source_locator']}"
    if row["country__slug"]:
        url = reverse_lazy("programmes:country-detail", kwargs={"slug": row["country__slug"]})
    else:
        url = format_lazy("{}?year={}", reverse_lazy("programmes:activity-list"), row["year"])
    return row["slug"], title, context, format_lazy("{}#activity-{}", url, row["slug"])


register(
    Source(
        type="country",
        order=42,
        label=_("Countries"),
        name=_("Country"),
        model=Country,
        values=("slug", "name"),
        weighted={"A": ("name", "iso3")},
        snippet=("name",),
        describe=describe_country,
        vocabulary=("name",),
        public_method="public",  # published, with a published activity: the countries the site lists
        type_weight=2.0,  # "Kazakhstan" is first the country's page, then its activities
    )
)
register(
    Source(
        type="activity",
        order=44,
        label=_("Technical assistance"),
        name=_("Technical assistance activity"),
        model=Activity,
        values=("slug", "year", "region", "country__slug", "country__name", "source_symbol", "source_locator"),
        weighted={
            "A": ("country__name", "region"),
            "B": ("description",),
            "C": ("programme__title", "programme__short_title"),
            "D": ("source_symbol",),
        },
        snippet=("description",),
        describe=describe_activity,
        vocabulary=("description",),
        type_weight=0.6,  # a report of work done ranks below the standards and the guidance on the same words
    )
)
