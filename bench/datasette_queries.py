"""The canned queries Datasette answers in `make bench`: each benchmarked portal URL as one SQL statement.

bench/run.py builds an SQLite copy of the bench's content (`migrate`, `seed` and, at the larger scale,
`generate_scale_data`, as on PostgreSQL), writes these queries to Datasette's metadata file and asks
Datasette for `/<DATABASE>/<query>.json?<parameters>`: the same logical question as the portal's page
or endpoint, over the same published rows, bounded the same way, in one statement per URL.

Each query returns one row: plain columns for single values (a count, the target's code) and JSON
columns (SQLite's json1) for lists: a section is `{"total": n, "first": [...]}` with its first
SECTION_LIMIT rows in the portal's order and the total as a window count over the same rows, as
`portal.pages.first_and_total` reads them. Published means what the querysets' `published()` mean:
the row's status, the status of the entries it hangs from (a provision's instrument, a recommendation's
document) and, for a link, both of its ends (`LinkQuerySet.published`).

Not reproduced byte for byte: the HTML, the URLs the portal builds for each entry, the six-language
titles, the indicators' source quotations on the target page (read from a JSON file, not the database)
and the choices of the recommendations page's filter form. Search runs on `LIKE '%word%'` over the
fields each search source weighs (the portal's own SQLite engine, portal/search/engines/sqlite.py), not
PostgreSQL full-text search: the portal's SQLite tables have no full-text index.
"""

from __future__ import annotations

from typing import NamedTuple

DATABASE = "portal"  # the SQLite file's stem: Datasette serves it at /portal/

# The portal's bounds (`bounds_that_differ()`: bench/run.py checks them before a run, and so does a test).
SECTION_LIMIT = 20  # portal.pages.SECTION_LIMIT: each section of a shared page and of the target's API detail
HOME_FEATURED_LIMIT = 30  # standards.pages.HOME_FEATURED_LIMIT (one more is read: "are there more?")
RECENT_PER_KIND, RECENT_SHOWN = 5, 8  # portal.views.RECENT_PER_KIND, RECENT_SHOWN
LIST_PAGE_SIZE = 25  # portal.views.FilteredListView.paginate_by: the HTML lists
API_PAGE_SIZE = 50  # portal.api.pagination.PAGE_SIZE
SEARCH_PAGE_SIZE = 20  # portal.search.PAGE_SIZE
FACET_LIMIT = 10  # portal.search.FACET_LIMIT


def section(columns: str, rows: str, limit: int = SECTION_LIMIT) -> str:
    """`{"total": n, "first": [...]}`: the first `limit` of `rows` (FROM ... ORDER BY ...) as JSON objects of
    `columns` (json_object's name, value pairs), and how many rows there are in all (a window count)."""
    return f"""(
    select json_object('total', coalesce(max(in_all), 0), 'first', json_group_array(json(item)))
    from (select json_object({columns}) as item, count(*) over () as in_all {rows} limit {limit})
  )"""


EVIDENCE = """'source_symbol', l.source_symbol, 'source_locator', l.source_locator, 'rationale', l.rationale,
    'basis', l.basis, 'link_updated_at', l.updated_at"""

# --- `/`: the home page --------------------------------------------------------------------------

# The goals with at least one published link (to one of their targets or to the goal as a whole), both ends
# published: one union over the link tables, as portal.views.goals_with_content.
GOALS_WITH_CONTENT = """
  select t.goal_id from standards_instrumenttarget l
    join standards_instrument i on i.id = l.instrument_id join portal_target t on t.id = l.target_id
    where l.status = 'published' and i.status = 'published'
  union select t.goal_id from standards_provisiontarget l
    join standards_provision p on p.id = l.provision_id join standards_instrument i on i.id = p.instrument_id
    join portal_target t on t.id = l.target_id
    where l.status = 'published' and p.status = 'published' and i.status = 'published'
  union select t.goal_id from programmes_programmetarget l
    join programmes_programme pr on pr.id = l.programme_id join portal_target t on t.id = l.target_id
    where l.status = 'published' and pr.status = 'published'
  union select t.goal_id from recommendations_recommendationtarget l
    join recommendations_recommendation r on r.id = l.recommendation_id
    join recommendations_document d on d.id = r.document_id join portal_target t on t.id = l.target_id
    where l.status = 'published' and r.status = 'published' and d.status = 'published'
  union select l.goal_id from standards_instrumentgoal l join standards_instrument i on i.id = l.instrument_id
    where l.status = 'published' and i.status = 'published'
  union select l.goal_id from programmes_programmegoal l join programmes_programme pr on pr.id = l.programme_id
    where l.status = 'published' and pr.status = 'published'
  union select l.goal_id from recommendations_recommendationgoal l
    join recommendations_recommendation r on r.id = l.recommendation_id
    join recommendations_document d on d.id = r.document_id
    where l.status = 'published' and r.status = 'published' and d.status = 'published'"""

