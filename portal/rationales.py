"""The rationale rule: a link's rationale says why *these two* are linked, so it names or paraphrases both ends.

Checked mechanically on every evidence-bearing link the app registry knows (`portal.content.link_models`),
so a new kind of link is checked the day it is added:

1. **Both ends named.** The rationale contains a significant word (compared by stem, see `stems`) from
   each end's names, and the word that names one end is *its own*: not also a word of the other end's
   names. A sentence that only repeats words both ends share ("Professionals are asked to work within
   the rule of law." for a recommendation on the rule of law and target 16.3) paraphrases one end and
   leaves the link unexplained. A target is also named by its code ("target 16.3"), a goal by its number
   after "Goal", "SDG" or "Sustainable Development Goal", lists included ("Goals 5, 10 and 16").
2. **No generic rationale.** The same sentence, word for word, may not explain links to different
   targets (or to different entities of any kind at the same end): it cannot say why each was chosen.

What names an end: an entity's `rationale_names()` when its model defines one (a provision: its
instrument's names, its part and section; a recommendation: its summary), else its `code`, `title`,
`short_title`, `name` and `aliases` fields, whichever it has. Words that name no particular entity
("recommendation", "programme", "rules", "United Nations"...) are `GENERIC` and never count.
Paraphrase is allowed through `SYNONYMS`, a small explicit list, each entry with its reason.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils import translation

from portal.content import link_models
from portal.models import Goal

STEM_LENGTH = 5  # words are compared by their first five letters: "prisoners" ~ "prison", "children" ~ "child"

# Function words and words that name no particular entity: they never show which entity is meant.
GENERIC_WORDS = """
    a about above across after again against all also am among an and any are as at be been being both but by
    can could did do does each either for from had has have he her here his how i if in into is it its itself
    may more most much must no nor not of on once only or other our out over own same she should so some such
    than that the their them then there these they this those through to too under until up upon very was we
    were what when where which while who whom why will with within would you your per via including include
    includes well ensure ensuring relevant levels level particular particularly
    link linked links recommendation recommendations recommended recommends recommend guide discussion question
    questions paragraph para section source document target targets goal goals sdg sdgs sustainable development
    agenda programme programmes program global initiative project instrument instruments rules rule principles
    guidelines guideline declaration convention standards standard norms united nations un unodc office
    tool publication resource asks asked calls called seeks aims
"""
GENERIC = frozenset(GENERIC_WORDS.split())

# Paraphrases a curator may use for a word of an end's names: each stem on the left counts as the stem on
# the right. Keep it small and say why; a synonym that is not one hides a rationale that says nothing.
SYNONYMS = {
    "women": "woman",  # plural of the same word; the stem differs
    "girls": "woman",  # targets 5.x speak of "women and girls"
    "gende": "woman",  # "gender-responsive", "gender-based violence": targets 5.1-5.2 on women and girls
    "femal": "woman",  # "female offenders" (Bangkok Rules)
    "impri": "priso",  # imprisonment ~ prison, prisoners
    "juven": "child",  # juvenile justice is justice for children
    "young": "youth",  # young people ~ youth
}


def stems(text: str) -> set[str]:
    """The significant words of a text, as comparable stems (lower case, first letters, synonyms applied)."""
    found = set()
    found |= set(
        re.findall(r"\b(?:1[89]|20)\d\d\b", text)
    )  # a year names things too: "2030 Agenda", "1970 UNESCO Convention"
    for word in re.findall(r"[A-Za-z][A-Za-z'’-]*", text):
        for part in re.split(r"[-'’]", word.lower()):
            if len(part) < 3 or part in GENERIC:
                continue
            stem = part[:STEM_LENGTH]
            found.add(SYNONYMS.get(stem, stem))
    return found


CODE = re.compile(r"\d{1,2}\.(?:\d{1,2}|[a-z])")
DEFAULT_NAME_FIELDS = ("title", "short_title", "name", "aliases")


def names_of(entity) -> list[str]:
    """What names an entity in a rationale: its own `rationale_names()`, else its title-like fields."""
    if hasattr(entity, "rationale_names"):
        return [name for name in entity.rationale_names() if name]
    names = []
    for field in DEFAULT_NAME_FIELDS:
        value = getattr(entity, field, "")
        if isinstance(value, list | tuple):
            names.extend(str(item) for item in value)
        elif value:
            names.append(str(value))
    return names


def codes_of(entity) -> set[str]:
    """Labels that name an entity on their own: a target's code ("16.3"), a provision's "rule 24"."""
    if hasattr(entity, "rationale_codes"):
        return set(entity.rationale_codes())
    code = getattr(entity, "code", "")
    return {code} if isinstance(code, str) and CODE.fullmatch(code) else set()


DEICTIC = frozenset({"the", "this", "these", "its", "that"})


def kind_words(entity) -> set[str]:
    """The words for an entity's kind ("programme", "initiative"; "convention"; "question"), in English.

    Only entities that have a kind may be referred to by it: "the Convention" on a link of the Convention,
    "this question" on a question's link. A target has no kind: "the target" never names one."""
    if not hasattr(entity, "get_kind_display"):
        return set()
    with translation.override("en"):
        labels = [str(entity._meta.verbose_name), str(entity.get_kind_display())]
    return {word.lower() for label in labels for word in re.findall(r"[A-Za-z]{4,}", label)} - {"model", "related"}


