"""The rationale of this app's links to SDG targets is indexed in the targets' search vectors (weight D)."""

from django.db import migrations

from portal.search.triggers import target_links


class Migration(migrations.Migration):
    dependencies = [
        ("recommendations", "0005_search_vector_more"),
        ("portal", "0008_target_link_text"),
    ]

    operations = [
        target_links("recommendations_recommendationtarget", "recommendations_recommendation", "recommendation_id"),
    ]
