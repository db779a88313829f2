"""Agenda items and workshops become searchable: their `search_vector` and its PostgreSQL trigger.

A = title, B = kind and number ("workshop 2", "agenda item 4"), D = the meeting's titles (kept
current when the meeting is renamed).
"""

import django.contrib.postgres.search
from django.db import migrations

from portal.search.triggers import cascade_sql, drop_cascade_sql, postgresql_only, vector_trigger

AGENDA_ITEM = """NEW.search_vector := portal_search_vector(
        NEW.title,
        concat_ws(' ', replace(NEW.kind, '_', ' '), NEW.number),
        '',
        (SELECT concat_ws(' ', m.title, m.short_title) FROM recommendations_meeting m WHERE m.id = NEW.meeting_id));"""


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0006_target_link_text"),
        ("portal", "0003_search_triggers"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendaitem",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        vector_trigger("recommendations_agendaitem", AGENDA_ITEM),
        postgresql_only(
            [
                cascade_sql(
                    "recommendations_meeting",
                    "recommendations_agendaitem",
                    "meeting_id",
                    "OLD.title IS DISTINCT FROM NEW.title OR OLD.short_title IS DISTINCT FROM NEW.short_title",
                )
            ],
            [drop_cascade_sql("recommendations_meeting", "recommendations_agendaitem")],
        ),
    ]
