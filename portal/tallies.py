"""Tallies: the counts the home, goal and target pages show, kept in a table so that a page reads them in
one small query instead of counting every link (at 100x content, counting was most of those pages' time).

They are counted again after every committed change of content (`versioning.after_each_change`, connected
in `PortalConfig.ready`) and after `migrate`, in one transaction that sees one snapshot, and stamped with
the content version they were counted at. A page uses them only when the stamp is the current version;
otherwise (in the moment between a change and its count, or when counting failed) it counts live, as it
always did, so a page is never wrong, only slower. What is kept is bounded by the SDG framework (goals,
targets, sections), not by the amount of content.

Keys: `home:<order>` (a line of the home page's counts), `goal:<code>:<section>` (entries linked to the
goal or its targets, each once), `target:<code>:<section>` (entries linked to the target) and
`target:<code>:<section>:<part>` (the same, of one part of the target page's section).
"""

from __future__ import annotations

import hashlib
import logging

from django.db import DatabaseError, connection, models, transaction
from django.db.models import Count, Subquery

from portal.content import target_link_models
from portal.models import Goal, Target
from portal.pages import HomeCount, counted_links, goal_sections, link_sections, registered
from portal.tally import Tally

logger = logging.getLogger(__name__)


def stamp() -> str:
    """The key present in every complete count: it names what was counted (the registered home lines,
    sections and parts), so that a deployment that adds one makes the tallies stale until they are counted
    again, rather than showing 0 for it."""
    sections = link_sections()
    shape = [home_key(line) for line in registered(HomeCount)] + [section.name for section in sections]
    shape += [f"{section.name}:{part.anchor}" for section in sections for part in section.parts]
    return "stamp:" + hashlib.sha256("|".join(shape).encode()).hexdigest()[:16]


def home_key(line: HomeCount) -> str:
    return f"home:{line.order}"


def goal_key(code: str, section: str) -> str:
    return f"goal:{code}:{section}"


def target_key(code: str, section: str, part: str = "") -> str:
    return f"target:{code}:{section}" + (f":{part}" if part else "")


def count_everything() -> dict[str, int]:
    """Every tally, counted live (the same counts the pages make when the tallies are stale)."""
    counts = {home_key(line): line.queryset().count() for line in registered(HomeCount)}
    for goal in counted_links(Goal.objects.all(), by="target__goal"):
        counts.update({goal_key(goal.code, section.name): n for section, n in goal.link_counts if n})
    for target in counted_links(Target.objects.all(), by="target"):
        counts.update({target_key(target.code, section.name): n for section, n in target.link_counts if n})
    for section in link_sections():
        for part in section.parts:
            per_target = (
                section.model.objects.published()
                .filter(**section.published_ends, **part.filters)
                .order_by()
                .values_list("target__code")
                .annotate(n=Count("pk"))
            )
            counts.update({target_key(code, section.name, part.anchor): n for code, n in per_target})
    return counts


def refresh() -> bool:
    """Count everything for the current content version, unless that is done; True if it counted."""
    from portal.versioning import SINGLETON_ID, ContentVersion

    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:  # the version and the counts from one snapshot
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        version = ContentVersion.objects.filter(pk=SINGLETON_ID).values_list("number", flat=True).first() or 0
        if Tally.objects.filter(key=stamp(), version=version).exists():
            return False
        counts = count_everything()
        Tally.objects.all().delete()
        Tally.objects.bulk_create(
            [Tally(key=key, number=number, version=version) for key, number in {**counts, stamp(): 0}.items()]
        )
    return True


def refresh_after_migrate(**kwargs) -> None:
    """After `migrate` (every deployment runs it): what a new release registers is counted at once."""
    refresh_after_commit()


