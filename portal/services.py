"""Multi-model writes behind the admin: the publication workflow, bulk import and export.

Every function is keyword-only, runs in one transaction and validates with `full_clean()`
before it saves, so a change made here is as strictly checked as one made through a form.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from portal.models import Curated, Evidence, LinkBasis, PublicationStatus, Target, Theme
from portal.roles import PUBLISH_PERMISSION
from programmes.models import Activity, Country, Programme
from recommendations.models import (
    Document,
    Recommendation,
    RecommendationInstrument,
    RecommendationKind,
    RecommendationProgramme,
    RecommendationTarget,
)
from standards.models import Instrument

EDITOR_STATUSES = frozenset({PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW})
REVIEW_STATUSES = frozenset({PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN})

# --- the workflow -------------------------------------------------------------------------

# Which statuses each transition starts from.
TRANSITIONS: dict[str, set[str]] = {
    PublicationStatus.IN_REVIEW: {PublicationStatus.DRAFT},
    PublicationStatus.DRAFT: {PublicationStatus.IN_REVIEW, PublicationStatus.WITHDRAWN},
    PublicationStatus.PUBLISHED: {PublicationStatus.DRAFT, PublicationStatus.IN_REVIEW, PublicationStatus.WITHDRAWN},
    PublicationStatus.WITHDRAWN: {PublicationStatus.PUBLISHED},
}


class WorkflowError(PermissionDenied):
    """A write the user's role, or the entry's status, does not allow (the admin answers 403)."""


def can_publish(user) -> bool:
    return user.has_perm(PUBLISH_PERMISSION)


def allowed_statuses(user) -> set[str]:
    return set(PublicationStatus.values) if can_publish(user) else set(EDITOR_STATUSES)


def stored_status(obj: models.Model) -> str | None:
    """The entry's status in the database now; None if it is not there (a new entry, or one restored)."""
    if obj.pk is None:
        return None
    return type(obj)._default_manager.filter(pk=obj.pk).values_list("status", flat=True).first()


def check_model_permission(*, user, model: type[models.Model], action: str) -> None:
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}"):
        raise WorkflowError(
            _("You may not %(action)s %(model)s.") % {"action": action, "model": opts.verbose_name_plural}
        )


def check_write(*, user, obj: models.Model, after_status: str | None = None) -> None:
    """The one authority on writing curated content; raises WorkflowError if `user` may not save `obj`.

    Every path that writes (change and add forms, inlines, list actions, list edits, history
    revert, bulk import) calls this. It judges the step from the status stored in the database
    now to `after_status` (by default the status `obj` is about to be saved with), never from the
    copy it is given, which may be stale or historical: a revert posted back "unchanged" is
    still a step from the current status to the old version's.
    """
    before = stored_status(obj)
    after = obj.status if after_status is None else after_status
    check_model_permission(user=user, model=type(obj), action="add" if before is None else "change")
    if before in REVIEW_STATUSES and not can_publish(user):
        raise WorkflowError(
            _("This entry is %(status)s: only a reviewer may change it.")
            % {"status": PublicationStatus(before).label.lower()}
        )
    if after not in allowed_statuses(user):
        raise WorkflowError(_("Only a reviewer may publish or withdraw."))
    if before is not None and after != before and before not in TRANSITIONS[after]:
        raise WorkflowError(
            _("An entry that is %(before)s cannot become %(after)s directly.")
            % {"before": PublicationStatus(before).label.lower(), "after": PublicationStatus(after).label.lower()}
        )


def may_write(*, user, obj: models.Model, after_status: str | None = None) -> bool:
    try:
        check_write(user=user, obj=obj, after_status=after_status)
    except WorkflowError:
        return False
    return True


def owned_links(obj: models.Model) -> list[models.Model]:
    """The evidence-bearing links an entity owns (shown inline under it), e.g. a recommendation's target links."""
    links = []
    for relation in obj._meta.related_objects:
        link_model = relation.related_model
        if issubclass(link_model, Evidence) and link_model.link_fields[0] == relation.field.name:
            links.extend(link_model._default_manager.filter(**{relation.field.name: obj}))
    return links


def _save(obj: models.Model, user) -> None:
    obj.full_clean()
    obj._history_user = user
    obj.save()


@transaction.atomic
def change_status(*, objects: Iterable[models.Model], status: str, user) -> int:
    """Move each object that may make this transition to `status`; return how many moved.

    Submitting or publishing an entity carries its draft and in-review links along, so a
    published recommendation shows its SDG links. Raises WorkflowError if the user may not
    set this status at all; skips the objects whose current status does not allow the step.
    """
    if status not in allowed_statuses(user):
        raise WorkflowError(_("You may not set the status to “%(status)s”.") % {"status": status})
    if isinstance(objects, models.QuerySet):
        check_model_permission(user=user, model=objects.model, action="change")
    moved = 0
    for obj in objects:
        if obj.status not in TRANSITIONS[status] or not may_write(user=user, obj=obj, after_status=status):
            continue
        obj.status = status
        _save(obj, user)
        moved += 1
        if isinstance(obj, Curated) and status in (PublicationStatus.IN_REVIEW, PublicationStatus.PUBLISHED):
            for link in owned_links(obj):
                if link.status in EDITOR_STATUSES and link.status != status:
                    check_write(user=user, obj=link, after_status=status)
                    link.status = status
                    _save(link, user)
    return moved


