"""SDG targets are also found by what the curated links say about them (weight D).

"trafficking in persons" reaches targets 5.2, 8.7 and 16.2 because the links from the Trafficking
in Persons Protocol give that as their rationale. Each app records its links to targets with
`portal.search.triggers.target_links(...)` in its own migration; `portal_target_link_text(id)`
reads every recorded table, so this migration names no app.
"""

from django.db import migrations

from portal.search.triggers import postgresql_only, trigger_sql

FORWARD = r"""
CREATE TABLE IF NOT EXISTS portal_search_target_links (
    link_table text PRIMARY KEY,
    owner_table text NOT NULL,
    owner_column text NOT NULL
);
CREATE OR REPLACE FUNCTION portal_target_link_text(target bigint) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    link record;
    part text;
    result text := '';
BEGIN
    FOR link IN SELECT * FROM portal_search_target_links ORDER BY link_table LOOP
        EXECUTE format(
            'SELECT string_agg(l.rationale, '' '') FROM %I l JOIN %I o ON o.id = l.%I '
            'WHERE l.target_id = $1 AND l.status = ''published'' AND o.status = ''published''',
            link.link_table, link.owner_table, link.owner_column
        ) INTO part USING target;
        result := concat_ws(' ', result, part);
    END LOOP;
    RETURN result;
END
$$;
"""

TARGET = "NEW.search_vector := portal_search_vector(NEW.code, NEW.title, '', portal_target_link_text(NEW.id));"
TARGET_BEFORE = "NEW.search_vector := portal_search_vector(NEW.code, NEW.title, '', '');"


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0007_search_vector_more"),
    ]

    operations = [
        postgresql_only(
            [FORWARD, trigger_sql("portal_target", TARGET)],
            [
                trigger_sql("portal_target", TARGET_BEFORE),
                "DROP FUNCTION IF EXISTS portal_target_link_text(bigint);",
                "DROP TABLE IF EXISTS portal_search_target_links;",
            ],
        ),
    ]
