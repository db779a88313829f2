"""Meetings become searchable: their `search_vector` and its PostgreSQL trigger.

A = title and short title, B = summary, city and country (so "Kyoto" finds the Fourteenth Congress).
"""

import django.contrib.postgres.search
from django.db import migrations

from portal.search.triggers import vector_trigger

MEETING = """NEW.search_vector := portal_search_vector(
        concat_ws(' ', NEW.title, NEW.short_title),
        concat_ws(' ', NEW.summary, NEW.city, NEW.country),
        '',
        '');"""


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
    ]