HOME = f"""
select
  (select count(*) from standards_instrument where status = 'published') as instruments,
  (select count(*) from standards_provision p join standards_instrument i on i.id = p.instrument_id
    where p.status = 'published' and i.status = 'published') as provisions,
  (select count(*) from programmes_programme where status = 'published') as programmes,
  (select count(*) from programmes_resource where status = 'published') as resources,
  (select count(*) from recommendations_recommendation r join recommendations_document d on d.id = r.document_id
    where r.status = 'published' and d.status = 'published' and r.kind != 'finding') as recommendations,
  (select count(*) from programmes_activity a left join programmes_country c on c.id = a.country_id
    where a.status = 'published' and (a.country_id is null or c.status = 'published')) as activities,
  (select json_group_array(json_object('code', code, 'short_title', short_title, 'has_content', has_content))
    from (select code, short_title, id in ({GOALS_WITH_CONTENT}) as has_content from portal_goal order by number)
  ) as goals,
  (select json_group_array(json_object('slug', slug, 'name', name, 'code', code))
    from (select slug, name, code from portal_theme where status = 'published' order by position, name)
  ) as themes,
  (select json_group_array(json_object('slug', slug, 'title', title, 'short_title', short_title, 'year', year))
    from (select slug, title, short_title, year from standards_instrument
      where status = 'published' and category = 'standard_and_norm'
      order by coalesce(nullif(short_title, ''), title), id limit {HOME_FEATURED_LIMIT + 1})
  ) as featured_instruments,
  (select json_group_array(json_object('kind', kind, 'key', key, 'title', title, 'updated_at', updated_at))
    from (select * from (
        select * from (select 'instrument' as kind, slug as key, coalesce(nullif(short_title, ''), title) as title,
          updated_at from standards_instrument where status = 'published'
          order by updated_at desc limit {RECENT_PER_KIND})
        union all
        select * from (select 'programme', slug, title, updated_at from programmes_programme
          where status = 'published' order by updated_at desc limit {RECENT_PER_KIND})
        union all
        select * from (select 'recommendation', r.slug, d.symbol || ', para. ' || r.paragraph, r.updated_at
          from recommendations_recommendation r join recommendations_document d on d.id = r.document_id
          where r.status = 'published' and d.status = 'published'
          order by r.updated_at desc limit {RECENT_PER_KIND})
      ) order by updated_at desc limit {RECENT_SHOWN})
  ) as recent
"""

# --- `/sdg/`: per goal, the distinct published entries linked to it -------------------------------

# Per section, (goal, entry) pairs: through a target of the goal or to the goal as a whole; counted
# distinct, so an entry linked to three targets of a goal (or to a target and the goal) counts once.
GOAL_ENTRIES = {
    "instruments": """
      select t.goal_id, l.instrument_id as entry from standards_instrumenttarget l
        join standards_instrument i on i.id = l.instrument_id join portal_target t on t.id = l.target_id
        where l.status = 'published' and i.status = 'published'
      union select l.goal_id, l.instrument_id from standards_instrumentgoal l
        join standards_instrument i on i.id = l.instrument_id
        where l.status = 'published' and i.status = 'published'""",
    "provisions": """
      select t.goal_id, l.provision_id as entry from standards_provisiontarget l
        join standards_provision p on p.id = l.provision_id join standards_instrument i on i.id = p.instrument_id
        join portal_target t on t.id = l.target_id
        where l.status = 'published' and p.status = 'published' and i.status = 'published'""",
    "programmes": """
      select t.goal_id, l.programme_id as entry from programmes_programmetarget l
        join programmes_programme pr on pr.id = l.programme_id join portal_target t on t.id = l.target_id
        where l.status = 'published' and pr.status = 'published'
      union select l.goal_id, l.programme_id from programmes_programmegoal l
        join programmes_programme pr on pr.id = l.programme_id
        where l.status = 'published' and pr.status = 'published'""",
    "recommendations": """
      select t.goal_id, l.recommendation_id as entry from recommendations_recommendationtarget l
        join recommendations_recommendation r on r.id = l.recommendation_id
        join recommendations_document d on d.id = r.document_id join portal_target t on t.id = l.target_id
        where l.status = 'published' and r.status = 'published' and d.status = 'published'
      union select l.goal_id, l.recommendation_id from recommendations_recommendationgoal l
        join recommendations_recommendation r on r.id = l.recommendation_id
        join recommendations_document d on d.id = r.document_id
        where l.status = 'published' and r.status = 'published' and d.status = 'published'""",
}


