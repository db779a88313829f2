"""Activities and countries become searchable: their `search_vector` and its PostgreSQL trigger.

Activity: A = its country's name and region, B = description, C = programme, D = source symbol
(also as "76/182") and year. Country: A = name and ISO code. Renaming a country or a programme
refreshes its activities.
"""

import django.contrib.postgres.search
from django.db import migrations

from portal.search.triggers import cascade_sql, drop_cascade_sql, postgresql_only, vector_trigger

ACTIVITY = """NEW.search_vector := portal_search_vector(
        concat_ws(' ', (SELECT c.name FROM programmes_country c WHERE c.id = NEW.country_id), NEW.region),
        NEW.description,
        (SELECT concat_ws(' ', p.title, p.short_title) FROM programmes_programme p WHERE p.id = NEW.programme_id),
        concat_ws(' ', portal_symbol_text(NEW.source_symbol), NEW.year::text));"""

COUNTRY = "NEW.search_vector := portal_search_vector(concat_ws(' ', NEW.name, NEW.iso3), '', '', '');"


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0005_country_curated"),
        ("portal", "0003_search_triggers"),
    ]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.AddField(
            model_name="country",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        vector_trigger("programmes_country", COUNTRY),
        vector_trigger("programmes_activity", ACTIVITY),
        postgresql_only(
            [
                cascade_sql("programmes_country", "programmes_activity", "country_id", "OLD.name IS DISTINCT FROM NEW.name"),
                cascade_sql(
                    "programmes_programme",
                    "programmes_activity",
                    "programme_id",
                    "OLD.title IS DISTINCT FROM NEW.title OR OLD.short_title IS DISTINCT FROM NEW.short_title",
                ),
            ],
            [
                drop_cascade_sql("programmes_country", "programmes_activity"),
                drop_cascade_sql("programmes_programme", "programmes_activity"),
            ],
        ),
    ]
