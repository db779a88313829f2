"""Seed stages for the shared core: the SDG framework and the themes (registered with `portal.seeding`)."""

from __future__ import annotations

from portal.models import UN_LANGUAGES, Goal, Indicator, Target, Theme
from portal.seeding import CURATED_KEYS, Loader, SeedError, Stage, register

SDG_FRAMEWORK = "sdg/sdg_framework.json"
SDG_TRANSLATIONS = "sdg/sdg_translations.json"
THEMES = "themes.json"


def load_sdg(loader: Loader) -> None:
    framework = loader.read(SDG_FRAMEWORK)
    translations = loader.read(SDG_TRANSLATIONS)
    try:
        languages = translations["languages"]
        goals, targets, indicators = framework["goals"], framework["targets"], framework["indicators"]
    except (KeyError, TypeError) as exc:
        raise SeedError(loader.fixtures_dir / "sdg", f"unexpected layout, missing {exc}") from None

    def translated(kind: str, code: str, part: str | None = None) -> dict:
        result = {}
        for lang in UN_LANGUAGES:
            entry = languages.get(lang, {}).get(kind, {}).get(code)
            if entry is not None:
                result[lang] = entry[part] if part else entry
        return result

    loader.path = loader.fixtures_dir / SDG_FRAMEWORK
    goals_by_code = {}
    for goal in goals:
        with loader.record(f"goal {goal.get('code')}"):
            goals_by_code[goal["code"]] = loader.upsert(
                Goal,
                {"code": goal["code"]},
                {
                    "number": int(goal["code"]),
                    "title": goal["title"],
                    "short_title": goal["short_title"],
                    "titles": translated("goals", goal["code"], "title"),
                    "short_titles": translated("goals", goal["code"], "short_title"),
                },
            )
    targets_by_code = {}
    for position, target in enumerate(targets, start=1):
        with loader.record(f"target {target.get('code')}"):
            if target["goal"] not in goals_by_code:
                raise loader.error(f'unknown goal "{target["goal"]}"')
            targets_by_code[target["code"]] = loader.upsert(
                Target,
                {"code": target["code"]},
                {
                    "goal": goals_by_code[target["goal"]],
                    "position": position,
                    "title": target["title"],
                    "titles": translated("targets", target["code"]),
                },
            )
    for position, indicator in enumerate(indicators, start=1):
        with loader.record(f"indicator {indicator.get('code')}"):
            if indicator["target"] not in targets_by_code:
                raise loader.error(f'unknown target "{indicator["target"]}"')
            loader.upsert(
                Indicator,
                {"code": indicator["code"]},
                {
                    "target": targets_by_code[indicator["target"]],
                    "position": position,
                    "title": indicator["title"],
                    "unsd_code": indicator.get("unsd_code", ""),
                    "also_listed_as": indicator.get("also_listed_as", []),
                    "titles": translated("indicators", indicator["code"]),
                },
            )


def load_themes(loader: Loader) -> None:
    # Themes load before the documents their sources cite exist: the documents stage checks them.
    for record in loader.records(loader.read(THEMES)):
        with loader.record(f"theme {record.get('slug')}"):
            loader.check_keys(
                record, {"slug", "name"}, {"code", "description", "scheme", "parent", "position", *CURATED_KEYS}
            )
            loader.upsert(
                Theme,
                {"slug": record["slug"]},
                {
                    "code": record.get("code", ""),
                    "name": record["name"],
                    "description": record.get("description", ""),
                    "scheme": record.get("scheme", "thematic_area"),
                    "parent": loader.optional_lookup(Theme, "slug", record.get("parent"), "parent"),
                    "position": record.get("position", 0),
                    **loader.curated_without_sources(record),
                },
            )


register(
    Stage(
        name="sdg",
        order=10,
        load=load_sdg,
        files=(SDG_FRAMEWORK, SDG_TRANSLATIONS),
        natural_keys={Goal: ("code",), Target: ("code",), Indicator: ("code",)},
    )
)
register(Stage(name="themes", order=20, load=load_themes, files=(THEMES,), natural_keys={Theme: ("slug",)}))
