"""Seed stages for meetings, documents and recommendations (registered with `portal.seeding`)."""

from __future__ import annotations

from portal.loaders import THEMES
from portal.models import Goal, Target, Theme
from portal.seeding import CURATED_KEYS, Loader, SeedError, Stage, register, register_citations
from programmes.models import Programme
from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationGoal,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
    SourceList,
)
from standards.models import Instrument

MEETINGS = "recommendations/meetings.json"
DOCUMENTS = "recommendations/documents.json"
RECOMMENDATIONS = "recommendations/recommendations"  # one file per document
SOURCE_LISTS = "recommendations/source_lists.json"


def lookup_agenda_item(loader: Loader, meeting: Meeting, ref: str) -> AgendaItem:
    item = loader.index(AgendaItem, ("meeting_id", "ref")).get((meeting.pk, ref))
    if item is None:
        loader.check_deleted(AgendaItem, (meeting.slug, str(ref)))
        raise loader.error(f'agenda_item: no agenda item "{ref}" in meeting "{meeting.slug}"')
    return item


def load_meetings(loader: Loader) -> None:
    for record in loader.records(loader.read(MEETINGS)):
        with loader.record(f"meeting {record.get('slug')}"):
            loader.check_keys(
                record,
                {"slug", "title", "kind"},
                {
                    "short_title",
                    "city",
                    "country",
                    "planned_start",
                    "planned_end",
                    "start_date",
                    "end_date",
                    "summary",
                    "agenda_items",
                    *CURATED_KEYS,
                },
            )
            meeting = loader.upsert(
                Meeting,
                {"slug": record["slug"]},
                {
                    "title": record["title"],
                    "short_title": record.get("short_title", ""),
                    "kind": record["kind"],
                    "city": record.get("city", ""),
                    "country": record.get("country", ""),
                    "planned_start": record.get("planned_start"),
                    "planned_end": record.get("planned_end"),
                    "start_date": record.get("start_date"),
                    "end_date": record.get("end_date"),
                    "summary": record.get("summary", ""),
                    **loader.curated_without_sources(record),
                },
            )
            for item in record.get("agenda_items", []):
                with loader.record(f"meeting {meeting.slug}, agenda item {item.get('ref')}"):
                    loader.check_keys(item, {"ref", "number", "title"}, {"kind", "position", "themes", *CURATED_KEYS})
                    loader.upsert(
                        AgendaItem,
                        {"meeting": meeting, "ref": item["ref"]},
                        {
                            "kind": item.get("kind", "agenda_item"),
                            "number": item["number"],
                            "title": item["title"],
                            "position": item.get("position", 0),
                            **loader.curated_without_sources(item),
                        },
                        m2m={"themes": loader.themes(item)},
                    )


def load_documents(loader: Loader) -> None:
    for record in loader.records(loader.read(DOCUMENTS)):
        with loader.record(f"document {record.get('symbol')}"):
            loader.check_keys(
                record,
                {"symbol", "title", "kind"},
                {
                    "is_un_symbol",
                    "meeting",
                    "agenda_item",
                    "issued_on",
                    "distribution",
                    "summary",
                    "url",
                    "themes",
                    *CURATED_KEYS,
                },
            )
            meeting = loader.optional_lookup(Meeting, "slug", record.get("meeting"), "meeting")
            agenda_item = None
            if record.get("agenda_item"):
                if meeting is None:
                    raise loader.error("agenda_item needs a meeting")
                agenda_item = lookup_agenda_item(loader, meeting, record["agenda_item"])
            loader.upsert(
                Document,
                {"symbol": record["symbol"]},
                {
                    "is_un_symbol": record.get("is_un_symbol", True),
                    "title": record["title"],
                    "kind": record["kind"],
                    "meeting": meeting,
                    "agenda_item": agenda_item,
                    "issued_on": record.get("issued_on"),
                    "distribution": record.get("distribution", ""),
                    "summary": record.get("summary", ""),
                    "url": record.get("url", ""),
                    **loader.curated_without_sources(record),
                },
                m2m={"themes": loader.themes(record)},
            )
    # Now every citable document exists: check the sources of what came before.
    loader.check_sources(Theme, THEMES, "slug")
    loader.check_sources(Meeting, MEETINGS, "slug")
    loader.check_sources(Document, DOCUMENTS, "symbol")


