"""Site search on PostgreSQL: extensions, the `portal_english` text search configuration, and the
triggers that keep every `search_vector` current (with GIN indexes on them).

Weights: A = title, short title, code, aliases (a recommendation has no title: its one-line
summary plays that part); B = summary (or section heading, official target text); C = body text;
D = context (the instrument a provision belongs to, the document symbol of a
recommendation). `portal_english` is English stemming with accents folded (unaccent), so
"Côte d'Ivoire" and "Cote d'Ivoire" match and highlighting works on the original text.

Nothing here runs on SQLite (the fields stay empty there and search falls back to a plain match).
"""

from django.db import migrations

SETUP = r"""
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_english') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_english (COPY = english);
        ALTER TEXT SEARCH CONFIGURATION portal_english
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION portal_search_vector(a text, b text, c text, d text) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('portal_english'::regconfig, coalesce(a, '')), 'A')
        || setweight(to_tsvector('portal_english'::regconfig, coalesce(b, '')), 'B')
        || setweight(to_tsvector('portal_english'::regconfig, coalesce(c, '')), 'C')
        || setweight(to_tsvector('portal_english'::regconfig, coalesce(d, '')), 'D')
$$;

CREATE OR REPLACE FUNCTION portal_json_text(value jsonb) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(string_agg(item, ' '), '') FROM jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(value) = 'array' THEN value ELSE '[]'::jsonb END
    ) AS item
$$;

-- "A/RES/69/194" is also found as "69/194" (how resolutions are usually cited).
CREATE OR REPLACE FUNCTION portal_symbol_text(symbol text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(symbol, '') || ' ' || regexp_replace(coalesce(symbol, ''), '^[A-Z]+/RES/', '')
$$;
"""

# table -> body of a BEFORE INSERT OR UPDATE trigger function computing NEW.search_vector.
VECTORS = {
    "portal_target": """
        NEW.search_vector := portal_search_vector(NEW.code, NEW.title, '', '');""",
    "portal_indicator": """
        NEW.search_vector := portal_search_vector(NEW.code, NEW.title, '', '');""",
    "standards_instrument": """
        NEW.search_vector := portal_search_vector(
            concat_ws(' ', NEW.title, NEW.short_title, portal_json_text(NEW.aliases)),
            NEW.summary,
            portal_symbol_text(NEW.resolution_symbol),
            NEW.official_text_note);""",
    "standards_provision": """
        NEW.search_vector := portal_search_vector(
            concat_ws(' ', NEW.kind, NEW.number),
            concat_ws(' ', NEW.section, NEW.category, NEW.part_title),
            NEW.text,
            (SELECT concat_ws(' ', i.short_title, i.title) FROM standards_instrument i WHERE i.id = NEW.instrument_id));""",
    "programmes_programme": """
        NEW.search_vector := portal_search_vector(
            concat_ws(' ', NEW.title, NEW.short_title, portal_json_text(NEW.aliases)),
            NEW.summary,
            concat_ws(' ', NEW.facts, NEW.lead_entity, NEW.partners),
            '');""",
    "programmes_resource": """
        NEW.search_vector := portal_search_vector(
            NEW.title, NEW.summary, concat_ws(' ', NEW.facts, NEW.publisher), '');""",
    "recommendations_document": """
        NEW.search_vector := portal_search_vector(
            concat_ws(' ', NEW.title, NEW.symbol), NEW.summary, '', '');""",
    "recommendations_recommendation": """
        NEW.search_vector := portal_search_vector(
            NEW.summary,
            '',
            NEW.text,
            concat_ws(' ', NEW.addressee,
                (SELECT d.symbol FROM recommendations_document d WHERE d.id = NEW.document_id)));""",
}

# A change to a parent's name refreshes the children whose vectors include it.
CASCADES = {
    "standards_instrument": (
        "standards_provision",
        "instrument_id",
        "OLD.title IS DISTINCT FROM NEW.title OR OLD.short_title IS DISTINCT FROM NEW.short_title",
    ),
    "recommendations_document": ("recommendations_recommendation", "document_id", "OLD.symbol IS DISTINCT FROM NEW.symbol"),
}


def forward_sql() -> list[str]:
    statements = [SETUP]
    for table, body in VECTORS.items():
        statements.append(
            f"""
CREATE OR REPLACE FUNCTION {table}_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN{body}
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_search_vector();
CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin (search_vector);
"""
        )
    for parent, (child, column, changed) in CASCADES.items():
        statements.append(
            f"""
CREATE OR REPLACE FUNCTION {parent}_search_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {child} SET search_vector = NULL WHERE {column} = NEW.id;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {parent}_search_cascade ON {parent};
CREATE TRIGGER {parent}_search_cascade AFTER UPDATE ON {parent}
    FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {parent}_search_cascade();
"""
        )
    # Fill the vectors of rows that already exist (the triggers compute them).
    statements += [f"UPDATE {table} SET search_vector = NULL;" for table in VECTORS]
    return statements


def backward_sql() -> list[str]:
    statements = []
    for parent in CASCADES:
        statements.append(f"DROP TRIGGER IF EXISTS {parent}_search_cascade ON {parent};")
        statements.append(f"DROP FUNCTION IF EXISTS {parent}_search_cascade();")
    for table in VECTORS:
        statements.append(f"DROP TRIGGER IF EXISTS {table}_search_vector ON {table};")
        statements.append(f"DROP FUNCTION IF EXISTS {table}_search_vector();")
        statements.append(f"DROP INDEX IF EXISTS {table}_search_gin;")
    statements += [
        "DROP FUNCTION IF EXISTS portal_search_vector(text, text, text, text);",
        "DROP FUNCTION IF EXISTS portal_json_text(jsonb);",
        "DROP FUNCTION IF EXISTS portal_symbol_text(text);",
        "DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_english;",
    ]
    return statements


def run(statements):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        for statement in statements():
            schema_editor.execute(statement)

    return operation


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_search_vector"),
        ("standards", "0002_search_vector"),
        ("programmes", "0002_search_vector"),
        ("recommendations", "0002_search_vector"),
    ]

    operations = [
        migrations.RunPython(run(forward_sql), run(backward_sql), elidable=False),
    ]