def goal_counts(name: str) -> str:
    return f"""left join (select goal_id, count(distinct entry) as n from ({GOAL_ENTRIES[name]}
  ) group by goal_id) {name} on {name}.goal_id = g.id"""


GOALS = f"""
select g.code, g.short_title, g.title,
  (select count(*) from portal_target t where t.goal_id = g.id) as targets,
  coalesce(instruments.n, 0) as instruments, coalesce(provisions.n, 0) as provisions,
  coalesce(programmes.n, 0) as programmes, coalesce(recommendations.n, 0) as recommendations
from portal_goal g
{goal_counts("instruments")}
{goal_counts("provisions")}
{goal_counts("programmes")}
{goal_counts("recommendations")}
order by g.number
"""

# --- `/sdg/16.3/` and `/api/v1/targets/16.3/`: what is linked to one target -----------------------

TARGET = "(select id from portal_target where code = :target)"
TARGET_GOAL = "(select goal_id from portal_target where code = :target)"


def instrument_links(categories: tuple[str, ...] = ()) -> str:
    """The target's published instrument links (of these categories), by the name people know them by."""
    where = f" and i.category in ({', '.join(repr(c) for c in categories)})" if categories else ""
    return section(
        f"""'slug', i.slug, 'title', i.title, 'short_title', i.short_title, 'category', i.category,
      'updated_at', i.updated_at, 'also_goal', exists(select 1 from standards_instrumentgoal g
        where g.instrument_id = i.id and g.goal_id = {TARGET_GOAL} and g.status = 'published'), {EVIDENCE}""",
        f"""from standards_instrumenttarget l join standards_instrument i on i.id = l.instrument_id
      where l.target_id = {TARGET} and l.status = 'published' and i.status = 'published'{where}
      order by coalesce(nullif(i.short_title, ''), i.title), i.id""",
    )


PROVISION_LINKS = section(
    f"""'instrument', i.slug, 'instrument_title', coalesce(nullif(i.short_title, ''), i.title), 'ref', p.ref,
      'kind', p.kind, 'number', p.number, 'section', p.section, 'updated_at', p.updated_at, {EVIDENCE}""",
    f"""from standards_provisiontarget l join standards_provision p on p.id = l.provision_id
      join standards_instrument i on i.id = p.instrument_id
      where l.target_id = {TARGET} and l.status = 'published' and p.status = 'published' and i.status = 'published'
      order by i.title, p.position""",
)
PROGRAMME_LINKS = section(
    f"""'slug', pr.slug, 'title', pr.title, 'short_title', pr.short_title, 'updated_at', pr.updated_at,
      'also_goal', exists(select 1 from programmes_programmegoal g
        where g.programme_id = pr.id and g.goal_id = {TARGET_GOAL} and g.status = 'published'), {EVIDENCE}""",
    f"""from programmes_programmetarget l join programmes_programme pr on pr.id = l.programme_id
      where l.target_id = {TARGET} and l.status = 'published' and pr.status = 'published'
      order by pr.title""",
)


def recommendation_links(kinds: tuple[str, ...] = ()) -> str:
    """The target's published recommendation links (of these kinds), by document and paragraph order."""
    where = f" and r.kind in ({', '.join(repr(k) for k in kinds)})" if kinds else ""
    return section(
        f"""'slug', r.slug, 'document', d.symbol, 'paragraph', r.paragraph, 'kind', r.kind, 'summary', r.summary,
      'updated_at', r.updated_at, 'also_goal', exists(select 1 from recommendations_recommendationgoal g
        where g.recommendation_id = r.id and g.goal_id = {TARGET_GOAL} and g.status = 'published'), {EVIDENCE}""",
        f"""from recommendations_recommendationtarget l
      join recommendations_recommendation r on r.id = l.recommendation_id
      join recommendations_document d on d.id = r.document_id
      where l.target_id = {TARGET} and l.status = 'published' and r.status = 'published'
        and d.status = 'published'{where}
      order by d.symbol, r.position""",
    )


TARGET_HEAD = """
select t.code, t.title, t.titles, t.updated_at, g.code as goal, g.short_title as goal_short_title,
  (select json_group_array(json_object('code', code, 'title', title, 'unsd_code', unsd_code,
      'also_listed_as', json(also_listed_as), 'titles', json(titles)))
    from (select * from portal_indicator where target_id = t.id order by position)) as indicators,"""

