"""PostgreSQL triggers that keep a table's `search_vector` current, for the apps' own migrations.

Portal migration 0003 creates the shared pieces (`portal_english`, `portal_search_vector(a, b, c, d)`,
`portal_json_text`, `portal_symbol_text`) and the triggers of the first tables; a table added later
gets its trigger from its own app's migration (depending on portal 0003) through `vector_trigger`:

    operations = [migrations.AddField(...), vector_trigger("caselaw_case", "NEW.search_vector := ...;")]
"""

from django.db import migrations


def trigger_sql(table: str, body: str) -> str:
    return f"""
CREATE OR REPLACE FUNCTION {table}_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    {body}
    RETURN NEW;
END
$$;
DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
CREATE TRIGGER {table}_search_vector BEFORE INSERT OR UPDATE ON {table}
    FOR EACH ROW EXECUTE FUNCTION {table}_search_vector();
CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin (search_vector);
UPDATE {table} SET search_vector = NULL;
"""


def drop_trigger_sql(table: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS {table}_search_vector ON {table};
DROP FUNCTION IF EXISTS {table}_search_vector();
DROP INDEX IF EXISTS {table}_search_gin;
"""


def cascade_sql(parent: str, child: str, column: str, changed: str) -> str:
    """A change to the parent's `changed` columns refreshes the children whose vectors include them."""
    return f"""
CREATE OR REPLACE FUNCTION {parent}_{child}_search_cascade() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE {child} SET search_vector = NULL WHERE {column} = NEW.id;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {parent}_{child}_search_cascade ON {parent};
CREATE TRIGGER {parent}_{child}_search_cascade AFTER UPDATE ON {parent}
    FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION {parent}_{child}_search_cascade();
"""


def drop_cascade_sql(parent: str, child: str) -> str:
    return f"""
DROP TRIGGER IF EXISTS {parent}_{child}_search_cascade ON {parent};
DROP FUNCTION IF EXISTS {parent}_{child}_search_cascade();
"""


def postgresql_only(forward: list[str], backward: list[str]) -> migrations.RunPython:
    """Run the statements on PostgreSQL only (SQLite has no `search_vector` to fill)."""

    def run(statements):
        def operation(apps, schema_editor):
            if schema_editor.connection.vendor == "postgresql":
                for statement in statements:
                    schema_editor.execute(statement, params=None)  # no placeholders: "%I" is format()'s

        return operation

    return migrations.RunPython(run(forward), run(backward), elidable=False)


def vector_trigger(table: str, body: str) -> migrations.RunPython:
    """The trigger computing `NEW.search_vector` of `table` with `body`, its GIN index, and a refill."""
    return postgresql_only([trigger_sql(table, body)], [drop_trigger_sql(table)])


def target_links_sql(link_table: str, owner_table: str, owner_column: str) -> str:
    """Index the rationale of a kind of link to SDG targets in the targets' vectors (weight D).

    The link table is recorded in `portal_search_target_links` (portal migration 0008), whose
    `portal_target_link_text(id)` reads every recorded table; a trigger on the link table
    refreshes the targets it touches. Only published links of published entries count.
    """
    return f"""
INSERT INTO portal_search_target_links (link_table, owner_table, owner_column)
    VALUES ('{link_table}', '{owner_table}', '{owner_column}') ON CONFLICT (link_table) DO NOTHING;
CREATE OR REPLACE FUNCTION {link_table}_target_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE portal_target SET search_vector = NULL WHERE id = OLD.target_id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        UPDATE portal_target SET search_vector = NULL WHERE id = NEW.target_id;
    END IF;
    RETURN NULL;
END
$$;
DROP TRIGGER IF EXISTS {link_table}_target_refresh ON {link_table};
CREATE TRIGGER {link_table}_target_refresh AFTER INSERT OR UPDATE OR DELETE ON {link_table}
    FOR EACH ROW EXECUTE FUNCTION {link_table}_target_refresh();
UPDATE portal_target SET search_vector = NULL;
"""


def drop_target_links_sql(link_table: str) -> str:
    return f"""
DELETE FROM portal_search_target_links WHERE link_table = '{link_table}';
DROP TRIGGER IF EXISTS {link_table}_target_refresh ON {link_table};
DROP FUNCTION IF EXISTS {link_table}_target_refresh();
UPDATE portal_target SET search_vector = NULL;
"""


def target_links(link_table: str, owner_table: str, owner_column: str) -> migrations.RunPython:
    return postgresql_only(
        [target_links_sql(link_table, owner_table, owner_column)], [drop_target_links_sql(link_table)]
    )
