"""The rationale of this app's links to SDG targets is indexed in the targets' search vectors (weight D)."""

from django.db import migrations

from portal.search.triggers import target_links


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0006_search_vector_more"),
        ("portal", "0008_target_link_text"),
    ]

    operations = [
        target_links("programmes_programmetarget", "programmes_programme", "programme_id"),
    ]