# The page splits two sections by kind (standards.pages, recommendations.pages: LinkPart), each bounded.
TARGET_PAGE = f"""{TARGET_HEAD}
  {instrument_links(("standard_and_norm",))} as standards_and_norms,
  {instrument_links(("treaty",))} as treaties,
  {instrument_links(("congress_declaration", "un_declaration", "model_treaty", "regional", "related"))}
    as other_instruments,
  {PROVISION_LINKS} as provisions,
  {PROGRAMME_LINKS} as programmes,
  {recommendation_links(("recommendation", "finding"))} as recommendations,
  {recommendation_links(("question", "summary_of_views"))} as questions
from portal_target t join portal_goal g on g.id = t.goal_id where t.code = :target
"""

# The API keeps one list per section.
TARGET_API = f"""{TARGET_HEAD}
  {instrument_links()} as instruments,
  {PROVISION_LINKS} as provisions,
  {PROGRAMME_LINKS} as programmes,
  {recommendation_links()} as recommendations
from portal_target t join portal_goal g on g.id = t.goal_id where t.code = :target
"""

# --- `/instruments/<slug>/`: an instrument, its provisions and everything linked to it -------------

INSTRUMENT = f"""
select i.slug, i.title, i.short_title, i.aliases, i.kind, i.category, i.adopting_body, i.resolution_symbol,
  i.resolution_note, i.year, i.adopted_on, i.summary, i.official_text_note, i.sources, i.general_knowledge,
  i.updated_at,
  (select json_group_array(json_object('slug', slug, 'name', name))
    from (select th.slug, th.name from standards_instrument_themes it join portal_theme th on th.id = it.theme_id
      where it.instrument_id = i.id and th.status = 'published' order by th.position, th.name)) as themes,
  (select json_group_array(json_object('ref', ref, 'kind', kind, 'number', number, 'part', part,
      'part_title', part_title, 'category', category, 'section', section))
    from (select * from standards_provision where instrument_id = i.id and status = 'published'
      order by position)) as provisions,
  {
    section(
        f"'target', t.code, 'goal', g.code, {EVIDENCE}",
        '''from standards_instrumenttarget l join portal_target t on t.id = l.target_id
      join portal_goal g on g.id = t.goal_id
      where l.instrument_id = i.id and l.status = 'published' order by t.position''',
    )
} as targets,
  {
    section(
        f"'goal', g.code, 'short_title', g.short_title, {EVIDENCE}",
        '''from standards_instrumentgoal l join portal_goal g on g.id = l.goal_id
      where l.instrument_id = i.id and l.status = 'published' order by g.number''',
    )
} as goals,
  {
    section(
        f"'ref', p.ref, 'kind', p.kind, 'number', p.number, 'target', t.code, {EVIDENCE}",
        '''from standards_provisiontarget l join standards_provision p on p.id = l.provision_id
      join portal_target t on t.id = l.target_id
      where p.instrument_id = i.id and l.status = 'published' and p.status = 'published'
      order by p.position, t.position''',
    )
} as rule_targets,
  {
    section(
        f"'slug', pr.slug, 'title', pr.title, {EVIDENCE}",
        '''from programmes_programmeinstrument l join programmes_programme pr on pr.id = l.programme_id
      where l.instrument_id = i.id and l.status = 'published' and pr.status = 'published' order by pr.title''',
    )
} as programmes,
  {
    section(
        f"'slug', rs.slug, 'title', rs.title, 'publisher', rs.publisher, {EVIDENCE}",
        '''from programmes_resourceinstrument l join programmes_resource rs on rs.id = l.resource_id
      where l.instrument_id = i.id and l.status = 'published' and rs.status = 'published' order by rs.title''',
    )
} as resources,
  {
    section(
        f"'slug', r.slug, 'document', d.symbol, 'paragraph', r.paragraph, 'kind', r.kind, {EVIDENCE}",
        '''from recommendations_recommendationinstrument l
      join recommendations_recommendation r on r.id = l.recommendation_id
      join recommendations_document d on d.id = r.document_id
      where l.instrument_id = i.id and l.status = 'published' and r.status = 'published'
        and d.status = 'published'
      order by d.symbol, r.position''',
    )
} as recommendations,
  {
    section(
        ''''slug', a.slug, 'year', a.year, 'region', a.region, 'country', c.name, 'description', a.description,
      'source_symbol', a.source_symbol, 'source_locator', a.source_locator''',
        '''from programmes_activity_instruments ai join programmes_activity a on a.id = ai.activity_id
      left join programmes_country c on c.id = a.country_id
      where ai.instrument_id = i.id and a.status = 'published' and (a.country_id is null or c.status = 'published')
      order by a.year desc, c.name, a.slug''',
    )
} as activities
from standards_instrument i where i.slug = :slug and i.status = 'published'
"""

