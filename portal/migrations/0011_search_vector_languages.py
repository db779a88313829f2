"""The SDG goals, targets and indicators are found by their official text in every UN language.

The other five languages' titles go into weight C of the vectors. They are analysed with the same
configuration as the query (`portal_english`: unaccent, then the English stemmer, which leaves
Arabic, Chinese and Cyrillic words as they are and French or Spanish words nearly so), so a word typed
as the text writes it is found; a language's own stemming would need the query analysed per language.
"""

from django.db import migrations

from portal.search.triggers import postgresql_only, trigger_sql

OTHERS = "concat_ws(' ', {column}->>'ar', {column}->>'zh', {column}->>'fr', {column}->>'ru', {column}->>'es')"

VECTORS = {
    "portal_goal": f"""NEW.search_vector := portal_search_vector(
        concat_ws(' ', 'Goal', NEW.code, NEW.short_title), NEW.title,
        concat_ws(' ', {OTHERS.format(column="NEW.short_titles")}, {OTHERS.format(column="NEW.titles")}), '');""",
    "portal_target": f"""NEW.search_vector := portal_search_vector(
        NEW.code, NEW.title, {OTHERS.format(column="NEW.titles")}, portal_target_link_text(NEW.id));""",
    "portal_indicator": f"""NEW.search_vector := portal_search_vector(
        NEW.code, NEW.title, {OTHERS.format(column="NEW.titles")}, '');""",
}
# As they were (portal migrations 0003, 0007 and 0008).
PREVIOUS = {
    "portal_goal": """NEW.search_vector := portal_search_vector(
        concat_ws(' ', 'Goal', NEW.code, NEW.short_title), NEW.title, '', '');""",
    "portal_target": "NEW.search_vector := portal_search_vector(NEW.code, NEW.title, '', portal_target_link_text(NEW.id));",
    "portal_indicator": "NEW.search_vector := portal_search_vector(NEW.code, NEW.title, '', '');",
}


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0010_target_link_text_ordered"),
    ]

    operations = [
        postgresql_only(
            [trigger_sql(table, body) for table, body in VECTORS.items()],
            [trigger_sql(table, body) for table, body in PREVIOUS.items()],
        )
    ]
