"""Plain facts about programmes and tools, read from their curated text and their activities (no models here)."""

import re
from dataclasses import dataclass, field

from django.urls import reverse

# "Launched in 2015 (A/CONF.234/5, para 13)": the fact, then its source in the last brackets of the line.
FACT_LINE = re.compile(r"^(?P<text>.*\S)\s+\((?P<source>[^()]+)\)$")
FACT_LABEL = re.compile(r"^(?P<label>[A-Z][A-Za-z -]{1,30}): (?P<text>.+)$")


@dataclass(frozen=True)
class Fact:
    text: str
    source: str = ""
    label: str = ""  # "Tagline", "Web page": a line that begins with its own label


def key_facts(facts: str) -> list[Fact]:
    """The curated `facts` text (one fact a line, each with its source in brackets) as separate facts."""
    items = []
    for line in facts.splitlines():
        line = line.strip()
        if not line:
            continue
        match = FACT_LINE.match(line)
        text, source = (match["text"], match["source"]) if match else (line, "")
        labelled = FACT_LABEL.match(text)
        items.append(Fact(labelled["text"], source, labelled["label"]) if labelled else Fact(text, source))
    return items


@dataclass
class Reach:
    countries: dict[str, str] = field(default_factory=dict)  # slug: name
    regions: set[str] = field(default_factory=set)
    is_global: bool = False
    years: set[int] = field(default_factory=set)

    def __bool__(self):
        return bool(self.years)

    @property
    def country_list(self) -> list[tuple[str, str]]:
        """(name, URL) sorted by name."""
        return sorted(
            (name, reverse("programmes:country-detail", kwargs={"slug": slug})) for slug, name in self.countries.items()
        )

    @property
    def region_list(self) -> list[str]:
        return sorted(self.regions)

    @property
    def period(self) -> str:
        """ "2021", or "2015–2021"."""
        if not self.years:
            return ""
        first, last = min(self.years), max(self.years)
        return str(first) if first == last else f"{first}–{last}"
