"""Reading fixture files and their records, with errors that name the file, the record and the field."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured

from portal.seeding.fingerprints import DeletedByCurator

if TYPE_CHECKING:
    from portal.seeding.registry import Stage
    from portal.seeding.report import SeedReport

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


class Reader:
    """Where the load is (file, record) and how to read a file; every error says where."""

    fixtures_dir: Path
    report: SeedReport
    stage: Stage | None

    def __init__(self) -> None:
        self.path: Path | str = ""  # the file being loaded
        self.label: str | None = None  # the record being loaded, as errors name it
        self._occurrences: Counter = Counter()

    def read(self, relative: str) -> Any:
        if self.stage is not None and not any(fnmatch(relative, pattern) for pattern in self.stage.files):
            raise ImproperlyConfigured(f'The seed stage "{self.stage.name}" reads {relative} but does not declare it.')
        path = self.fixtures_dir / relative
        self.path, self.label, self._occurrences = path, None, Counter()
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
        return SeedError(self.path, message, self.label)

    @contextmanager
    def record(self, label: str) -> Iterator[None]:
        """Load one record; skip it (and say so) when it refers to a record a curator deleted."""
        if label != self.label:  # links re-enter their owner's record
            self._occurrences[label] += 1
            if (number := self._occurrences[label]) > 1:  # two records of a file under one name
                label = f"{label} (occurrence {number} in this file)"
        outer, self.label = self.label, label
        try:
            yield
        except DeletedByCurator as exc:
            if not exc.reported:
                self.report.curation.skipped.append(f"{self.path}, {label}: refers to {exc}, deleted by a curator")
        finally:
            self.label = outer

    def check_keys(self, record: dict, required: set[str], optional: set[str] = frozenset()) -> None:
        if missing := required - record.keys():
            raise self.error(f"missing key(s): {', '.join(sorted(missing))}")
        if unknown := record.keys() - required - optional:
            raise self.error(f"unknown key(s): {', '.join(sorted(unknown))}")
