"""The portal's own kinds of result: SDG targets and indicators (reference data, never drafts)."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from portal.models import Goal, Indicator, Target
from portal.search.sources import Source, register


def describe_goal(row):
    url = reverse("portal:goal-detail", kwargs={"code": row["code"]})
    title = gettext("Goal %(code)s: %(title)s") % {"code": row["code"], "title": row["short_title"]}
    return row["code"], title, row["title"], url


def describe_target(row):
    url = reverse("portal:target-detail", kwargs={"code": row["code"]})
    goal = gettext("Goal %(code)s") % {"code": row["goal__code"]}
    return row["code"], gettext("Target %(code)s") % {"code": row["code"]}, goal, url


def describe_indicator(row):
    url = reverse("portal:target-detail", kwargs={"code": row["target__code"]}) + f"#indicator-{row['code']}"
    target = gettext("Target %(code)s") % {"code": row["target__code"]}
    return row["code"], gettext("Indicator %(code)s") % {"code": row["code"]}, target, url


register(
    Source(
        type="goal",
        order=68,
        label=_("SDG goals"),
        name=_("SDG goal"),
        model=Goal,
        values=("code", "short_title", "title"),
        weighted={"A": ("code", "short_title"), "B": ("title",)},
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
        order=70,
        label=_("SDG targets"),
        name=_("SDG target"),
        model=Target,
        values=("code", "goal__code"),
        weighted={"A": ("code",), "B": ("title",)},
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
        order=80,
        label=_("SDG indicators"),
        name=_("SDG indicator"),
        model=Indicator,
        values=("code", "target__code", "target__goal__code"),
        weighted={"A": ("code",), "B": ("title",)},
        snippet=("title",),
        describe=describe_indicator,
        vocabulary=("title",),
        published_only=False,
        type_weight=0.8,
        code_field="code",
        goal_field="target__goal__code",
    )
)