# --- `/recommendations/?target=` and `/api/v1/recommendations/?target=` ----------------------------

# Published recommendations (their document published) with a published link to the target: EXISTS, no
# join, as portal.filters.linked_to_target; in the lists' total order (document symbol, position, id).
LINKED_TO_TARGET = """from recommendations_recommendation r join recommendations_document d on d.id = r.document_id
  where r.status = 'published' and d.status = 'published'
    and exists(select 1 from recommendations_recommendationtarget l
      where l.recommendation_id = r.id and l.target_id = (select id from portal_target where code = :target)
        and l.status = 'published')"""

RECOMMENDATIONS_PAGE = f"""
select (select count(*) {LINKED_TO_TARGET}) as count,
  (select json_group_array(json(item)) from (
    select json_object('slug', r.slug, 'document', d.symbol, 'document_title', d.title,
      'is_un_symbol', d.is_un_symbol, 'paragraph', r.paragraph, 'kind', r.kind,
      'summary', coalesce(nullif(r.summary, ''), r.text)) as item
    {LINKED_TO_TARGET}
    order by d.symbol, r.position, r.id limit {LIST_PAGE_SIZE})) as results
"""


def linked_keys(link_table: str, other_table: str, other: str, key: str, order: str, *, curated: bool = True) -> str:
    """The keys of the entries a recommendation has published links to (the API list's `targets`, `instruments`
    ...); a curated entry must be published too (SDG targets and goals are reference data)."""
    published = " and o.status = 'published'" if curated else ""
    return f"""(select json_group_array(key) from (select o.{key} as key from {link_table} l
        join {other_table} o on o.id = l.{other}_id
        where l.recommendation_id = r.id and l.status = 'published'{published} order by o.{order}))"""


RECOMMENDATIONS_API = f"""
select (select count(*) {LINKED_TO_TARGET}) as count,
  (select json_group_array(json(item)) from (
    select json_object('slug', r.slug, 'document', d.symbol, 'paragraph', r.paragraph, 'position', r.position,
      'kind', r.kind,
      'meeting', (select m.slug from recommendations_meeting m where m.id = d.meeting_id and m.status = 'published'),
      'agenda_item', (select ai.ref from recommendations_agendaitem ai join recommendations_meeting m
        on m.id = ai.meeting_id where ai.id = r.agenda_item_id and ai.status = 'published'
        and m.status = 'published'),
      'addressee', r.addressee, 'summary', r.summary, 'text', r.text, 'is_quotation', r.is_quotation,
      'citation', d.symbol || ', para. ' || r.paragraph,
      'themes', (select json_group_array(slug) from (select th.slug from recommendations_recommendation_themes rt
        join portal_theme th on th.id = rt.theme_id where rt.recommendation_id = r.id and th.status = 'published'
        order by th.position, th.name)),
      'targets', json({
    linked_keys("recommendations_recommendationtarget", "portal_target", "target", "code", "position", curated=False)
}),
      'goals', json({
    linked_keys("recommendations_recommendationgoal", "portal_goal", "goal", "code", "number", curated=False)
}),
      'instruments', json({
    linked_keys("recommendations_recommendationinstrument", "standards_instrument", "instrument", "slug", "title")
}),
      'programmes', json({
    linked_keys("recommendations_recommendationprogramme", "programmes_programme", "programme", "slug", "title")
}),
      'updated_at', r.updated_at) as item
    {LINKED_TO_TARGET}
    order by d.symbol, r.position, r.id limit {API_PAGE_SIZE})) as results
"""

# --- `/search/?q=` and `/api/v1/search/?q=`: one ranked, faceted search ----------------------------

# Every search source (portal/search/sdg.py and each app's search.py): its published rows whose weighted
# fields contain the word, scored as the portal's SQLite engine scores them: the weight of the best field
# it occurs in (A 1.0, B 0.4, C 0.2, D 0.1) times the source's type weight (and kind weight).
# `owner` is the id whose themes the hit carries (a provision: its instrument's).
LIKE = "'%' || :q || '%'"