def refresh_after_commit() -> None:
    """`refresh`, for `transaction.on_commit`: a failure is logged, never raised into the change that
    committed (the pages count live until the next change). Two changes committed at once count at once;
    on PostgreSQL the later one's snapshot then meets the earlier one's rows (a serialization failure), so
    it counts once more, from a new snapshot (or finds its version counted)."""
    try:
        try:
            refresh()
        except DatabaseError:
            refresh()
    except Exception:
        logger.exception("Counting the tallies failed; pages count live until the next change of content.")


def current(*prefixes: str) -> dict[str, int] | None:
    """The tallies whose key starts with one of `prefixes`, if they were counted for the current content
    version (one query); None when they are stale. A missing key is then a count of 0."""
    from portal.versioning import SINGLETON_ID, ContentVersion

    version = ContentVersion.objects.filter(pk=SINGLETON_ID).values("number")
    complete = stamp()
    wanted = models.Q(key=complete)
    for prefix in prefixes:
        wanted |= models.Q(key__startswith=prefix)
    rows = dict(Tally.objects.filter(wanted, version=Subquery(version)).values_list("key", "number"))
    return rows if rows.pop(complete, None) is not None else None


# --- What the pages read --------------------------------------------------------------------------------


def home_counts() -> tuple[list[tuple[HomeCount, int]], set[str]]:
    """The home page's counts and the codes of the goals with content: from the tallies, or counted live."""
    lines = registered(HomeCount)
    found = current("home:", "goal:")
    if found is None:
        return [(line, line.queryset().count()) for line in lines], goals_with_content()
    return [(line, found.get(home_key(line), 0)) for line in lines], {
        key.split(":")[1] for key in found if key[:5] == "goal:"
    }


def goals_with_content() -> set[str]:
    """The codes of the goals with at least one published link to one of their targets or to the goal as
    a whole, the linked entry published too: one query (a union over the link sections), counted live."""
    querysets = [
        section.model.objects.published()
        .filter(**section.published_ends)
        .order_by()
        .values_list("target__goal__code", flat=True)
        for section in link_sections()
    ] + [
        section.goal_model.objects.published()
        .filter(**section.published_ends)
        .order_by()
        .values_list("goal__code", flat=True)
        for section in goal_sections()
    ]
    return set(querysets[0].union(*querysets[1:]))


def counted(objects, *, by: str, found: dict[str, int] | None) -> list:
    """`pages.counted_links` (each goal or target with `link_counts` and `linked_total`), from the tallies
    `found` when they are current, else counted live."""
    if found is None:
        return counted_links(objects, by=by)
    key = goal_key if by == "target__goal" else target_key
    objects = list(objects)
    for obj in objects:
        obj.link_counts = [(section, found.get(key(obj.code, section.name), 0)) for section in link_sections()]
        obj.linked_total = sum(count for _, count in obj.link_counts)
    return objects


def goal_entries(goal: Goal, found: dict[str, int] | None) -> dict[str, int]:
    """Per section, how many entries are linked to `goal` or to its targets, each once."""
    if found is None:
        return {section.name: section.count_goal_entries(goal) for section in link_sections()}
    return {section.name: found.get(goal_key(goal.code, section.name), 0) for section in link_sections()}


def target_totals(target: Target) -> dict[str, int] | None:
    """Per section and per part of a section (`<section>:<part>`), how many entries are linked to `target`:
    None when the tallies are stale (each section then counts its own)."""
    found = current(f"target:{target.code}:")
    if found is None:
        return None
    start = len(target_key(target.code, ""))
    return {key[start:]: number for key, number in found.items()}


def targets_linked(link_model) -> set[str] | None:
    """The codes of the targets with a published link of `link_model` (its entry published too), from the
    tallies; None when they are stale or do not count that kind of link."""
    names = {model: name for name, model in target_link_models().items()}
    section = names.get(link_model)
    if section not in {section.name for section in link_sections()}:
        return None
    found = current("target:")
    if found is None:
        return None
    return {key.split(":")[1] for key in found if key.count(":") == 2 and key.endswith(f":{section}")}
