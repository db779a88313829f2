"""One kind of import: the `Importer` base class an app subclasses, and what an import reports."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext as _

from portal.models import LinkBasis
from portal.workflow import WorkflowError, check_write, save_validated

NEW, CHANGED, UNCHANGED, ERROR = "new", "changed", "unchanged", "error"


@dataclass
class RowResult:
    number: int
    label: str
    state: str = UNCHANGED
    reasons: list[str] = field(default_factory=list)


@dataclass
class ImportReport:
    kind: str
    rows: list[RowResult] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # about the file as a whole
    written: bool = False

    @property
    def is_valid(self) -> bool:
        return not self.problems and bool(self.rows) and all(row.state != ERROR for row in self.rows)

    def count(self, state: str) -> int:
        return sum(row.state == state for row in self.rows)

    @property
    def counts(self) -> dict[str, int]:
        return {state: self.count(state) for state in (NEW, CHANGED, UNCHANGED, ERROR)}


class RowError(Exception):
    """Why a row cannot be imported; each argument is one reason shown in the report."""


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.replace(",", ";").split(";") if item.strip()]


class Importer:
    """One kind of row, registered with `portal.imports.register` by the app that owns its models.

    A subclass names its `kind`, what the import form calls it (`label`) and the columns it
    reads (`help_text`), the `model` whose "add" permission an import needs, its `columns` and
    `required` columns, and its place in the form (`order`). `row()` validates and writes one
    row, raising RowError with the reasons; `export_values()` gives the cells of one exported
    object, so an export reads back unchanged.
    """

    kind = ""
    label = ""
    help_text = ""
    model: type[models.Model]
    order = 0
    columns: tuple[str, ...] = ()
    required: tuple[str, ...] = ()

    def __init__(self, user):
        self.user = user
        self.seen: dict[tuple, int] = {}

    @classmethod
    def export_values(cls, obj: models.Model) -> dict[str, object]:
        raise NotImplementedError

    def row(self, data: dict, number: int) -> tuple[str, str]:
        """Validate and write one row; return its label and state (NEW, CHANGED or UNCHANGED)."""
        raise NotImplementedError

    def lookup(self, model, value: str, column: str, **filters):
        try:
            return model._default_manager.get(**filters)
        except ObjectDoesNotExist:
            raise RowError(
                _("%(column)s: unknown %(model)s “%(value)s”")
                % {"column": column, "model": model._meta.verbose_name, "value": value}
            ) from None

    def check_duplicate(self, key: tuple, number: int) -> None:
        if key in self.seen:
            raise RowError(_("duplicate of row %(row)d") % {"row": self.seen[key]})
        self.seen[key] = number

    def check_write(self, obj: models.Model) -> None:
        try:
            check_write(user=self.user, obj=obj)
        except WorkflowError as exc:
            raise RowError(f"{obj}: {exc}") from None

    def upsert(self, model, key: dict, values: dict) -> tuple[models.Model, str]:
        obj = model._default_manager.filter(**key).first()
        # A column such as `summary` is the English text (portal/translation.py), whatever the admin's language.
        with translation.override(settings.LANGUAGE_CODE):
            if obj is None:
                obj, state = model(**key, **values), NEW
            else:
                changed = {name: value for name, value in values.items() if getattr(obj, name) != value}
                for name, value in changed.items():
                    setattr(obj, name, value)
                state = CHANGED if changed else UNCHANGED
        if state != UNCHANGED:
            self.check_write(obj)
            try:
                save_validated(obj, user=self.user)
            except ValidationError as exc:
                raise RowError(
                    *(f"{name}: {' '.join(messages)}" for name, messages in exc.message_dict.items())
                ) from None
        return obj, state

    def evidence(self, data: dict, required: bool, what: str) -> dict | None:
        given = {name: data.get(name, "") for name in ("source", "locator", "rationale")}
        if not any(given.values()) and not required:
            return None
        if missing := [name for name, value in given.items() if not value]:
            raise RowError(
                _("missing evidence for %(what)s: %(columns)s") % {"what": what, "columns": ", ".join(missing)}
            )
        basis = data.get("basis") or LinkBasis.STATED
        if basis not in LinkBasis.values:
            raise RowError(_("basis: “%(value)s” is not one of %(choices)s") % {
                "value": basis, "choices": ", ".join(LinkBasis.values)})  # fmt: skip
        return {
            "source_symbol": given["source"],
            "source_locator": given["locator"],
            "rationale": given["rationale"],
            "basis": basis,
        }

    def link(self, model, key: dict, data: dict, what: str) -> str:
        exists = model._default_manager.filter(**key).exists()
        evidence = self.evidence(data, required=not exists, what=what)
        if evidence is None:
            return UNCHANGED
        return self.upsert(model, key, evidence)[1]
