"""Search: recommendations and the documents they come from (registered with `portal.search`)."""

from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from portal.search import Source, register, register_facet_values
from recommendations.models import (
    AgendaItem,
    AgendaItemKind,
    Document,
    Meeting,
    Recommendation,
    RecommendationKind,
    RecommendationTarget,
)


def describe_recommendation(row):
    # A document without a UN symbol is known by its title, never by the portal's own identifier.
    document = row["document__symbol"] if row["document__is_un_symbol"] else row["document__title"]
    title = f"{document}, para. {row['paragraph']}"
    context = RecommendationKind(row["kind"]).label
    url = reverse_lazy("recommendations:recommendation-detail", kwargs={"slug": row["slug"]})
    return row["slug"], title, context, url


def describe_document(row):
    title = row["symbol"] if row["is_un_symbol"] else row["title"]
    context = row["title"] if row["is_un_symbol"] else ""
    return (
        row["symbol"],
        title,
        context,
        reverse_lazy("recommendations:document-detail", kwargs={"symbol": row["symbol"]}),
    )


def document_choices() -> dict[str, str]:
    """The `document` facet: every published document, by symbol."""
    return {
        symbol: symbol if is_un else title
        for symbol, is_un, title in Document.objects.published().values_list("symbol", "is_un_symbol", "title")
    }


register(
    Source(
        type="recommendation",
        order=50,
        label=_("Recommendations"),
        name=_("Recommendation"),
        model=Recommendation,
        values=("slug", "paragraph", "kind", "document__symbol", "document__is_un_symbol", "document__title"),
        weighted={"B": ("summary",), "C": ("text",), "D": ("addressee", "document__symbol")},
        snippet=("text", "summary"),
        describe=describe_recommendation,
        vocabulary=("summary", "text"),
        # A recommendation proper outweighs a question for discussion or a summary of views.
        kind_weights={RecommendationKind.RECOMMENDATION: 1.3, RecommendationKind.SUMMARY_OF_VIEWS: 0.9},
        document_field="document__symbol",
        theme_owner="recommendation_id",
        goal_links=(RecommendationTarget, "recommendation_id"),
    )
)
register(
    Source(
        type="document",
        order=60,
        label=_("Documents"),
        name=_("Document"),
        model=Document,
        values=("symbol", "title", "is_un_symbol"),
        weighted={"A": ("title", "symbol"), "B": ("summary",)},
        snippet=("title", "summary"),
        describe=describe_document,
        vocabulary=("title", "summary"),
        code_field="symbol",
        document_field="symbol",
        theme_owner="document_id",
    )
)
register_facet_values("document", document_choices)


def describe_meeting(row):
    title = row["short_title"] or row["title"]
    year = str(row["start_date"] or "")[:4]  # the row is read as JSON: the date is "2021-03-07"
    context = ", ".join(part for part in (row["city"], year) if part)
    return row["slug"], title, context, reverse_lazy("recommendations:meeting-detail", kwargs={"slug": row["slug"]})


register(
    Source(
        type="meeting",
        order=55,
        label=_("Meetings"),
        name=_("Meeting"),
        model=Meeting,
        values=("slug", "title", "short_title", "city", "start_date"),
        weighted={"A": ("title", "short_title"), "B": ("summary", "city", "country")},
        snippet=("title", "summary"),
        describe=describe_meeting,
        vocabulary=("title", "summary", "city"),
        type_weight=1.2,
    )
)


def describe_agenda_item(row):
    """An agenda item has no page of its own: it links to its recommendations and questions."""
    label = f"{AgendaItemKind(row['kind']).label} {row['number']}"
    url = format_lazy(
        "{}?meeting={}&agenda_item={}",
        reverse_lazy("recommendations:recommendation-list"),
        row["meeting__slug"],
        row["ref"],
    )
    meeting = row["meeting__short_title"] or row["meeting__title"]
    return f"{row['meeting__slug']}/{row['ref']}", f"{label}: {row['title']}", meeting, url


register(
    Source(
        type="agenda_item",
        order=53,
        label=_("Agenda items and workshops"),
        name=_("Agenda item"),
        model=AgendaItem,
        values=("ref", "kind", "number", "title", "meeting__slug", "meeting__title", "meeting__short_title"),
        weighted={"A": ("title",), "B": ("kind", "number"), "D": ("meeting__title", "meeting__short_title")},
        snippet=("title",),
        describe=describe_agenda_item,
        vocabulary=("title",),
        theme_owner="agendaitem_id",
        # A heading of a meeting's programme: its title is all its text, so ts_rank (normalised by
        # length) rates it as high as a whole document's title. It points to its recommendations and
        # ranks after them: no title bonus, a fifth of the weight.
        title_weights="",
        type_weight=0.2,
    )
)