def score(weighted: dict[str, tuple[str, ...]]) -> str:
    weights = {"A": 1.0, "B": 0.4, "C": 0.2, "D": 0.1}
    cases = " ".join(
        f"when {' or '.join(f'{column} like {LIKE}' for column in columns)} then {weights[weight]}"
        for weight, columns in weighted.items()
    )
    return f"(case {cases} else 0 end)"


def matching(weighted: dict[str, tuple[str, ...]]) -> str:
    return " or ".join(f"{column} like {LIKE}" for columns in weighted.values() for column in columns)


class Source(NamedTuple):
    """One kind of search result (a `portal.search.Source`), in SQL."""

    type: str
    order: int  # the type facet's order and the tie-break between equal scores
    rows: str  # FROM ... WHERE <published>
    weighted: dict[str, tuple[str, ...]]  # columns by weight, as the portal's source weighs its fields
    weight: str  # the type weight (times the kind weight: recommendations)
    pk: str  # the entry's id
    key: str  # its natural key
    title: str
    owner: str = ""  # whose themes it carries, if not its own (a provision: its instrument's)
    document: str = "null"  # the `document` facet value


SOURCES = [
    Source(
        "instrument",
        10,
        "from standards_instrument i where i.status = 'published'",
        {
            "A": ("i.title", "i.short_title", "i.aliases", "i.resolution_symbol"),
            "B": ("i.summary",),
            "D": ("i.official_text_note",),
        },
        "1.5",
        "i.id",
        "i.slug",
        "coalesce(nullif(i.short_title, ''), i.title)",
    ),
    Source(
        "provision",
        20,
        """from standards_provision p join standards_instrument i on i.id = p.instrument_id
    where p.status = 'published' and i.status = 'published'""",
        {
            "A": ("p.number",),
            "B": ("p.section", "p.category", "p.part_title"),
            "C": ("p.text",),
            "D": ("i.title", "i.short_title"),
        },
        "1.8",
        "p.id",
        "i.slug || '/' || p.ref",
        "coalesce(nullif(i.short_title, ''), i.title) || ', ' || p.kind || ' ' || p.number",
        owner="i.id",
    ),
    Source(
        "programme",
        30,
        "from programmes_programme pr where pr.status = 'published'",
        {"A": ("pr.title", "pr.short_title"), "B": ("pr.summary",), "C": ("pr.facts", "pr.lead_entity", "pr.partners")},
        "1.1",
        "pr.id",
        "pr.slug",
        "coalesce(nullif(pr.short_title, ''), pr.title)",
    ),
    Source(
        "resource",
        40,
        "from programmes_resource rs where rs.status = 'published'",
        {"A": ("rs.title",), "B": ("rs.summary",), "C": ("rs.facts", "rs.publisher")},
        "1.0",
        "rs.id",
        "rs.slug",
        "rs.title",
    ),
    Source(
        "country",
        42,
        """from programmes_country c where c.status = 'published'
    and exists(select 1 from programmes_activity a where a.country_id = c.id and a.status = 'published')""",
        {"A": ("c.name", "c.iso3")},
        "2.0",
        "c.id",
        "c.slug",
        "c.name",
    ),
    Source(
        "activity",
        44,
        """from programmes_activity a left join programmes_country c on c.id = a.country_id
    left join programmes_programme pr on pr.id = a.programme_id
    where a.status = 'published' and (a.country_id is null or c.status = 'published')""",
        {
            "A": ("c.name", "a.region"),
            "B": ("a.description",),
            "C": ("pr.title", "pr.short_title"),
            "D": ("a.source_symbol",),
        },
        "0.6",
        "a.id",
        "a.slug",
        "coalesce(c.name, nullif(a.region, ''), 'Global') || ', ' || a.year",
    ),
    Source(
        "recommendation",
        50,
        """from recommendations_recommendation r join recommendations_document d on d.id = r.document_id
    where r.status = 'published' and d.status = 'published'""",
        {"B": ("r.summary",), "C": ("r.text",), "D": ("r.addressee", "d.symbol")},
        "(case r.kind when 'recommendation' then 1.3 when 'summary_of_views' then 0.9 else 1.0 end)",
        "r.id",
        "r.slug",
        "d.symbol || ', para. ' || r.paragraph",
        document="d.symbol",
    ),
    Source(
        "agenda_item",
        53,
        """from recommendations_agendaitem ai join recommendations_meeting m on m.id = ai.meeting_id
    where ai.status = 'published' and m.status = 'published'""",
        {"A": ("ai.title",), "B": ("ai.kind", "ai.number"), "D": ("m.title", "m.short_title")},
        "0.2",
        "ai.id",
        "m.slug || '/' || ai.ref",
        "ai.number || ': ' || ai.title",
    ),
    Source(
        "meeting",
        55,
        "from recommendations_meeting m where m.status = 'published'",
        {"A": ("m.title", "m.short_title"), "B": ("m.summary", "m.city", "m.country")},
        "1.2",
        "m.id",
        "m.slug",
        "coalesce(nullif(m.short_title, ''), m.title)",
    ),
    Source(
        "document",
        60,
        "from recommendations_document dc where dc.status = 'published'",
        {"A": ("dc.title", "dc.symbol"), "B": ("dc.summary",)},
        "1.0",
        "dc.id",
        "dc.symbol",
        "case when dc.is_un_symbol then dc.symbol else dc.title end",
        document="dc.symbol",
    ),
    Source(
        "goal",
        68,
        "from portal_goal g where 1",  # reference data: no status
        {"A": ("g.code", "g.short_title"), "B": ("g.title",), "C": ("g.short_titles", "g.titles")},
        "1.2",
        "g.id",
        "g.code",
        "'Goal ' || g.code || ': ' || g.short_title",
    ),
    Source(
        "target",
        70,
        "from portal_target t where 1",
        {"A": ("t.code",), "B": ("t.title",), "C": ("t.titles",)},
        "1.0",
        "t.id",
        "t.code",
        "'Target ' || t.code",
    ),
    Source(
        "indicator",
        80,
        "from portal_indicator n where 1",
        {"A": ("n.code",), "B": ("n.title",), "C": ("n.titles",)},
        "0.8",
        "n.id",
        "n.code",
        "'Indicator ' || n.code",
    ),
]

