"""What content the portal holds, found in Django's app registry rather than named app by app.

The shared core knows no content app: cross-cutting features (the coverage report, the admin
dashboard, the target and goal pages, seeding, search) ask this module which curated models and
which evidence-bearing links exist. A content app takes part by subclassing `Curated` or
`Evidence`; the order is the order of `INSTALLED_APPS`, then of the models in each `models.py`,
unless a model sets `content_position` (lower first).
"""

from __future__ import annotations

from django.apps import apps
from django.db import models

from portal.models import Curated, Evidence, Goal, Indicator, Target

REFERENCE_MODELS: tuple[type[models.Model], ...] = (Goal, Target, Indicator)


def _ordered(found: list[type[models.Model]]) -> list[type[models.Model]]:
    position = {model: index for index, model in enumerate(found)}
    return sorted(found, key=lambda model: (getattr(model, "content_position", position[model]), position[model]))


def curated_models() -> list[type[Curated]]:
    """Every concrete curated model (themes, instruments, programmes, ...), in a stable order."""
    return _ordered([model for model in apps.get_models() if issubclass(model, Curated)])


def entity_models() -> list[type[models.Model]]:
    """The SDG framework, then every curated model: what the content report counts."""
    return [*REFERENCE_MODELS, *curated_models()]


def link_models() -> list[type[Evidence]]:
    """Every evidence-bearing link model (an instrument–target link, ...)."""
    return _ordered([model for model in apps.get_models() if issubclass(model, Evidence)])


def target_link_models() -> dict[str, type[Evidence]]:
    """The links that point at an SDG target, keyed by the name of the entity at their other end."""
    return {
        model.link_fields[0]: model
        for model in link_models()
        if model.link_fields[1] == "target" and model._meta.get_field("target").related_model is Target
    }


def goal_link_models() -> dict[str, type[Evidence]]:
    """The links that point at an SDG goal as a whole (the source names the goal, not a target), keyed
    like `target_link_models()` by the name of the entity at their other end."""
    return {
        model.link_fields[0]: model
        for model in link_models()
        if model.link_fields[1] == "goal" and model._meta.get_field("goal").related_model is Goal
    }


def workflow_models() -> list[type[models.Model]]:
    """Everything with a publication status: curated entities and their links."""
    return [*curated_models(), *link_models()]
