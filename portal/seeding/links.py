"""Helpers for what records refer to: lookups by natural key, sources, evidence-bearing links, tags."""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from django.db import models

from portal.models import PublicationStatus, Theme
from portal.seeding.fingerprints import DeletedByCurator
from portal.seeding.registry import citations
from portal.seeding.writer import Writer

LINK_KEYS = {"source", "locator", "rationale", "basis"}
CURATED_KEYS = {"sources", "general_knowledge", "status"}


class Links(Writer):
    # --- lookups by natural key --------------------------------------------------------

    def lookup(self, model: type[models.Model], field_name: str, value: Any, key: str):
        index = self.index(model, (field_name,))
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

    # --- sources and evidence ----------------------------------------------------------

    def document_symbol(self, symbol: str, key: str) -> str:
        """Check that a cited document exists (in the model registered with `register_citations`)."""
        if cited := citations():
            with suppress(DeletedByCurator):  # a citation is text: it stays; saving a link checks it again
                self.lookup(*cited, symbol, key)
        return symbol

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

    def curated_without_sources(self, record: dict) -> dict:
        """For what loads before the cited documents exist; `check_sources` checks them afterwards."""
        return {
            "sources": record.get("sources", []),
            "general_knowledge": record.get("general_knowledge", ""),
            "status": record.get("status", PublicationStatus.PUBLISHED),
        }

    def check_sources(self, model: type[models.Model], relative: str, key_field: str) -> None:
        self.path = self.fixtures_dir / relative
        for obj in model._default_manager.all():
            self.label = f"{model._meta.model_name} {getattr(obj, key_field)}"
            self.curated({"sources": obj.sources})

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
            with self.record(self.label):
                self.check_keys(item, {other_field, *LINK_KEYS} - {"basis"}, {"basis", "status"})
                target = self.lookup(other_model, other_key_field, item[other_field], key)
                self.upsert(link_model, {owner[0]: owner[1], other_field: target}, self.evidence(item, key))
