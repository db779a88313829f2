"""Search: programmes, and tools and publications (registered with `portal.search`)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.search import Source, register
from programmes.models import Programme, ProgrammeTarget, Resource


def describe_programme(row):
    title = row["short_title"] or row["title"]
    context = row["title"] if row["short_title"] else ""
    return row["slug"], title, context, reverse("programmes:programme-detail", kwargs={"slug": row["slug"]})


def describe_resource(row):
    url = reverse("programmes:resource-detail", kwargs={"slug": row["slug"]})
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