HITS = "\n  union all\n".join(
    f"""  select '{s.type}' as type, {s.order} as type_order, {s.pk} as pk, {s.owner or s.pk} as owner,
    {s.key} as key, {s.title} as title, {s.document} as document, {score(s.weighted)} * {s.weight} as score
  {s.rows} and ({matching(s.weighted)})"""
    for s in SOURCES
)

# The themes each kind of hit carries (through its owner: a provision carries its instrument's).
HIT_THEMES = """
  select h.rowid_ as hit, th.slug, th.name, th.position from hits h join standards_instrument_themes x
    on h.type in ('instrument', 'provision') and x.instrument_id = h.owner join portal_theme th
    on th.id = x.theme_id and th.status = 'published'
  union all select h.rowid_, th.slug, th.name, th.position from hits h join programmes_programme_themes x
    on h.type = 'programme' and x.programme_id = h.owner join portal_theme th
    on th.id = x.theme_id and th.status = 'published'
  union all select h.rowid_, th.slug, th.name, th.position from hits h join programmes_resource_themes x
    on h.type = 'resource' and x.resource_id = h.owner join portal_theme th
    on th.id = x.theme_id and th.status = 'published'
  union all select h.rowid_, th.slug, th.name, th.position from hits h join recommendations_recommendation_themes x
    on h.type = 'recommendation' and x.recommendation_id = h.owner join portal_theme th
    on th.id = x.theme_id and th.status = 'published'
  union all select h.rowid_, th.slug, th.name, th.position from hits h join recommendations_document_themes x
    on h.type = 'document' and x.document_id = h.owner join portal_theme th
    on th.id = x.theme_id and th.status = 'published'
  union all select h.rowid_, th.slug, th.name, th.position from hits h join recommendations_agendaitem_themes x
    on h.type = 'agenda_item' and x.agendaitem_id = h.owner join portal_theme th
    on th.id = x.theme_id and th.status = 'published'"""

# The SDG goals each hit is linked to (published links, both ends published; to a target or the goal as a
# whole), or is (a goal, a target's goal, an indicator's target's goal).
HIT_GOALS = """
  select h.rowid_ as hit, t.goal_id from hits h join standards_instrumenttarget l
    on h.type = 'instrument' and l.instrument_id = h.pk and l.status = 'published'
    join portal_target t on t.id = l.target_id
  union select h.rowid_, l.goal_id from hits h join standards_instrumentgoal l
    on h.type = 'instrument' and l.instrument_id = h.pk and l.status = 'published'
  union select h.rowid_, t.goal_id from hits h join standards_provisiontarget l
    on h.type = 'provision' and l.provision_id = h.pk and l.status = 'published'
    join portal_target t on t.id = l.target_id
  union select h.rowid_, t.goal_id from hits h join programmes_programmetarget l
    on h.type = 'programme' and l.programme_id = h.pk and l.status = 'published'
    join portal_target t on t.id = l.target_id
  union select h.rowid_, l.goal_id from hits h join programmes_programmegoal l
    on h.type = 'programme' and l.programme_id = h.pk and l.status = 'published'
  union select h.rowid_, t.goal_id from hits h join recommendations_recommendationtarget l
    on h.type = 'recommendation' and l.recommendation_id = h.pk and l.status = 'published'
    join portal_target t on t.id = l.target_id
  union select h.rowid_, l.goal_id from hits h join recommendations_recommendationgoal l
    on h.type = 'recommendation' and l.recommendation_id = h.pk and l.status = 'published'
  union select h.rowid_, h.pk from hits h where h.type = 'goal'
  union select h.rowid_, t.goal_id from hits h join portal_target t on h.type = 'target' and t.id = h.pk
  union select h.rowid_, t.goal_id from hits h join portal_indicator n on h.type = 'indicator' and n.id = h.pk
    join portal_target t on t.id = n.target_id"""

