"""The portal's own kinds of result: SDG targets and indicators (reference data, never drafts)."""

from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import UN_LANGUAGES, Goal, Indicator, Target, sdg_language
from portal.search.sources import Source, register

# The official text in the other UN languages, matched as well (weight C; on PostgreSQL the triggers of
# portal migration 0011 put the same texts in the vectors).
OTHER_LANGUAGES = tuple(language for language in UN_LANGUAGES if language != "en")
TRANSLATED_TITLES = tuple(f"titles__{language}" for language in OTHER_LANGUAGES)
TRANSLATED_SHORT_TITLES = tuple(f"short_titles__{language}" for language in OTHER_LANGUAGES)


def in_language(row: dict, field: str) -> str:
    """The row's `field` in the page's language (its `<field>s__<language>` column), else English."""
    return row.get(f"{field}s__{sdg_language()}") or row[field]


def describe_goal(row):
    url = reverse_lazy("portal:goal-detail", kwargs={"code": row["code"]})
    title = gettext("Goal %(code)s: %(title)s") % {"code": row["code"], "title": in_language(row, "short_title")}
    return row["code"], title, in_language(row, "title"), url


def describe_target(row):
    url = reverse_lazy("portal:target-detail", kwargs={"code": row["code"]})
    goal = gettext("Goal %(code)s") % {"code": row["goal__code"]}
    return row["code"], gettext("Target %(code)s") % {"code": row["code"]}, goal, url


def describe_indicator(row):
    url = format_lazy(
        "{}#indicator-{}", reverse_lazy("portal:target-detail", kwargs={"code": row["target__code"]}), row["code"]
    )
    target = gettext("Target %(code)s") % {"code": row["target__code"]}
    return row["code"], gettext("Indicator %(code)s") % {"code": row["code"]}, target, url


register(
    Source(
        type="goal",
        in_page_language=True,
        order=68,
        label=_("SDG goals"),
        name=_("SDG goal"),
        model=Goal,
        values=("code", "short_title", "title", *TRANSLATED_SHORT_TITLES, *TRANSLATED_TITLES),
        weighted={"A": ("code", "short_title"), "B": ("title",), "C": (*TRANSLATED_SHORT_TITLES, *TRANSLATED_TITLES)},
        snippet=("title",),
        describe=describe_goal,
        vocabulary=("short_title", "title"),
        published_only=False,
        type_weight=1.2,
        code_field="code",
        goal_field="code",
    )
)
register(
    Source(
        type="target",
        in_page_language=True,
        order=70,
        label=_("SDG targets"),
        name=_("SDG target"),
        model=Target,
        values=("code", "goal__code"),
        weighted={"A": ("code",), "B": ("title",), "C": TRANSLATED_TITLES},
        snippet=("title",),
        describe=describe_target,
        vocabulary=("title",),
        published_only=False,
        title_weights="ad",  # its code, and the rationale of the links to it ("trafficking in persons")
        code_field="code",
        goal_field="goal__code",
    )
)
register(
    Source(
        type="indicator",
        in_page_language=True,
        order=80,
        label=_("SDG indicators"),
        name=_("SDG indicator"),
        model=Indicator,
        values=("code", "target__code", "target__goal__code"),
        weighted={"A": ("code",), "B": ("title",), "C": TRANSLATED_TITLES},
        snippet=("title",),
        describe=describe_indicator,
        vocabulary=("title",),
        published_only=False,
        type_weight=0.8,
        code_field="code",
        goal_field="target__goal__code",
    )
)
