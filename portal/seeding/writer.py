"""Writing records: upsert by natural key, many-to-many sync, history marking and fingerprints.

A record is inserted when missing and updated only while nobody changed it since seed loaded it;
the rules are in `portal.seeding.fingerprints`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import IntegrityError, models, transaction

from portal.seeding.fingerprints import DeletedByCurator, FingerprintBook, describe, plan_update
from portal.seeding.reader import Reader, control_character

if TYPE_CHECKING:
    from portal.seeding.registry import Stage


class Writer(Reader):
    book: FingerprintBook
    force: bool
    stage: Stage | None

    def __init__(self) -> None:
        super().__init__()
        self._seen: dict[tuple[str, tuple], str] = {}  # natural key -> where the fixtures define it
        self._indexes: dict[tuple, dict] = {}
        self._m2m: dict[tuple, dict] = {}

    def attrs(self, model: type[models.Model], values: dict) -> dict:
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

    def index(self, model: type[models.Model], key_attrs: tuple[str, ...]) -> dict:
        """Every record of `model` by the values of `key_attrs`, read once per run."""
        cache_key = (model, key_attrs)
        if cache_key not in self._indexes:
            self._indexes[cache_key] = {
                tuple(getattr(obj, attr) for attr in key_attrs): obj for obj in model._default_manager.all()
            }
        return self._indexes[cache_key]

    def upsert(self, model: type[models.Model], key: dict, values: dict, m2m: dict | None = None) -> models.Model:
        """Insert a missing record; update one nobody changed since it was loaded (see fingerprints)."""
        self.check_declared(model, key)
        key_attrs, value_attrs = self.attrs(model, key), self.attrs(model, values)
        label, natural = model._meta.label, self.natural_key(key)
        self.check_unique(model, natural)
        index = self.index(model, tuple(key_attrs))
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

    def check_declared(self, model: type[models.Model], key: dict) -> None:
        """A stage writes only the models it registered, keyed by the natural key it registered."""
        if self.stage is not None and self.stage.natural_keys.get(model) != tuple(key):
            raise ImproperlyConfigured(
                f'The seed stage "{self.stage.name}" writes {model._meta.label} by ({", ".join(key)}) '
                f"but registers {self.stage.natural_keys.get(model)} as its natural key."
            )

    def check_unique(self, model: type[models.Model], natural: tuple) -> None:
        """Two fixture records with one natural key would silently overwrite each other."""
        here = f"{self.path}, {self.label}"
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
