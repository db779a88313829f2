"""SDG goals become searchable: their `search_vector` and its PostgreSQL trigger.

A = "Goal", code and short title, B = the official title.
"""

import django.contrib.postgres.search
from django.db import migrations

from portal.search.triggers import vector_trigger

GOAL = """NEW.search_vector := portal_search_vector(
        concat_ws(' ', 'Goal', NEW.code, NEW.short_title), NEW.title, '', '');"""


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_seed_fingerprint"),
    ]

    operations = [
        migrations.AddField(
            model_name="goal",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        vector_trigger("portal_goal", GOAL),
    ]
