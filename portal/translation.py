"""Curated content in the six UN languages (django-modeltranslation).

Each app's `translation.py` (found by modeltranslation like an `admin.py`) names the fields a reader
reads in their language: `register_translated(Theme, fields=("name", "description"))` gives `name` the
columns `name_ar`, `name_zh_hans`, `name_en`, `name_fr`, `name_ru` and `name_es` in the same table.

- Reading `theme.name` gives the active language's text, else the English (no query: the columns
  come with the row). `is_english_fallback(theme, "name")` says which one a page shows.
- The base column (`name`) keeps the English: every save writes it from `name_en`, and queries,
  ordering and the PostgreSQL search vectors read it (portal/translated.py, mixed into `Curated`
  and `CuratedQuerySet`, turns off modeltranslation's rewriting of lookups to the active language).
- `official` fields (an instrument's official title) are filled in another language only from an
  official UN text in that language, never translated by a curator or a machine; the admin says so.
- The history records every language (each model's historical model is registered too) and a
  revert restores them.
"""

from django.conf import settings
from django.utils import translation
from modeltranslation.translator import TranslationOptions, translator

OTHER_LANGUAGES = tuple(code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE)


def localized_name(field: str, language: str) -> str:
    """`title`, `zh-hans` -> `title_zh_hans`: the column of one language."""
    return f"{field}_{language.replace('-', '_')}"


def register_translated(model, *, fields: tuple[str, ...], official: tuple[str, ...] = ()) -> None:
    """Give `fields` of `model` a column per UN language; the English one is as required as the field was."""
    options = type(
        f"{model.__name__}TranslationOptions",
        (TranslationOptions,),
        {"fields": fields, "required_languages": (settings.LANGUAGE_CODE,)},
    )
    translator.register(model, options)
    model.translated_fields = fields
    model.official_translated_fields = official
    history = getattr(model, "history", None)
    if history is not None:
        _register_history(history.model, options, fields)


def _register_history(history_model, options, fields) -> None:
    """The historical model gets the same columns (django-simple-history copies every concrete field of
    the entry, the languages included), and a revert's instance gets every language back."""
    translator.register(history_model, type(f"Historical{options.__name__}", (TranslationOptions,), {"fields": fields}))
    names = [localized_name(field, code) for field in fields for code, _ in settings.LANGUAGES]
    build_instance = history_model.instance.fget

    def get_instance(self):
        with translation.override(settings.LANGUAGE_CODE):
            instance = build_instance(self)
        for name in names:
            setattr(instance, name, getattr(self, name))
        return instance

    history_model.instance = property(get_instance)


def is_english_fallback(obj, field: str) -> bool:
    """Whether `obj.<field>`, read in the active language, is the English text standing in for a missing translation."""
    language = translation.get_language() or settings.LANGUAGE_CODE
    if language == settings.LANGUAGE_CODE or field not in getattr(type(obj), "translated_fields", ()):
        return False
    if language not in OTHER_LANGUAGES:
        return False
    return not getattr(obj, localized_name(field, language), None) and bool(getattr(obj, field, None))


from portal.models import Theme  # noqa: E402  (after the helpers the apps' translation.py import)

register_translated(Theme, fields=("name", "description"))
