"""The link text indexed in an SDG target is joined in a fixed order (by rationale), so the stored
vector is the same whatever order the links were loaded in (a dump and reload gives the same rows)."""

from django.db import migrations

from portal.search.triggers import postgresql_only

ORDERED = r"""
CREATE OR REPLACE FUNCTION portal_target_link_text(target bigint) RETURNS text
LANGUAGE plpgsql STABLE AS $$
DECLARE
    link record;
    part text;
    result text := '';
BEGIN
    FOR link IN SELECT * FROM portal_search_target_links ORDER BY link_table LOOP
        EXECUTE format(
            'SELECT string_agg(l.rationale, '' '' ORDER BY l.rationale, l.id) FROM %I l JOIN %I o ON o.id = l.%I '
            'WHERE l.target_id = $1 AND l.status = ''published'' AND o.status = ''published''',
            link.link_table, link.owner_table, link.owner_column
        ) INTO part USING target;
        result := concat_ws(' ', result, part);
    END LOOP;
    RETURN result;
END
$$;
UPDATE portal_target SET code = code;
"""

UNORDERED = r"""
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


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0009_content_version"),
    ]

    operations = [postgresql_only([ORDERED], [UNORDERED])]
