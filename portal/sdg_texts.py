"""The SDG texts in the six UN languages: which stored text a language reads, and the model accessor."""

from django.utils.translation import get_language

UN_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")  # the keys of the stored texts (`titles`)


def sdg_language(language: str | None = None) -> str:
    """The key of a language in the SDG texts (`titles`): "fr" for fr, "zh" for zh-hans; "en" for any other."""
    code = (language or get_language() or "en").lower().split("-")[0]
    return code if code in UN_LANGUAGES else "en"


class InLanguage:
    """The SDG texts in the active language (`get_language()`), read from the row itself, so no query.

    `titles` (and a goal's `short_titles`) hold the official text per UN language; a language without
    a translation, and English itself, give the `title` field; `title_is_fallback` says so, so a page can mark
    English text inside another language (`lang="en"`)."""

    def in_language(self, texts: dict, english: str) -> str:
        language = sdg_language()
        # English is the `title` field itself (what the admin edits), not its copy among the languages.
        return english if language == "en" else (texts or {}).get(language) or english

    @property
    def local_title(self) -> str:
        return self.in_language(self.titles, self.title)

    @property
    def title_is_fallback(self) -> bool:
        language = sdg_language()
        return language != "en" and not (self.titles or {}).get(language)