def load_recommendations(loader: Loader) -> None:
    folder = loader.fixtures_dir / RECOMMENDATIONS
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise SeedError(folder, "no recommendation files (*.json) found")
    for path in paths:
        with loader.record(str(path.name)):
            data = loader.read(str(path.relative_to(loader.fixtures_dir)))
            if not isinstance(data, dict) or set(data) != {"document", "recommendations"}:
                raise loader.error('expected an object with exactly "document" and "recommendations"')
            document = loader.lookup(Document, "symbol", data["document"], "document")
            for record in loader.records(data["recommendations"]):
                with loader.record(f"paragraph {record.get('paragraph')}"):
                    load_recommendation(loader, document, record)


def load_recommendation(loader: Loader, document: Document, record: dict) -> None:
    loader.check_keys(
        record,
        {"paragraph", "kind", "text"},
        {
            "position",
            "agenda_item",
            "addressee",
            "is_quotation",
            "summary",
            "themes",
            "targets",
            "goals",
            "instruments",
            "programmes",
            *CURATED_KEYS,
        },
    )
    agenda_item = None
    if record.get("agenda_item"):
        meeting = document.meeting
        if meeting is None:
            raise loader.error(f"agenda_item given but document {document.symbol} has no meeting")
        agenda_item = lookup_agenda_item(loader, meeting, record["agenda_item"])
    recommendation = loader.upsert(
        Recommendation,
        {"slug": Recommendation.build_slug(document.symbol, record["paragraph"])},
        {
            "document": document,
            "paragraph": record["paragraph"],
            "position": record.get("position", 0),
            "kind": record["kind"],
            "agenda_item": agenda_item,
            "addressee": record.get("addressee", ""),
            "text": record["text"],
            "is_quotation": record.get("is_quotation", True),
            "summary": record.get("summary", ""),
            **loader.curated(record),
        },
        m2m={"themes": loader.themes(record)},
    )
    owner = ("recommendation", recommendation)
    loader.links(record, "targets", RecommendationTarget, owner, ("target", Target, "code"))
    loader.links(record, "goals", RecommendationGoal, owner, ("goal", Goal, "code"))
    loader.links(record, "instruments", RecommendationInstrument, owner, ("instrument", Instrument, "slug"))
    loader.links(record, "programmes", RecommendationProgramme, owner, ("programme", Programme, "slug"))


def load_source_lists(loader: Loader) -> None:
    for record in loader.records(loader.read(SOURCE_LISTS)):
        with loader.record(f"source list {record.get('slug')}"):
            loader.check_keys(
                record, {"slug", "document", "locator", "title", "items"}, {"note", "position", *CURATED_KEYS}
            )
            document = loader.lookup(Document, "symbol", record["document"], "document")
            loader.upsert(
                SourceList,
                {"slug": record["slug"]},
                {
                    "document": document,
                    "locator": record["locator"],
                    "title": record["title"],
                    "note": record.get("note", ""),
                    "position": record.get("position", 0),
                    "items": record["items"],
                    **loader.curated(record),
                },
            )


# Sources and link evidence everywhere cite documents by symbol.
register_citations(Document, "symbol")
register(
    Stage(
        name="meetings",
        order=30,
        load=load_meetings,
        files=(MEETINGS,),
        natural_keys={Meeting: ("slug",), AgendaItem: ("meeting", "ref")},
    )
)
register(
    Stage(name="documents", order=40, load=load_documents, files=(DOCUMENTS,), natural_keys={Document: ("symbol",)})
)
register(
    Stage(
        name="recommendations",
        order=120,
        load=load_recommendations,
        files=(f"{RECOMMENDATIONS}/*.json",),
        natural_keys={
            Recommendation: ("slug",),
            RecommendationTarget: ("recommendation", "target"),
            RecommendationGoal: ("recommendation", "goal"),
            RecommendationInstrument: ("recommendation", "instrument"),
            RecommendationProgramme: ("recommendation", "programme"),
        },
    )
)
register(
    Stage(
        name="source-lists",
        order=125,
        load=load_source_lists,
        files=(SOURCE_LISTS,),
        natural_keys={SourceList: ("slug",)},
    )
)
