"""Seed stages for countries, programmes, resources and activities (registered with `portal.seeding`)."""

from __future__ import annotations

from portal.models import Goal, PublicationStatus, Target, Theme
from portal.seeding import CURATED_KEYS, Loader, Stage, register
from programmes.models import (
    Activity,
    Country,
    InterventionArea,
    Programme,
    ProgrammeGoal,
    ProgrammeInstrument,
    ProgrammeTarget,
    Resource,
    ResourceInstrument,
)
from standards.models import Instrument

COUNTRIES = "programmes/countries.json"
PROGRAMMES = "programmes/programmes.json"
RESOURCES = "programmes/resources.json"
ACTIVITIES = "programmes/activities.json"


def load_countries(loader: Loader) -> None:
    for record in loader.records(loader.read(COUNTRIES)):
        with loader.record(f"country {record.get('slug')}"):
            loader.check_keys(record, {"slug", "name"}, {"iso3", "status"})
            loader.upsert(
                Country,
                {"slug": record["slug"]},
                {
                    "name": record["name"],
                    "iso3": record.get("iso3", ""),
                    "status": record.get("status", PublicationStatus.PUBLISHED),
                },
            )


def load_programmes(loader: Loader) -> None:
    for record in loader.records(loader.read(PROGRAMMES)):
        with loader.record(f"programme {record.get('slug')}"):
            loader.check_keys(
                record,
                {"slug", "title", "kind"},
                {
                    "short_title",
                    "aliases",
                    "lead_entity",
                    "partners",
                    "parent",
                    "summary",
                    "facts",
                    "start_year",
                    "url",
                    "themes",
                    "areas",
                    "targets",
                    "goals",
                    "instruments",
                    *CURATED_KEYS,
                },
            )
            programme = loader.upsert(
                Programme,
                {"slug": record["slug"]},
                {
                    "title": record["title"],
                    "short_title": record.get("short_title", ""),
                    "aliases": record.get("aliases", []),
                    "kind": record["kind"],
                    "lead_entity": record.get("lead_entity", ""),
                    "partners": record.get("partners", ""),
                    "parent": loader.optional_lookup(Programme, "slug", record.get("parent"), "parent"),
                    "summary": record.get("summary", ""),
                    "facts": record.get("facts", ""),
                    "start_year": record.get("start_year"),
                    "url": record.get("url", ""),
                    **loader.curated(record),
                },
                m2m={"themes": loader.themes(record)},
            )
            for area in record.get("areas", []):
                with loader.record(f"programme {programme.slug}, area {area.get('slug')}"):
                    loader.check_keys(area, {"slug", "title"}, {"description", "position", *CURATED_KEYS})
                    loader.upsert(
                        InterventionArea,
                        {"programme": programme, "slug": area["slug"]},
                        {
                            "title": area["title"],
                            "description": area.get("description", ""),
                            "position": area.get("position", 0),
                            **loader.curated(area),
                        },
                    )
            loader.label = f"programme {programme.slug}"
            owner = ("programme", programme)
            loader.links(record, "targets", ProgrammeTarget, owner, ("target", Target, "code"))
            loader.links(record, "goals", ProgrammeGoal, owner, ("goal", Goal, "code"))
            loader.links(record, "instruments", ProgrammeInstrument, owner, ("instrument", Instrument, "slug"))


def load_resources(loader: Loader) -> None:
    for record in loader.records(loader.read(RESOURCES)):
        with loader.record(f"resource {record.get('slug')}"):
            loader.check_keys(
                record,
                {"slug", "title", "kind"},
                {
                    "programme",
                    "publisher",
                    "year",
                    "languages",
                    "language_count",
                    "users",
                    "country_count",
                    "summary",
                    "facts",
                    "url",
                    "themes",
                    "instruments",
                    *CURATED_KEYS,
                },
            )
            resource = loader.upsert(
                Resource,
                {"slug": record["slug"]},
                {
                    "title": record["title"],
                    "kind": record["kind"],
                    "programme": loader.optional_lookup(Programme, "slug", record.get("programme"), "programme"),
                    "publisher": record.get("publisher", ""),
                    "year": record.get("year"),
                    "languages": record.get("languages", []),
                    "language_count": record.get("language_count"),
                    "users": record.get("users"),
                    "country_count": record.get("country_count"),
                    "summary": record.get("summary", ""),
                    "facts": record.get("facts", ""),
                    "url": record.get("url", ""),
                    **loader.curated(record),
                },
                m2m={"themes": loader.themes(record)},
            )
            owner = ("resource", resource)
            loader.links(record, "instruments", ResourceInstrument, owner, ("instrument", Instrument, "slug"))


def load_activities(loader: Loader) -> None:
    for record in loader.records(loader.read(ACTIVITIES)):
        with loader.record(f"activity {record.get('slug')}"):
            loader.check_keys(
                record,
                {"slug", "year", "description", "source", "locator"},
                {"country", "region", "programme", "theme", "instruments", *CURATED_KEYS},
            )
            instruments = loader.existing(Instrument, "slug", record.get("instruments", []), "instruments")
            loader.upsert(
                Activity,
                {"slug": record["slug"]},
                {
                    "country": loader.optional_lookup(Country, "slug", record.get("country"), "country"),
                    "region": record.get("region", ""),
                    "year": record["year"],
                    "programme": loader.optional_lookup(Programme, "slug", record.get("programme"), "programme"),
                    "theme": loader.optional_lookup(Theme, "slug", record.get("theme"), "theme"),
                    "description": record["description"],
                    "source_symbol": loader.document_symbol(record["source"], "source"),
                    "source_locator": record["locator"],
                    **loader.curated(record),
                },
                m2m={"instruments": instruments},
            )


register(Stage(name="countries", order=80, load=load_countries, files=(COUNTRIES,), natural_keys={Country: ("slug",)}))
register(
    Stage(
        name="programmes",
        order=90,
        load=load_programmes,
        files=(PROGRAMMES,),
        natural_keys={
            Programme: ("slug",),
            InterventionArea: ("programme", "slug"),
            ProgrammeTarget: ("programme", "target"),
            ProgrammeGoal: ("programme", "goal"),
            ProgrammeInstrument: ("programme", "instrument"),
        },
    )
)
register(
    Stage(
        name="resources",
        order=100,
        load=load_resources,
        files=(RESOURCES,),
        natural_keys={Resource: ("slug",), ResourceInstrument: ("resource", "instrument")},
    )
)
register(
    Stage(name="activities", order=110, load=load_activities, files=(ACTIVITIES,), natural_keys={Activity: ("slug",)})
)
