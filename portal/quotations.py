"""Texts the sources quote: SDG indicators in the words a source gives them, and definitions.

`fixtures/sources/quotations.json` holds each quotation exactly as the source prints it, with its
citation; the tests check every one against the paragraph index. An indicator quoted in words that
differ from today's official text (the SDG framework in `fixtures/sdg/`) must be shown with both:
`indicator_quotations("16.3.1")` gives the source's words, the official ones and whether they differ.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from portal.models import Indicator

QUOTATIONS_PATH = Path("sources") / "quotations.json"


@cache
def quotations(path: Path | None = None) -> tuple[dict, ...]:
    path = path or Path(settings.FIXTURES_DIR) / QUOTATIONS_PATH
    return tuple(json.loads(path.read_text(encoding="utf-8")))


@dataclass(frozen=True)
class IndicatorQuotation:
    code: str
    symbol: str
    locator: str
    quoted: str  # the source's words
    official: str  # today's official text

    @property
    def differs(self) -> bool:
        return " ".join(self.quoted.split()) != " ".join(self.official.split())


def indicator_quotations(code: str) -> list[IndicatorQuotation]:
    """The sources' quotations of one SDG indicator, each beside the official text (one query)."""
    rows = [row for row in quotations() if row["kind"] == "sdg_indicator" and row["subject"] == code]
    if not rows:
        return []
    official = Indicator.objects.filter(code=code).values_list("title", flat=True).first() or ""
    return [IndicatorQuotation(code, row["symbol"], row["locator"], row["quoted"], official) for row in rows]


def definitions() -> list[dict]:
    return [row for row in quotations() if row["kind"] == "definition"]


def quotations_for_target(target_code: str) -> dict[str, list[IndicatorQuotation]]:
    """The quoted indicators of one target, by indicator code (no query when no source quotes one)."""
    codes = {
        row["subject"]
        for row in quotations()
        if row["kind"] == "sdg_indicator" and row["subject"].rsplit(".", 1)[0] == target_code
    }
    return {code: indicator_quotations(code) for code in sorted(codes)}


def quotations_of_indicators(indicators) -> dict[str, list[IndicatorQuotation]]:
    """The sources' quotations of the given (already loaded) indicators, by code: no query."""
    quoted = {}
    for indicator in indicators:
        rows = [row for row in quotations() if row["kind"] == "sdg_indicator" and row["subject"] == indicator.code]
        if rows:
            quoted[indicator.code] = [
                IndicatorQuotation(indicator.code, row["symbol"], row["locator"], row["quoted"], indicator.title)
                for row in rows
            ]
    return quoted
