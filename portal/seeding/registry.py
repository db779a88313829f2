"""The fixture loaders, registered by the app that owns the content.

Each app keeps a `loaders.py` module that calls `register(Stage(...))`; `PortalConfig.ready()`
imports them all with `autodiscover_modules("loaders")`, as Django's admin finds each `admin.py`.
Seeding knows only what is registered, so adding a content type is a change in one app. Stages
run in the order of their `order` attribute: a stage comes after the stages whose records it
refers to (documents before what cites them, instruments before what links to them).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.core.exceptions import ImproperlyConfigured
from django.db import models

if TYPE_CHECKING:
    from portal.seeding.loader import Loader


@dataclass(frozen=True)
class Stage:
    """One step of `manage.py seed`: what it reads, what it writes, and the function that does it."""

    name: str  # what `seed --only` takes
    order: int  # position among the stages (see the module docstring)
    load: Callable[[Loader], None]
    files: tuple[str, ...]  # the fixture files it reads, relative to fixtures/ (glob patterns allowed)
    natural_keys: Mapping[type[models.Model], tuple[str, ...]]  # the models it writes, keyed by these fields


_stages: dict[str, Stage] = {}
_citations: list[tuple[type[models.Model], str]] = []


def register(stage: Stage) -> Stage:
    """Make a stage part of `manage.py seed`; call it from the owning app's `loaders.py`."""
    if stage.name in _stages:
        raise ImproperlyConfigured(f'The seed stage "{stage.name}" is already registered.')
    taken = {other.order: other.name for other in _stages.values()}
    if stage.order in taken:
        raise ImproperlyConfigured(
            f'The seed stage "{stage.name}" has order {stage.order}, already taken by "{taken[stage.order]}".'
        )
    _stages[stage.name] = stage
    return stage


def unregister(name: str) -> None:
    del _stages[name]


def stages() -> list[Stage]:
    return sorted(_stages.values(), key=lambda stage: stage.order)


def register_citations(model: type[models.Model], field_name: str) -> None:
    """The records that `sources` and link evidence cite, by this field (a document's symbol)."""
    if _citations:
        raise ImproperlyConfigured(f"Citations are already looked up in {_citations[0][0]._meta.label}.")
    _citations.append((model, field_name))


def citations() -> tuple[type[models.Model], str] | None:
    return _citations[0] if _citations else None