# --- bulk import ----------------------------------------------------------------------------

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
    pass


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.replace(",", ";").split(";") if item.strip()]


def read_table(*, content: bytes, filename: str) -> list[dict[str, str]]:
    """Rows of a CSV (UTF-8) or XLSX file as dicts keyed by the header row; raises ValueError if unreadable."""
    if filename.lower().endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # openpyxl raises many kinds of errors for a broken file
            raise ValueError(_("not a readable XLSX file (%(error)s)") % {"error": exc}) from None
        values = [
            ["" if cell is None else str(cell).strip() for cell in row] for row in sheet.iter_rows(values_only=True)
        ]
    elif filename.lower().endswith(".csv"):
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(_("the CSV file is not UTF-8 text")) from None
        values = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    else:
        raise ValueError(_("upload a .csv or .xlsx file"))
    if not values:
        raise ValueError(_("the file is empty"))
    header = [name.strip().lower() for name in values[0]]
    return [dict(zip(header, row, strict=False)) for row in values[1:] if any(row)]


class Importer:
    """One kind of row. `row()` validates and writes one row, raising RowError with the reasons."""

    kind = ""
    columns: tuple[str, ...] = ()
    required: tuple[str, ...] = ()

    def __init__(self, user):
        self.user = user
        self.seen: dict[tuple, int] = {}

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
                _save(obj, self.user)
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

    def row(self, data: dict, number: int) -> tuple[str, str]:
        raise NotImplementedError


class RecommendationImporter(Importer):
    kind = "recommendations"
    columns = ("document", "paragraph", "kind", "text", "summary", "addressee", "position", "targets",
               "source", "locator", "rationale", "basis")  # fmt: skip
    required = ("document", "paragraph", "text")

    def row(self, data, number):
        document = self.lookup(Document, data["document"], "document", symbol=data["document"])
        self.check_duplicate((document.pk, data["paragraph"]), number)
        targets = [self.lookup(Target, code, "targets", code=code) for code in split_list(data.get("targets", ""))]
        kind = data.get("kind") or RecommendationKind.RECOMMENDATION
        if kind not in RecommendationKind.values:
            raise RowError(_("kind: “%(value)s” is not one of %(choices)s") % {
                "value": kind, "choices": ", ".join(RecommendationKind.values)})  # fmt: skip
        try:
            position = int(data.get("position") or 0)
        except ValueError:
            raise RowError(_("position: “%(value)s” is not a whole number") % {"value": data["position"]}) from None
        recommendation, state = self.upsert(
            Recommendation,
            {"document": document, "paragraph": data["paragraph"]},
            {
                "slug": Recommendation.build_slug(document.symbol, data["paragraph"]),
                "kind": kind,
                "text": data["text"],
                "summary": data.get("summary", ""),
                "addressee": data.get("addressee", ""),
                "position": position,
            },
        )
        for target in targets:
            link_state = self.link(
                RecommendationTarget, {"recommendation": recommendation, "target": target}, data, str(target)
            )
            if link_state != UNCHANGED and state == UNCHANGED:
                state = CHANGED
        return str(recommendation), state


class LinkImporter(Importer):
    kind = "links"
    columns = ("recommendation", "target", "instrument", "programme", "source", "locator", "rationale", "basis")
    required = ("recommendation",)
    ends = {
        "target": (RecommendationTarget, Target, "code"),
        "instrument": (RecommendationInstrument, Instrument, "slug"),
        "programme": (RecommendationProgramme, Programme, "slug"),
    }

    def row(self, data, number):
        given = [name for name in self.ends if data.get(name)]
        if len(given) != 1:
            raise RowError(_("give exactly one of target, instrument, programme"))
        name = given[0]
        link_model, other_model, key_field = self.ends[name]
        recommendation = self.lookup(
            Recommendation, data["recommendation"], "recommendation", slug=data["recommendation"]
        )
        other = self.lookup(other_model, data[name], name, **{key_field: data[name]})
        self.check_duplicate((recommendation.pk, name, other.pk), number)
        key = {"recommendation": recommendation, name: other}
        evidence = self.evidence(data, required=True, what=str(other))
        return f"{recommendation} → {other}", self.upsert(link_model, key, evidence)[1]


