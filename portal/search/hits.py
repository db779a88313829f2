"""A result as the engines find it, before facets, paging and snippets."""

from dataclasses import dataclass, field

from django.utils.safestring import SafeString, mark_safe

from portal.search.sources import source_for


@dataclass
class Hit:
    type: str
    pk: int
    row: dict
    score: float
    keys: dict[str, set[str]] = field(default_factory=dict)
    identifier: str = ""
    title: str = ""
    context: str = ""
    lazy_url: object = ""  # reversed only when read: a search may find thousands, a page shows 20
    snippet: SafeString = mark_safe("")

    @property
    def type_label(self) -> str:
        return str(source_for(self.type).name)

    @property
    def in_page_language(self) -> bool:
        """Whether the title and snippet are in the page's language (else English: curated content)."""
        return source_for(self.type).in_page_language

    @property
    def url(self) -> str:
        return str(self.lazy_url)

    def describe(self) -> None:
        self.identifier, self.title, self.context, self.lazy_url = source_for(self.type).describe(self.row)
