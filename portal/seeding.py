"""Load the curated content in `fixtures/` into the database.

The format of each file is documented in `fixtures/README.md`. Loading is an upsert by
natural key: a record that already matches the database is left untouched (its
`updated_at` does not move), so running the loader twice changes nothing. A record a
curator changed or deleted since it was loaded is never overwritten or re-created (the
rules are in `portal.seed_fingerprints`). Any problem raises `SeedError` naming the file,
the record and what is wrong; the caller runs the whole load in one transaction so a
failure leaves the database as it was.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction

from portal.models import UN_LANGUAGES, Goal, Indicator, PublicationStatus, Target, Theme
from portal.seed_fingerprints import CurationReport, DeletedByCurator, FingerprintBook, describe, plan_update
from programmes.models import (
    Activity,
    Country,
    InterventionArea,
    Programme,
    ProgrammeInstrument,
    ProgrammeTarget,
    Resource,
    ResourceInstrument,
)
from recommendations.models import (
    AgendaItem,
    Document,
    Meeting,
    Recommendation,
    RecommendationInstrument,
    RecommendationProgramme,
    RecommendationTarget,
)
from standards.models import Instrument, InstrumentTarget, Provision, ProvisionKind, ProvisionTarget

# Official texts shipped verbatim, and the instrument each one belongs to.
OFFICIAL_PROVISION_FILES = {"standards/nelson-mandela-rules.json": "nelson-mandela-rules"}

LINK_KEYS = {"source", "locator", "rationale", "basis"}
CURATED_KEYS = {"sources", "general_knowledge", "status"}

# PostgreSQL refuses NUL in text; the other C0 controls (tab, newline, return aside) are never content.
CONTROL_CHARACTER = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character(value: Any) -> str | None:
    """The first control character in a string, or in any string inside a JSON value."""
    if isinstance(value, str):
        found = CONTROL_CHARACTER.search(value)
        return f"U+{ord(found.group()):04X} at position {found.start()}" if found else None
    if isinstance(value, dict):
        value = [*value.keys(), *value.values()]
    if isinstance(value, list | tuple):
        return next((found for item in value if (found := control_character(item))), None)
    return None


class SeedError(Exception):
    def __init__(self, path: Path | str, message: str, record: str | None = None):
        self.path, self.message, self.record = str(path), message, record
        where = f"{self.path}, {record}" if record else self.path
        super().__init__(f"{where}: {message}")


@dataclass
class SeedReport:
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    curation: CurationReport = field(default_factory=CurationReport)

    def add(self, model: type[models.Model], state: str) -> None:
        self.counts[model._meta.label][state] += 1

    @property
    def changed(self) -> int:
        return sum(c["created"] + c["updated"] for c in self.counts.values())

    def lines(self) -> list[str]:
        return [
            f"{label}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            + (f", {c['conflict']} left alone (changed by curators)" if c["conflict"] else "")
            + (f", {c['deleted']} not re-created (deleted by curators)" if c["deleted"] else "")
            for label, c in sorted(self.counts.items())
        ]


class Loader:
    def __init__(self, fixtures_dir: Path, *, force: bool = False):
        self.fixtures_dir = Path(fixtures_dir)
        self.force = force  # reset curated records to the fixtures
        self.report = SeedReport()
        self.book = FingerprintBook()
        self._seen: dict[tuple[str, tuple], str] = {}  # natural key -> where the fixtures define it
        self._indexes: dict[tuple, dict] = {}
        self._m2m: dict[tuple, dict] = {}
        self._path: Path | str = ""
        self._record: str | None = None
        self._occurrences: Counter = Counter()

    # --- stages, in dependency order ------------------------------------------------

    def stages(self) -> list[tuple[str, Callable[[], None]]]:
        return [
            ("sdg", self.load_sdg),
            ("themes", self.load_themes),
            ("meetings", self.load_meetings),
            ("documents", self.load_documents),
            ("instruments", self.load_instruments),
            ("provisions", self.load_provisions),
            ("provision-links", self.load_provision_links),
            ("countries", self.load_countries),
            ("programmes", self.load_programmes),
            ("resources", self.load_resources),
            ("activities", self.load_activities),
            ("recommendations", self.load_recommendations),
        ]

    def run(self, only: Iterable[str] | None = None) -> SeedReport:
        wanted = set(only or [])
        names = {name for name, _ in self.stages()}
        if unknown := wanted - names:
            raise SeedError(
                "seed", f"unknown stage(s) {', '.join(sorted(unknown))}; choose from {', '.join(sorted(names))}"
            )
        for name, stage in self.stages():
            if not wanted or name in wanted:
                stage()
        self.book.flush()
        return self.report

    # --- files and records ----------------------------------------------------------

    def read(self, relative: str) -> Any:
        path = self.fixtures_dir / relative
        self._path, self._record, self._occurrences = path, None, Counter()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise SeedError(path, "file is missing") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise SeedError(path, f"cannot be read ({exc})") from None
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SeedError(path, f"is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None

    def records(self, data: Any, expected: str = "list") -> list[dict]:
        if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
            raise self.error(f"expected a {expected} of objects")
        return data

    def error(self, message: str) -> SeedError:
        return SeedError(self._path, message, self._record)

    @contextmanager
    def record(self, label: str) -> Iterator[None]:
        """Load one record; skip it (and say so) when it refers to a record a curator deleted."""
        if label != self._record:  # links re-enter their owner's record
            self._occurrences[label] += 1
            if (number := self._occurrences[label]) > 1:  # two records of a file under one name
                label = f"{label} (occurrence {number} in this file)"
        outer, self._record = self._record, label
        try:
            yield
        except DeletedByCurator as exc:
            if not exc.reported:
                self.report.curation.skipped.append(f"{self._path}, {label}: refers to {exc}, deleted by a curator")
        finally:
            self._record = outer

    def check_keys(self, record: dict, required: set[str], optional: set[str] = frozenset()) -> None:
        if missing := required - record.keys():
            raise self.error(f"missing key(s): {', '.join(sorted(missing))}")
        if unknown := record.keys() - required - optional:
            raise self.error(f"unknown key(s): {', '.join(sorted(unknown))}")

    def curated(self, record: dict) -> dict:
        sources = record.get("sources", [])
        if not isinstance(sources, list) or not all(
            isinstance(s, dict) and s.keys() == {"symbol", "locator"} and s["symbol"] and s["locator"] for s in sources
        ):
            raise self.error('"sources" must be a list of {"symbol", "locator"} objects, both non-empty')
        for source in sources:
            self.document_symbol(source["symbol"], key="sources")
        return {
            "sources": sources,
            "general_knowledge": record.get("general_knowledge", ""),
            "status": record.get("status", PublicationStatus.PUBLISHED),
        }

    # --- upserts ---------------------------------------------------------------------

    def _attrs(self, model: type[models.Model], values: dict) -> dict:
        attrs = {}
        for name, value in values.items():
            if found := control_character(value):
                raise self.error(f"{model._meta.verbose_name} {name}: contains the control character {found}")
            model_field = model._meta.get_field(name)
            if model_field.many_to_one or model_field.one_to_one:
                attrs[model_field.attname] = value.pk if value is not None else None
            elif value is None:
                attrs[name] = None
            else:
                try:
                    attrs[name] = model_field.to_python(value)
                except ValidationError as exc:
                    raise self.error(f"{name}: {'; '.join(exc.messages)}") from None
        return attrs

    def _index(self, model: type[models.Model], key_attrs: tuple[str, ...]) -> dict:
        cache_key = (model, key_attrs)
        if cache_key not in self._indexes:
            self._indexes[cache_key] = {
                tuple(getattr(obj, attr) for attr in key_attrs): obj for obj in model._default_manager.all()
            }
        return self._indexes[cache_key]

    def upsert(self, model: type[models.Model], key: dict, values: dict, m2m: dict | None = None) -> models.Model:
        """Insert a missing record; update one nobody changed since it was loaded (see seed_fingerprints)."""
        key_attrs, value_attrs = self._attrs(model, key), self._attrs(model, values)
        label, natural = model._meta.label, self.natural_key(key)
        self.check_unique(model, natural)
        index = self._index(model, tuple(key_attrs))
        ident = tuple(key_attrs.values())
        wanted = {name: [item.pk for item in related] for name, related in (m2m or {}).items()}
        obj = index.get(ident)
        if obj is None:
            if self.book.stored(label, natural) is not None:
                if not self.force:
                    self.report.add(model, "deleted")
                    self.report.curation.deleted.append(describe(label, natural))
                    raise DeletedByCurator(label, natural, reported=True)
                self.report.curation.overwritten.append(f"{describe(label, natural)}: re-created")
            obj, state = model(**key_attrs, **value_attrs), "created"
            self.save(obj)
            index[ident] = obj
            for name, pks in wanted.items():
                getattr(obj, name).set(pks)
            self.book.note(obj, natural)
            self.book.remember(label, natural, self.current(obj, values, wanted))
        else:
            self.book.note(obj, natural)
            state = self.update(obj, natural, values, value_attrs, wanted)
        self.report.add(model, state)
        return obj

    def update(self, obj: models.Model, natural: tuple, values: dict, value_attrs: dict, wanted: dict) -> str:
        model, label = type(obj), obj._meta.label
        current_m2m = {name: self.related_pks(obj, name) for name in wanted}
        current = self.current(obj, values, current_m2m)
        fixture = self.book.digests(model, value_attrs.get, values, wanted)
        stored = self.book.stored(label, natural)
        plan = plan_update(
            model_label=label, key=natural, current=current, fixture=fixture, stored=stored, force=self.force
        )
        if plan.conflict:
            self.report.curation.conflicts.append(plan.conflict)
            return "conflict"
        if plan.status_kept:
            self.report.curation.status_kept.append(describe(label, natural))
        scalars = [name for name in plan.write if name not in wanted]
        for name in scalars:
            attname = model._meta.get_field(name).attname
            setattr(obj, attname, value_attrs[attname])
        if scalars:
            self.save(obj)
        for name in plan.write:
            if name in wanted:
                getattr(obj, name).set(wanted[name])
        if plan.write and not scalars:
            obj._change_reason = self.change_reason
            obj.save(update_fields=["updated_at"])
        if plan.write and self.force:
            self.report.curation.overwritten.append(f"{describe(label, natural)}: {', '.join(plan.write)}")
        if stored is None or plan.write or stored != current:
            self.book.remember(
                label, natural, self.current(obj, values, current_m2m | wanted) if plan.write else current
            )
        return "updated" if plan.write else "unchanged"

    def related_pks(self, obj: models.Model, name: str) -> list:
        """The current tags of `obj`, read for all records of its model in one query."""
        cache_key = (type(obj), name)
        if cache_key not in self._m2m:
            relation = obj._meta.get_field(name)
            owner, related = relation.m2m_column_name(), relation.m2m_reverse_name()
            table = defaultdict(list)
            for owner_pk, related_pk in relation.remote_field.through._default_manager.values_list(owner, related):
                table[owner_pk].append(related_pk)
            self._m2m[cache_key] = table
        return self._m2m[cache_key].get(obj.pk, [])

    def current(self, obj: models.Model, values: dict, many: dict) -> dict[str, str]:
        return self.book.digests(type(obj), lambda attname: getattr(obj, attname), values, many)

    def natural_key(self, key: dict) -> tuple[str, ...]:
        parts: list[str] = []
        for value in key.values():
            if isinstance(value, models.Model):
                parts.extend(self.book.natural(type(value), value.pk, obj=value))
            else:
                parts.append(str(value))
        return tuple(parts)

    def check_unique(self, model: type[models.Model], natural: tuple) -> None:
        """Two fixture records with one natural key would silently overwrite each other."""
        here = f"{self._path}, {self._record}"
        first = self._seen.setdefault((model._meta.label, natural), here)
        if first is not here:
            where = "twice in this record" if first == here else f"here and at {first}"
            raise self.error(f"{model._meta.verbose_name} {', '.join(natural)} is defined {where}")

    @property
    def change_reason(self) -> str:
        return "seed --force: reset to fixtures/" if self.force else "seed: loaded from fixtures/"

    def save(self, obj: models.Model) -> None:
        try:
            obj.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as exc:
            problems = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
            raise self.error(problems) from None
        obj._change_reason = self.change_reason  # shown in the object's admin history
        try:
            with transaction.atomic():
                obj.save()
        except IntegrityError as exc:
            raise self.error(f"violates a database constraint ({exc})") from None

    # --- lookups by natural key --------------------------------------------------------

    def lookup(self, model: type[models.Model], field_name: str, value: Any, key: str):
        index = self._index(model, (field_name,))
        obj = index.get((value,))
        if obj is None:
            self.check_deleted(model, (str(value),))
            raise self.error(f'{key}: no {model._meta.verbose_name} "{value}"')
        self.book.note(obj, (str(value),))
        return obj

    def check_deleted(self, model: type[models.Model], natural: tuple[str, ...]) -> None:
        if self.book.stored(model._meta.label, natural) is not None:
            raise DeletedByCurator(model._meta.label, natural)

    def existing(self, model: type[models.Model], field_name: str, values: list, key: str) -> list:
        """Look up a list (tags), leaving out the records a curator deleted."""
        found = []
        for value in values:
            try:
                found.append(self.lookup(model, field_name, value, key))
            except DeletedByCurator:
                continue
        return found

    def optional_lookup(self, model, field_name, value, key):
        return None if value in (None, "") else self.lookup(model, field_name, value, key)

    def themes(self, record: dict) -> list[Theme]:
        slugs = record.get("themes", [])
        if not isinstance(slugs, list):
            raise self.error('"themes" must be a list of theme slugs')
        return self.existing(Theme, "slug", slugs, "themes")

    def document_symbol(self, symbol: str, key: str) -> str:
        with suppress(DeletedByCurator):  # a citation is text: it stays; saving a link checks it again
            self.lookup(Document, "symbol", symbol, key)
        return symbol

    def evidence(self, link: dict, key: str) -> dict:
        if not isinstance(link, dict):
            raise self.error(f"{key}: each link must be an object")
        for name in ("source", "locator", "rationale"):
            if not str(link.get(name) or "").strip():
                raise self.error(f'{key}: link without evidence: "{name}" is required')
        return {
            "source_symbol": self.document_symbol(link["source"], key),
            "source_locator": link["locator"],
            "rationale": link["rationale"],
            "basis": link.get("basis", "stated"),
            "status": link.get("status", PublicationStatus.PUBLISHED),
        }

    def links(
        self,
        record: dict,
        key: str,
        link_model: type[models.Model],
        owner: tuple[str, models.Model],
        other: tuple[str, type[models.Model], str],
    ) -> None:
        """Upsert the evidence-bearing links listed under `record[key]`."""
        other_field, other_model, other_key_field = other
        items = record.get(key, [])
        if not isinstance(items, list):
            raise self.error(f'"{key}" must be a list of links')
        for item in items:
            if not isinstance(item, dict):
                raise self.error(f"{key}: each link must be an object")
            with self.record(self._record):
                self.check_keys(item, {other_field, *LINK_KEYS} - {"basis"}, {"basis", "status"})
                target = self.lookup(other_model, other_key_field, item[other_field], key)
                self.upsert(link_model, {owner[0]: owner[1], other_field: target}, self.evidence(item, key))

    # --- the SDG framework -------------------------------------------------------------

    def load_sdg(self) -> None:
        framework = self.read("sdg/sdg_framework.json")
        translations = self.read("sdg/sdg_translations.json")
        try:
            languages = translations["languages"]
            goals, targets, indicators = framework["goals"], framework["targets"], framework["indicators"]
        except (KeyError, TypeError) as exc:
            raise SeedError(self.fixtures_dir / "sdg", f"unexpected layout, missing {exc}") from None

        def translated(kind: str, code: str, part: str | None = None) -> dict:
            result = {}
            for lang in UN_LANGUAGES:
                entry = languages.get(lang, {}).get(kind, {}).get(code)
                if entry is not None:
                    result[lang] = entry[part] if part else entry
            return result

        self._path = self.fixtures_dir / "sdg/sdg_framework.json"
        goals_by_code = {}
        for goal in goals:
            with self.record(f"goal {goal.get('code')}"):
                goals_by_code[goal["code"]] = self.upsert(
                    Goal,
                    {"code": goal["code"]},
                    {
                        "number": int(goal["code"]),
                        "title": goal["title"],
                        "short_title": goal["short_title"],
                        "titles": translated("goals", goal["code"], "title"),
                        "short_titles": translated("goals", goal["code"], "short_title"),
                    },
                )
        targets_by_code = {}
        for position, target in enumerate(targets, start=1):
            with self.record(f"target {target.get('code')}"):
                if target["goal"] not in goals_by_code:
                    raise self.error(f'unknown goal "{target["goal"]}"')
                targets_by_code[target["code"]] = self.upsert(
                    Target,
                    {"code": target["code"]},
                    {
                        "goal": goals_by_code[target["goal"]],
                        "position": position,
                        "title": target["title"],
                        "titles": translated("targets", target["code"]),
                    },
                )
        for position, indicator in enumerate(indicators, start=1):
            with self.record(f"indicator {indicator.get('code')}"):
                if indicator["target"] not in targets_by_code:
                    raise self.error(f'unknown target "{indicator["target"]}"')
                self.upsert(
                    Indicator,
                    {"code": indicator["code"]},
                    {
                        "target": targets_by_code[indicator["target"]],
                        "position": position,
                        "title": indicator["title"],
                        "unsd_code": indicator.get("unsd_code", ""),
                        "also_listed_as": indicator.get("also_listed_as", []),
                        "titles": translated("indicators", indicator["code"]),
                    },
                )

    # --- themes, meetings, documents ---------------------------------------------------

    def load_themes(self) -> None:
        # Themes, meetings and documents load before documents exist, so their sources
        # are checked at the end of load_documents.
        for record in self.records(self.read("themes.json")):
            with self.record(f"theme {record.get('slug')}"):
                self.check_keys(
                    record, {"slug", "name"}, {"code", "description", "scheme", "parent", "position", *CURATED_KEYS}
                )
                self.upsert(
                    Theme,
                    {"slug": record["slug"]},
                    {
                        "code": record.get("code", ""),
                        "name": record["name"],
                        "description": record.get("description", ""),
                        "scheme": record.get("scheme", "thematic_area"),
                        "parent": self.optional_lookup(Theme, "slug", record.get("parent"), "parent"),
                        "position": record.get("position", 0),
                        **self.curated_without_sources(record),
                    },
                )

    def curated_without_sources(self, record: dict) -> dict:
        return {
            "sources": record.get("sources", []),
            "general_knowledge": record.get("general_knowledge", ""),
            "status": record.get("status", PublicationStatus.PUBLISHED),
        }

    def load_meetings(self) -> None:
        for record in self.records(self.read("recommendations/meetings.json")):
            with self.record(f"meeting {record.get('slug')}"):
                self.check_keys(
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
                meeting = self.upsert(
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
                        **self.curated_without_sources(record),
                    },
                )
                for item in record.get("agenda_items", []):
                    with self.record(f"meeting {meeting.slug}, agenda item {item.get('ref')}"):
                        self.check_keys(item, {"ref", "number", "title"}, {"kind", "position", "themes", *CURATED_KEYS})
                        self.upsert(
                            AgendaItem,
                            {"meeting": meeting, "ref": item["ref"]},
                            {
                                "kind": item.get("kind", "agenda_item"),
                                "number": item["number"],
                                "title": item["title"],
                                "position": item.get("position", 0),
                                **self.curated_without_sources(item),
                            },
                            m2m={"themes": self.themes(item)},
                        )

    def load_documents(self) -> None:
        records = self.records(self.read("recommendations/documents.json"))
        for record in records:
            with self.record(f"document {record.get('symbol')}"):
                self.check_keys(
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
                meeting = self.optional_lookup(Meeting, "slug", record.get("meeting"), "meeting")
                agenda_item = None
                if record.get("agenda_item"):
                    if meeting is None:
                        raise self.error("agenda_item needs a meeting")
                    agenda_item = self.lookup_agenda_item(meeting, record["agenda_item"])
                self.upsert(
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
                        **self.curated_without_sources(record),
                    },
                    m2m={"themes": self.themes(record)},
                )
        # Now every citable document exists: check the sources of what came before.
        self.check_sources(Theme, "themes.json", "slug")
        self.check_sources(Meeting, "recommendations/meetings.json", "slug")
        self.check_sources(Document, "recommendations/documents.json", "symbol")

    def check_sources(self, model: type[models.Model], relative: str, key_field: str) -> None:
        self._path = self.fixtures_dir / relative
        for obj in model._default_manager.all():
            self._record = f"{model._meta.model_name} {getattr(obj, key_field)}"
            self.curated({"sources": obj.sources})

    def lookup_agenda_item(self, meeting: Meeting, ref: str) -> AgendaItem:
        index = self._index(AgendaItem, ("meeting_id", "ref"))
        item = index.get((meeting.pk, ref))
        if item is None:
            self.check_deleted(AgendaItem, (meeting.slug, str(ref)))
            raise self.error(f'agenda_item: no agenda item "{ref}" in meeting "{meeting.slug}"')
        return item

    # --- standards -----------------------------------------------------------------------

    def load_instruments(self) -> None:
        for record in self.records(self.read("standards/instruments.json")):
            with self.record(f"instrument {record.get('slug')}"):
                self.check_keys(
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
                        *CURATED_KEYS,
                    },
                )
                if not record.get("resolution_symbol") and not record.get("symbol_missing_reason"):
                    raise self.error("give a resolution_symbol or say why there is none in symbol_missing_reason")
                instrument = self.upsert(
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
                        **self.curated(record),
                    },
                    m2m={"themes": self.themes(record)},
                )
                self.links(record, "targets", InstrumentTarget, ("instrument", instrument), ("target", Target, "code"))

    def load_provisions(self) -> None:
        for relative, slug in OFFICIAL_PROVISION_FILES.items():
            with self.record(f"instrument {slug}"):
                data = self.read(relative)
                if not isinstance(data, dict) or not isinstance(data.get("provisions"), list):
                    raise self.error('expected an object with a "provisions" list')
                instrument = self.lookup(Instrument, "slug", slug, "instrument")
                source = {"symbol": data.get("symbol", ""), "locator": "annex"}
                position = 0
                for observation in data.get("preliminary_observations", []):
                    position += 1
                    with self.record(f"preliminary observation {observation.get('number')}"):
                        self.upsert(
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
                    with self.record(f"rule {provision.get('number')}"):
                        self.upsert(
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

    def load_provision_links(self) -> None:
        records = self.records(self.read("standards/provision-links.json"))
        index = self._index(Provision, ("instrument_id", "ref"))
        for number, record in enumerate(records, start=1):
            with self.record(
                f"link {number} ({record.get('instrument')} {record.get('ref')} -> {record.get('target')})"
            ):
                self.check_keys(record, {"instrument", "ref", "target", *LINK_KEYS} - {"basis"}, {"basis", "status"})
                instrument = self.lookup(Instrument, "slug", record["instrument"], "instrument")
                provision = index.get((instrument.pk, str(record["ref"])))
                if provision is None:
                    self.check_deleted(Provision, (instrument.slug, str(record["ref"])))
                    raise self.error(f'ref: no provision "{record["ref"]}" in {instrument.slug}')
                target = self.lookup(Target, "code", record["target"], "target")
                self.upsert(ProvisionTarget, {"provision": provision, "target": target}, self.evidence(record, "link"))

    # --- programmes ------------------------------------------------------------------------

    def load_countries(self) -> None:
        for record in self.records(self.read("programmes/countries.json")):
            with self.record(f"country {record.get('slug')}"):
                self.check_keys(record, {"slug", "name"}, {"iso3", "status"})
                self.upsert(
                    Country,
                    {"slug": record["slug"]},
                    {
                        "name": record["name"],
                        "iso3": record.get("iso3", ""),
                        "status": record.get("status", PublicationStatus.PUBLISHED),
                    },
                )

    def load_programmes(self) -> None:
        for record in self.records(self.read("programmes/programmes.json")):
            with self.record(f"programme {record.get('slug')}"):
                self.check_keys(
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
                        "instruments",
                        *CURATED_KEYS,
                    },
                )
                programme = self.upsert(
                    Programme,
                    {"slug": record["slug"]},
                    {
                        "title": record["title"],
                        "short_title": record.get("short_title", ""),
                        "aliases": record.get("aliases", []),
                        "kind": record["kind"],
                        "lead_entity": record.get("lead_entity", ""),
                        "partners": record.get("partners", ""),
                        "parent": self.optional_lookup(Programme, "slug", record.get("parent"), "parent"),
                        "summary": record.get("summary", ""),
                        "facts": record.get("facts", ""),
                        "start_year": record.get("start_year"),
                        "url": record.get("url", ""),
                        **self.curated(record),
                    },
                    m2m={"themes": self.themes(record)},
                )
                for area in record.get("areas", []):
                    with self.record(f"programme {programme.slug}, area {area.get('slug')}"):
                        self.check_keys(area, {"slug", "title"}, {"description", "position", *CURATED_KEYS})
                        self.upsert(
                            InterventionArea,
                            {"programme": programme, "slug": area["slug"]},
                            {
                                "title": area["title"],
                                "description": area.get("description", ""),
                                "position": area.get("position", 0),
                                **self.curated(area),
                            },
                        )
                self._record = f"programme {programme.slug}"
                self.links(record, "targets", ProgrammeTarget, ("programme", programme), ("target", Target, "code"))
                self.links(
                    record,
                    "instruments",
                    ProgrammeInstrument,
                    ("programme", programme),
                    ("instrument", Instrument, "slug"),
                )

    def load_resources(self) -> None:
        for record in self.records(self.read("programmes/resources.json")):
            with self.record(f"resource {record.get('slug')}"):
                self.check_keys(
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
                resource = self.upsert(
                    Resource,
                    {"slug": record["slug"]},
                    {
                        "title": record["title"],
                        "kind": record["kind"],
                        "programme": self.optional_lookup(Programme, "slug", record.get("programme"), "programme"),
                        "publisher": record.get("publisher", ""),
                        "year": record.get("year"),
                        "languages": record.get("languages", []),
                        "language_count": record.get("language_count"),
                        "users": record.get("users"),
                        "country_count": record.get("country_count"),
                        "summary": record.get("summary", ""),
                        "facts": record.get("facts", ""),
                        "url": record.get("url", ""),
                        **self.curated(record),
                    },
                    m2m={"themes": self.themes(record)},
                )
                self.links(
                    record,
                    "instruments",
                    ResourceInstrument,
                    ("resource", resource),
                    ("instrument", Instrument, "slug"),
                )

    def load_activities(self) -> None:
        for record in self.records(self.read("programmes/activities.json")):
            with self.record(f"activity {record.get('slug')}"):
                self.check_keys(
                    record,
                    {"slug", "year", "description", "source", "locator"},
                    {"country", "region", "programme", "theme", "instruments", *CURATED_KEYS},
                )
                instruments = self.existing(Instrument, "slug", record.get("instruments", []), "instruments")
                self.upsert(
                    Activity,
                    {"slug": record["slug"]},
                    {
                        "country": self.optional_lookup(Country, "slug", record.get("country"), "country"),
                        "region": record.get("region", ""),
                        "year": record["year"],
                        "programme": self.optional_lookup(Programme, "slug", record.get("programme"), "programme"),
                        "theme": self.optional_lookup(Theme, "slug", record.get("theme"), "theme"),
                        "description": record["description"],
                        "source_symbol": self.document_symbol(record["source"], "source"),
                        "source_locator": record["locator"],
                        **self.curated(record),
                    },
                    m2m={"instruments": instruments},
                )

    # --- recommendations -------------------------------------------------------------------

    def load_recommendations(self) -> None:
        folder = self.fixtures_dir / "recommendations/recommendations"
        paths = sorted(folder.glob("*.json"))
        if not paths:
            raise SeedError(folder, "no recommendation files (*.json) found")
        for path in paths:
            with self.record(str(path.name)):
                data = self.read(str(path.relative_to(self.fixtures_dir)))
                if not isinstance(data, dict) or set(data) != {"document", "recommendations"}:
                    raise self.error('expected an object with exactly "document" and "recommendations"')
                document = self.lookup(Document, "symbol", data["document"], "document")
                for record in self.records(data["recommendations"]):
                    with self.record(f"paragraph {record.get('paragraph')}"):
                        self.check_keys(
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
                                "instruments",
                                "programmes",
                                *CURATED_KEYS,
                            },
                        )
                        agenda_item = None
                        if record.get("agenda_item"):
                            meeting = document.meeting
                            if meeting is None:
                                raise self.error(f"agenda_item given but document {document.symbol} has no meeting")
                            agenda_item = self.lookup_agenda_item(meeting, record["agenda_item"])
                        recommendation = self.upsert(
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
                                **self.curated(record),
                            },
                            m2m={"themes": self.themes(record)},
                        )
                        owner = ("recommendation", recommendation)
                        self.links(record, "targets", RecommendationTarget, owner, ("target", Target, "code"))
                        self.links(
                            record, "instruments", RecommendationInstrument, owner, ("instrument", Instrument, "slug")
                        )
                        self.links(
                            record, "programmes", RecommendationProgramme, owner, ("programme", Programme, "slug")
                        )


def seed(
    fixtures_dir: Path, *, only: Iterable[str] | None = None, dry_run: bool = False, force: bool = False
) -> SeedReport:
    """Load every curated fixture in one transaction; roll back on error or when dry_run.

    Curators' changes are kept unless `force` (see portal.seed_fingerprints).
    """
    with transaction.atomic():
        try:
            report = Loader(fixtures_dir, force=force).run(only=only)
        except DeletedByCurator as exc:  # a reference outside any record; each record skips its own
            raise SeedError(fixtures_dir, f"refers to {exc}, which a curator deleted") from None
        if dry_run:
            transaction.set_rollback(True)
    return report