class ActivityImporter(Importer):
    kind = "activities"
    columns = ("slug", "year", "country", "region", "programme", "theme", "description", "source", "locator",
               "instruments")  # fmt: skip
    required = ("slug", "year", "description", "source", "locator")

    def optional(self, model, value, column):
        return self.lookup(model, value, column, slug=value) if value else None

    def row(self, data, number):
        self.check_duplicate((data["slug"],), number)
        try:
            year = int(data["year"])
        except ValueError:
            raise RowError(_("year: “%(value)s” is not a whole number") % {"value": data["year"]}) from None
        instruments = [
            self.lookup(Instrument, slug, "instruments", slug=slug) for slug in split_list(data.get("instruments", ""))
        ]
        activity, state = self.upsert(
            Activity,
            {"slug": data["slug"]},
            {
                "year": year,
                "country": self.optional(Country, data.get("country", ""), "country"),
                "region": data.get("region", ""),
                "programme": self.optional(Programme, data.get("programme", ""), "programme"),
                "theme": self.optional(Theme, data.get("theme", ""), "theme"),
                "description": data["description"],
                "source_symbol": data["source"],
                "source_locator": data["locator"],
            },
        )
        if {i.pk for i in instruments} != set(activity.instruments.values_list("pk", flat=True)):
            self.check_write(activity)
            activity.instruments.set(instruments)
            state = CHANGED if state == UNCHANGED else state
        return data["slug"], state


IMPORTERS: dict[str, type[Importer]] = {
    cls.kind: cls for cls in (RecommendationImporter, LinkImporter, ActivityImporter)
}


def import_rows(*, kind: str, rows: list[dict[str, str]], user, commit: bool) -> ImportReport:
    """Validate every row (a dry run) and, when `commit` and every row is valid, write them all.

    Rows are written inside one transaction even in a dry run, so later rows see earlier ones
    and database constraints are checked; the transaction is rolled back unless the whole file
    is valid and `commit` is true. Row numbers count the header as row 1, as a spreadsheet does.
    """
    importer = IMPORTERS[kind](user)
    report = ImportReport(kind=kind)
    if rows and (unknown := set(rows[0]) - set(importer.columns)):
        report.problems.append(_("unknown column(s): %(columns)s") % {"columns": ", ".join(sorted(unknown))})
    if rows and (missing := set(importer.required) - set(rows[0])):
        report.problems.append(_("missing column(s): %(columns)s") % {"columns": ", ".join(sorted(missing))})
    if not rows:
        report.problems.append(_("the file has no rows"))
    if report.problems:
        return report
    with transaction.atomic():
        for number, data in enumerate(rows, start=2):
            result = RowResult(number=number, label=" ".join(data.get(c, "") for c in importer.required))
            if missing := [column for column in importer.required if not data.get(column)]:
                result.state, result.reasons = ERROR, [_("required: %(columns)s") % {"columns": ", ".join(missing)}]
            else:
                try:
                    with transaction.atomic():
                        result.label, result.state = importer.row(data, number)
                except RowError as exc:
                    result.state, result.reasons = ERROR, [str(reason) for reason in exc.args]
                except IntegrityError as exc:
                    result.state, result.reasons = (
                        ERROR,
                        [_("violates a database constraint (%(error)s)") % {"error": exc}],
                    )
            report.rows.append(result)
        report.written = commit and report.is_valid
        if not report.written:
            transaction.set_rollback(True)
    return report


# --- export ---------------------------------------------------------------------------------


def export_rows(*, kind: str, queryset: models.QuerySet) -> tuple[tuple[str, ...], list[list[str]]]:
    """The rows the matching importer reads back unchanged."""
    columns = IMPORTERS[kind].columns
    rows = []
    for obj in queryset:
        if kind == "recommendations":
            values = {
                "document": obj.document.symbol, "paragraph": obj.paragraph, "kind": obj.kind, "text": obj.text,
                "summary": obj.summary, "addressee": obj.addressee, "position": obj.position,
                "targets": "; ".join(link.target.code for link in obj.target_links.all()),
            }  # fmt: skip
        elif kind == "links":
            end = next(name for name in ("target", "instrument", "programme") if hasattr(obj, name + "_id"))
            other = getattr(obj, end)
            values = {
                "recommendation": obj.recommendation.slug, end: getattr(other, LinkImporter.ends[end][2]),
                "source": obj.source_symbol, "locator": obj.source_locator, "rationale": obj.rationale,
                "basis": obj.basis,
            }  # fmt: skip
        else:
            values = {
                "slug": obj.slug, "year": obj.year, "country": obj.country.slug if obj.country else "",
                "region": obj.region, "programme": obj.programme.slug if obj.programme else "",
                "theme": obj.theme.slug if obj.theme else "", "description": obj.description,
                "source": obj.source_symbol, "locator": obj.source_locator,
                "instruments": "; ".join(instrument.slug for instrument in obj.instruments.all()),
            }  # fmt: skip
        rows.append([str(values.get(column, "")) for column in columns])
    return columns, rows


def render_table(*, columns: Iterable[str], rows: list[list[str]], file_format: str) -> bytes:
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet()
        sheet.append(list(columns))
        for row in rows:
            sheet.append(row)
        out = io.BytesIO()
        workbook.save(out)
        return out.getvalue()
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
