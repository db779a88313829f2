"""The basis rule for links to SDG targets, checked mechanically against the source paragraphs.

A link is **stated** when the cited paragraph itself (its footnotes included) names the target
("target 16.3", "Targets 5.2, 8.7, and 16.2"), or names the target's goal and the target is
unambiguous from that text; everything else is the curator's **judgement**. The machine can check
the first half: a stated link's cited words must contain the target code. Links stated on the goal
alone are reviewed by a person and listed in `GOAL_LEVEL_STATEMENTS` with the reason the target is
unambiguous; `stated_links_without_their_target()` finds every other stated link whose cited words
name neither the target nor (for a reviewed one) its goal.

A link to a goal as a whole is **stated** when the cited paragraph names the goal, in its words or in
the heading it sits under (A/CONF.234/PM.1 sets out its chapter II goal by goal, "Sustainable
Development Goal 3. Ensure healthy lives ..."); `stated_goal_links_without_their_goal()` finds every
other stated goal link.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from portal.content import goal_link_models, target_link_models
from portal.models import LinkBasis
from portal.paragraphs import UnknownLocator, cited_parts, cited_text, indexed

GOAL_PHRASE = re.compile(r"\b(?:Sustainable Development Goals?|Goals?|SDGs?)\s*((?:\d+(?:\s*,\s*|\s+and\s+)?)+)", re.I)

# (link kind, the entity's natural key, target code): why the target is unambiguous from the goal-level text.
GOAL_LEVEL_STATEMENTS = {
    ("programme", "global-programme-people-centred-justice", "16.3"): (
        "The section names Goal 16 for ensuring that those affected by crime can seek redress and ends on "
        "'equal access to justice for all', the wording of target 16.3, the one Goal 16 target on access to justice."
    ),
}


def names_target(text: str, code: str) -> bool:
    """The code as a number of its own: "16.3" in "target 16.3" or "indicator 16.3.1", never in "16.30"."""
    return re.search(rf"(?<![\d.]){re.escape(code)}(?![\d])", text) is not None


def names_goal(text: str, goal: str) -> bool:
    """The goal's number in a goal phrase: "Goal 3", "Sustainable Development Goal 3", "Goals 5, 10 and 16"."""
    return any(goal in re.findall(r"\d+", match[1]) for match in GOAL_PHRASE.finditer(text))


@dataclass(frozen=True)
class BasisFinding:
    kind: str  # "instrument", "provision", ...: the entity at the link's other end
    key: str
    target: str
    source: str
    locator: str
    problem: str

    def __str__(self):
        return f"{self.kind} {self.key} → {self.target} ({self.source} {self.locator}): {self.problem}"


def _key(link, kind: str) -> str:
    entity = getattr(link, kind)
    return "/".join(str(part) for part in entity.natural_key())


def stated_links_without_their_target() -> Iterator[BasisFinding]:
    """Stated links to targets whose cited words do not name the target (nor, when reviewed, its goal)."""
    for kind, model in target_link_models().items():
        links = model.objects.filter(basis=LinkBasis.STATED).select_related("target", kind)
        for link in links:
            code = link.target.code
            if not indexed(link.source_symbol):
                continue  # outside the five sources: not checkable here
            try:
                text = cited_text(link.source_symbol, link.source_locator)
            except UnknownLocator as error:
                yield BasisFinding(kind, _key(link, kind), code, link.source_symbol, link.source_locator, str(error))
                continue
            if names_target(text, code):
                continue
            reviewed = (kind, _key(link, kind), code) in GOAL_LEVEL_STATEMENTS
            if reviewed and names_goal(text, code.split(".")[0]):
                continue
            problem = (
                "names the goal only (review it, or mark it judgement)"
                if names_goal(text, code.split(".")[0])
                else "names neither the target nor its goal"
            )
            yield BasisFinding(kind, _key(link, kind), code, link.source_symbol, link.source_locator, problem)


def cited_text_under_headings(symbol: str, locator: str) -> str:
    """The cited words with the heading each cited paragraph sits under (a goal's chapter heading)."""
    parts = cited_parts(symbol, locator)
    return " ".join([*(part.entry.get("heading", "") for part in parts), *(part.text for part in parts)])


def stated_goal_links_without_their_goal() -> Iterator[BasisFinding]:
    """Stated links to a goal as a whole whose cited words (and the headings they sit under) do not name the goal."""
    for kind, model in goal_link_models().items():
        for link in model.objects.filter(basis=LinkBasis.STATED).select_related("goal", kind):
            goal = f"Goal {link.goal.code}"
            if not indexed(link.source_symbol):
                continue  # outside the five sources: not checkable here
            try:
                text = cited_text_under_headings(link.source_symbol, link.source_locator)
            except UnknownLocator as error:
                yield BasisFinding(kind, _key(link, kind), goal, link.source_symbol, link.source_locator, str(error))
                continue
            if not names_goal(text, link.goal.code):
                problem = "names neither the goal nor sits under its heading (mark it judgement)"
                yield BasisFinding(kind, _key(link, kind), goal, link.source_symbol, link.source_locator, problem)
