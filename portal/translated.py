"""How curated models keep the English in the base columns of their translated fields.

django-modeltranslation (portal/translation.py) gives `title` a column per language and makes
reading `entry.title` return the active language's text, else the English. Two things it does are
not what the portal wants, and these mixins (on `Curated` and `CuratedQuerySet`) undo them:

- It rewrites `title` in filters, ordering and `values()` to the active language's column
  (`title_fr`), which is empty for most entries: in French the lists would sort and search on
  nothing. Queries here read the base column, which holds the English.
- A save writes the base column from whatever `entry.title` reads in the active language. Here it
  is always written from the English column, so ordering, filters and the PostgreSQL search
  vectors (triggers on the base columns) read English whichever language the curator works in.
"""

from django.conf import settings
from django.db import models
from django.utils import translation


class EnglishQueriesMixin:
    """For a QuerySet: lookups on a translated field read its base (English) column."""

    def _post_init(self):  # modeltranslation's hook, which would rewrite the default ordering
        self._rewrite = False
        self._populate = None

    def _rewrite_applied_operations(self):
        pass

    def update(self, **kwargs):
        # `update(title=...)` writes the English column with the base one, as a save does.
        for field in getattr(self.model, "translated_fields", ()):
            if field in kwargs:
                kwargs.setdefault(f"{field}_{settings.LANGUAGE_CODE}", kwargs[field])
        return super().update(**kwargs)

    update.alters_data = True


class EnglishBaseColumnsMixin(models.Model):
    """For a model: a save writes each translated field's base column from its English column."""

    class Meta:
        abstract = True

    def save_base(self, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            super().save_base(*args, **kwargs)
