"""Which paragraphs of the source documents the portal cites, and which it does not (the paragraph coverage).

Every curated record and link names its sources: `sources` [{symbol, locator}] on entities,
`source_symbol` + `source_locator` on links and activities, and a model may declare
`cited_paragraph = (symbol path, paragraph path)` (a recommendation is "para <paragraph>" of its
document) or `cited_locator = (symbol path, locator path)` (a source list cites its locator as
written). Each citation is read against the paragraph index (`portal.paragraphs`); paragraphs
deliberately left out (a table of contents, a meeting's chairing) are listed with a reason in
`fixtures/sources/out_of_scope.json`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from django.conf import settings

from portal.content import curated_models, link_models
from portal.paragraphs import UnknownLocator, cited_entries, load_index

OUT_OF_SCOPE_PATH = Path("sources") / "out_of_scope.json"


@dataclass(frozen=True)
class Citation:
    symbol: str
    locator: str
    record: str  # "standards.instrument nelson-mandela-rules": where the citation stands


def _has(model, *names) -> bool:
    return all(name in {f.name for f in model._meta.get_fields()} for name in names)


def citations() -> Iterator[Citation]:
    """Every citation the database holds (all statuses: a draft's source is still a source)."""
    for model in [*curated_models(), *link_models()]:
        label = model._meta.label_lower
        if _has(model, "sources"):
            for pk, sources in model._default_manager.values_list("pk", "sources"):
                for source in sources or []:
                    yield Citation(source.get("symbol", ""), source.get("locator", ""), f"{label} {pk}")
        if _has(model, "source_symbol", "source_locator"):
            for pk, symbol, locator in model._default_manager.values_list("pk", "source_symbol", "source_locator"):
                yield Citation(symbol, locator, f"{label} {pk}")
        if paths := getattr(model, "cited_locator", None):  # (symbol path, locator path): a source list
            for pk, symbol, locator in model._default_manager.values_list("pk", *paths):
                yield Citation(symbol, locator, f"{label} {pk}")
        if paths := getattr(model, "cited_paragraph", None):
            for pk, symbol, paragraph in model._default_manager.values_list("pk", *paths):
                yield Citation(symbol, f"para {paragraph}", f"{label} {pk}")


@cache
def out_of_scope(path: Path | None = None) -> dict[tuple[str, str], str]:
    """{(symbol, locator): reason} for the paragraphs deliberately not curated."""
    path = path or Path(settings.FIXTURES_DIR) / OUT_OF_SCOPE_PATH
    return {(row["symbol"], row["locator"]): row["reason"] for row in json.loads(path.read_text(encoding="utf-8"))}


@dataclass
class DocumentCoverage:
    symbol: str
    paragraphs: list[str]  # every indexed locator, in document order
    cited: set[str] = field(default_factory=set)
    out_of_scope: dict[str, str] = field(default_factory=dict)

    @property
    def uncited(self) -> list[str]:
        return [loc for loc in self.paragraphs if loc not in self.cited and loc not in self.out_of_scope]


@dataclass
class ParagraphCoverage:
    documents: list[DocumentCoverage]
    unresolved: list[tuple[Citation, str]]  # citations of indexed documents that name nothing in them
    outside: dict[str, int]  # citations of documents outside the index, per symbol

    @property
    def total(self) -> int:
        return sum(len(doc.paragraphs) for doc in self.documents)

    @property
    def cited(self) -> int:
        return sum(len(doc.cited) for doc in self.documents)

    @property
    def marked(self) -> int:
        return sum(len(set(doc.out_of_scope) - doc.cited) for doc in self.documents)


def paragraph_coverage() -> ParagraphCoverage:
    index = load_index()
    documents = {symbol: DocumentCoverage(symbol, list(entries)) for symbol, entries in index.items()}
    for (symbol, locator), reason in out_of_scope().items():
        documents[symbol].out_of_scope[locator] = reason
    unresolved, outside = [], {}
    for citation in citations():
        if citation.symbol not in documents:
            outside[citation.symbol] = outside.get(citation.symbol, 0) + 1
            continue
        try:
            entries = cited_entries(citation.symbol, citation.locator)
        except UnknownLocator as error:
            unresolved.append((citation, str(error)))
            continue
        documents[citation.symbol].cited.update(entry["locator"] for entry in entries)
    return ParagraphCoverage(list(documents.values()), unresolved, dict(sorted(outside.items())))