SEARCH = f"""
with hits as (
  select row_number() over () as rowid_, * from (
{HITS}
  )
)
select
  (select count(*) from hits) as count,
  (select json_group_array(json_object('type', type, 'key', key, 'title', title, 'score', score))
    from (select * from hits order by score desc, type_order, title, pk limit {SEARCH_PAGE_SIZE})) as results,
  (select json_group_array(json_object('value', type, 'count', n))
    from (select type, min(type_order) as o, count(*) as n from hits group by type order by o)) as type_facet,
  (select json_group_array(json_object('value', slug, 'label', name, 'count', n))
    from (select slug, name, count(distinct hit) as n from ({HIT_THEMES}) group by slug
      order by n desc, min(position), name
      limit {FACET_LIMIT})) as theme_facet,
  (select json_group_array(json_object('value', g.code, 'label', g.short_title, 'count', n))
    from (select goal_id, count(distinct hit) as n from ({HIT_GOALS}) group by goal_id) x
      join portal_goal g on g.id = x.goal_id order by g.number) as goal_facet,
  (select json_group_array(json_object('value', document, 'count', n))
    from (select document, count(*) as n from hits where document is not null group by document
      order by n desc, document limit {FACET_LIMIT})) as document_facet
"""

QUERIES = {
    "home": HOME,
    "goals": GOALS,
    "target_page": TARGET_PAGE,
    "instrument": INSTRUMENT,
    "recommendations_page": RECOMMENDATIONS_PAGE,
    "search": SEARCH,
    "target_api": TARGET_API,
    "recommendations_api": RECOMMENDATIONS_API,
}

# Each benchmarked portal URL and the Datasette URL that asks the same question.
URLS = {
    "/": "home.json",
    "/sdg/": "goals.json",
    "/sdg/16.3/": "target_page.json?target=16.3",
    "/instruments/nelson-mandela-rules/": "instrument.json?slug=nelson-mandela-rules",
    "/recommendations/?target=16.3": "recommendations_page.json?target=16.3",
    "/search/?q=prison": "search.json?q=prison",
    "/api/v1/targets/16.3/": "target_api.json?target=16.3",
    "/api/v1/recommendations/?target=16.3": "recommendations_api.json?target=16.3",
    "/api/v1/search/?q=prison": "search.json?q=prison",
}


def metadata() -> dict:
    """Datasette's metadata file: the canned queries of the database."""
    return {"databases": {DATABASE: {"queries": {name: {"sql": sql.strip()} for name, sql in QUERIES.items()}}}}


def datasette_url(url: str) -> str:
    return f"/{DATABASE}/{URLS[url]}"


def bounds_that_differ() -> dict[str, tuple[int, int]]:
    """The bounds above that are no longer the portal's, as {name: (here, the portal's)} (needs Django set up)."""
    from portal import pages, search, views
    from portal.api import pagination
    from standards.pages import HOME_FEATURED_LIMIT as featured

    portal = {
        "SECTION_LIMIT": pages.SECTION_LIMIT,
        "HOME_FEATURED_LIMIT": featured,
        "RECENT_PER_KIND": views.RECENT_PER_KIND,
        "RECENT_SHOWN": views.RECENT_SHOWN,
        "LIST_PAGE_SIZE": views.FilteredListView.paginate_by,
        "API_PAGE_SIZE": pagination.PAGE_SIZE,
        "SEARCH_PAGE_SIZE": search.PAGE_SIZE,
        "FACET_LIMIT": search.FACET_LIMIT,
    }
    return {name: (globals()[name], value) for name, value in portal.items() if globals()[name] != value}
