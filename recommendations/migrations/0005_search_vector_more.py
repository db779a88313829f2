"""Meetings become searchable: their `search_vector` and its PostgreSQL trigger.

Meeting: A = title and short title, B = summary, city and country (so "Kyoto" finds the Fourteenth
Congress). Recommendation: its one-line summary moves from A to B (it is a summary in the curators'
words, not a title), so an instrument or rule whose title names the words ranks above a
recommendation that merely mentions them.
"""

import django.contrib.postgres.search
from django.db import migrations

from portal.search.triggers import postgresql_only, trigger_sql, vector_trigger

MEETING = """NEW.search_vector := portal_search_vector(
        concat_ws(' ', NEW.title, NEW.short_title),
        concat_ws(' ', NEW.summary, NEW.city, NEW.country),
        '',
        '');"""


def recommendation(summary_weight: str) -> str:
    a, b = ("NEW.summary", "''") if summary_weight == "A" else ("''", "NEW.summary")
    return f"""NEW.search_vector := portal_search_vector(
        {a},
        {b},
        NEW.text,
        concat_ws(' ', NEW.addressee,
            (SELECT d.symbol FROM recommendations_document d WHERE d.id = NEW.document_id)));"""


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0004_history_of_m2m_tags"),
        ("portal", "0003_search_triggers"),
    ]

    operations = [
        migrations.AddField(
            model_name="meeting",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        vector_trigger("recommendations_meeting", MEETING),
        postgresql_only(
            [trigger_sql("recommendations_recommendation", recommendation("B"))],
            [trigger_sql("recommendations_recommendation", recommendation("A"))],
        ),
    ]