def refers_by_kind(rationale: str, entity) -> bool:
    """ "The programme", "this initiative", "the Organized Crime Convention": the entity referred to by
    its kind, within four words after "the", "this", "its"..."""
    kinds = kind_words(entity)
    words = [word.lower() for word in re.findall(r"[A-Za-z]+", rationale)]
    for index, word in enumerate(words):
        if word in DEICTIC:
            following = words[index + 1 : index + 5]
            if any(w in kinds or w.rstrip("s") in kinds for w in following):
                return True
    return False


# "Goal 16", "Goals 5, 10 and 16", "Sustainable Development Goals 14 and 15", "SDG 5".
GOALS_NAMED = re.compile(
    r"\b(?:Sustainable Development Goals?|Goals?|SDGs?)\s+(\d{1,2}(?:\s*(?:,|and|&)\s*\d{1,2})*)\b", re.I
)


def goals_named(rationale: str) -> set[str]:
    """The goal numbers a rationale names, lists included: "Goals 5, 10 and 16" names 5, 10 and 16."""
    return {number for match in GOALS_NAMED.finditer(rationale) for number in re.findall(r"\d+", match[1])}


def says_code(rationale: str, code: str) -> bool:
    """The label as a unit of its own: "target 16.3" or "rule 24", never "16.30" or "rule 245"."""
    return re.search(rf"(?<![\w.]){re.escape(code)}(?!\w|\.\w)", rationale, re.I) is not None


@dataclass(frozen=True)
class RationaleFinding:
    kind: str  # the link's verbose name: "recommendation–target link"
    key: str  # the two ends' natural keys
    source: str
    locator: str
    rationale: str
    problem: str

    def __str__(self):
        return f"{self.kind} {self.key} ({self.source} {self.locator}): {self.problem}\n    {self.rationale!r}"


def missing_ends(rationale: str, first, second) -> list[str]:
    """The ends (as "first"/"second") the rationale does not name by a word of their own."""
    said = stems(rationale)
    first_stems = set().union(*(stems(name) for name in names_of(first)))
    second_stems = set().union(*(stems(name) for name in names_of(second)))
    missing = []
    for label, entity, own, other in (
        ("first", first, first_stems, second_stems),
        ("second", second, second_stems, first_stems),
    ):
        if any(says_code(rationale, code) for code in codes_of(entity)) or refers_by_kind(rationale, entity):
            continue
        if isinstance(entity, Goal) and entity.code in goals_named(rationale):
            continue
        if not said & (own - other):
            missing.append(label)
    return missing


def _key(entity) -> str:
    return "/".join(str(part) for part in entity.natural_key())


def link_key(link) -> str:
    first, second = (getattr(link, name) for name in link.link_fields)
    return f"{_key(first)} → {_key(second)}"


def _finding(link, problem: str) -> RationaleFinding:
    return RationaleFinding(
        str(link._meta.verbose_name), link_key(link), link.source_symbol, link.source_locator, link.rationale, problem
    )


def check_links(links: Iterable) -> Iterator[RationaleFinding]:
    """Both rules on the given links (of one Evidence subclass, their ends loaded)."""
    links = list(links)
    for link in links:
        missing = missing_ends(link.rationale, *(getattr(link, name) for name in link.link_fields))
        if missing:
            names = [link.link_fields[0 if end == "first" else 1] for end in missing]
            yield _finding(link, "does not name the " + " nor the ".join(names) + " by a word of its own")
    by_text = defaultdict(list)
    for link in links:
        by_text[" ".join(link.rationale.split()).casefold()].append(link)
    for shared in by_text.values():
        for end in shared[0].link_fields if shared else ():
            ends = {getattr(link, f"{end}_id") for link in shared}
            if len(ends) > 1:
                for link in shared:
                    yield _finding(link, f"the same rationale explains links to {len(ends)} different {end}s")
                break


def _related(model) -> list[str]:
    """The ends to load with each link, and what their names need (a provision's instrument)."""
    related = []
    for name in model.link_fields:
        related.append(name)
        end_model = model._meta.get_field(name).related_model
        related.extend(f"{name}__{path}" for path in getattr(end_model, "rationale_names_related", ()))
    return related


def rationale_findings() -> Iterator[RationaleFinding]:
    """Every link, of every kind the registry knows, whose rationale breaks rule 1 or rule 2."""
    for model in link_models():
        yield from check_links(model.objects.select_related(*_related(model)))
