"""Seed stages for instruments, their provisions and provision links (registered with `portal.seeding`)."""

from __future__ import annotations

from portal.models import Goal, Target
from portal.seeding import CURATED_KEYS, LINK_KEYS, Loader, Stage, register
from standards.models import Instrument, InstrumentGoal, InstrumentTarget, Provision, ProvisionKind, ProvisionTarget

INSTRUMENTS = "standards/instruments.json"
PROVISION_LINKS = "standards/provision-links.json"
# Official texts shipped verbatim, and the instrument each one belongs to.
OFFICIAL_PROVISION_FILES = {"standards/nelson-mandela-rules.json": "nelson-mandela-rules"}


def load_instruments(loader: Loader) -> None:
    for record in loader.records(loader.read(INSTRUMENTS)):
        with loader.record(f"instrument {record.get('slug')}"):
            loader.check_keys(
                record,
                {"slug", "title", "kind", "category"},
                {
                    "short_title",
                    "aliases",
                    "adopting_body",
                    "resolution_symbol",
                    "resolution_note",
                    "symbol_missing_reason",
                    "year",
                    "adopted_on",
                    "summary",
                    "official_text_note",
                    "themes",
                    "targets",
                    "goals",
                    *CURATED_KEYS,
                },
            )
            if not record.get("resolution_symbol") and not record.get("symbol_missing_reason"):
                raise loader.error("give a resolution_symbol or say why there is none in symbol_missing_reason")
            instrument = loader.upsert(
                Instrument,
                {"slug": record["slug"]},
                {
                    "title": record["title"],
                    "short_title": record.get("short_title", ""),
                    "aliases": record.get("aliases", []),
                    "kind": record["kind"],
                    "category": record["category"],
                    "adopting_body": record.get("adopting_body", ""),
                    "resolution_symbol": record.get("resolution_symbol", ""),
                    "resolution_note": record.get("resolution_note", ""),
                    "symbol_missing_reason": record.get("symbol_missing_reason", ""),
                    "year": record.get("year"),
                    "adopted_on": record.get("adopted_on"),
                    "summary": record.get("summary", ""),
                    "official_text_note": record.get("official_text_note", ""),
                    **loader.curated(record),
                },
                m2m={"themes": loader.themes(record)},
            )
            loader.links(record, "targets", InstrumentTarget, ("instrument", instrument), ("target", Target, "code"))
            loader.links(record, "goals", InstrumentGoal, ("instrument", instrument), ("goal", Goal, "code"))


def load_provisions(loader: Loader) -> None:
    for relative, slug in OFFICIAL_PROVISION_FILES.items():
        with loader.record(f"instrument {slug}"):
            data = loader.read(relative)
            if not isinstance(data, dict) or not isinstance(data.get("provisions"), list):
                raise loader.error('expected an object with a "provisions" list')
            instrument = loader.lookup(Instrument, "slug", slug, "instrument")
            source = {"symbol": data.get("symbol", ""), "locator": "annex"}
            position = 0
            for observation in data.get("preliminary_observations", []):
                position += 1
                with loader.record(f"preliminary observation {observation.get('number')}"):
                    loader.upsert(
                        Provision,
                        {"instrument": instrument, "ref": f"po-{observation['number']}"},
                        {
                            "kind": ProvisionKind.PRELIMINARY_OBSERVATION,
                            "number": observation["number"],
                            "position": position,
                            "part": "",
                            "part_title": "",
                            "category": "",
                            "section": "Preliminary observations",
                            "text": observation["text"],
                            "footnotes": observation.get("footnotes", []),
                            "sources": [source],
                            "status": instrument.status,
                        },
                    )
            for provision in data["provisions"]:
                position += 1
                with loader.record(f"rule {provision.get('number')}"):
                    loader.upsert(
                        Provision,
                        {"instrument": instrument, "ref": provision["number"]},
                        {
                            "kind": ProvisionKind.RULE,
                            "number": provision["number"],
                            "position": position,
                            "part": provision.get("part") or "",
                            "part_title": provision.get("part_title") or "",
                            "category": provision.get("category") or "",
                            "section": provision.get("section") or "",
                            "text": provision["text"],
                            "footnotes": provision.get("footnotes", []),
                            "sources": [source],
                            "status": instrument.status,
                        },
                    )


def load_provision_links(loader: Loader) -> None:
    records = loader.records(loader.read(PROVISION_LINKS))
    index = loader.index(Provision, ("instrument_id", "ref"))
    for number, record in enumerate(records, start=1):
        with loader.record(f"link {number} ({record.get('instrument')} {record.get('ref')} -> {record.get('target')})"):
            loader.check_keys(record, {"instrument", "ref", "target", *LINK_KEYS} - {"basis"}, {"basis", "status"})
            instrument = loader.lookup(Instrument, "slug", record["instrument"], "instrument")
            provision = index.get((instrument.pk, str(record["ref"])))
            if provision is None:
                loader.check_deleted(Provision, (instrument.slug, str(record["ref"])))
                raise loader.error(f'ref: no provision "{record["ref"]}" in {instrument.slug}')
            target = loader.lookup(Target, "code", record["target"], "target")
            loader.upsert(ProvisionTarget, {"provision": provision, "target": target}, loader.evidence(record, "link"))


register(
    Stage(
        name="instruments",
        order=50,
        load=load_instruments,
        files=(INSTRUMENTS,),
        natural_keys={
            Instrument: ("slug",),
            InstrumentTarget: ("instrument", "target"),
            InstrumentGoal: ("instrument", "goal"),
        },
    )
)
register(
    Stage(
        name="provisions",
        order=60,
        load=load_provisions,
        files=tuple(OFFICIAL_PROVISION_FILES),
        natural_keys={Provision: ("instrument", "ref")},
    )
)
register(
    Stage(
        name="provision-links",
        order=70,
        load=load_provision_links,
        files=(PROVISION_LINKS,),
        natural_keys={ProvisionTarget: ("provision", "target")},
    )
)
