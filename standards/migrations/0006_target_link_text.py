"""The rationale of this app's links to SDG targets is indexed in the targets' search vectors (weight D)."""

from django.db import migrations

from portal.search.triggers import target_links


class Migration(migrations.Migration):
    dependencies = [
        ("standards", "0005_validate_identifiers"),
        ("portal", "0008_target_link_text"),
    ]

    operations = [
        target_links("standards_instrumenttarget", "standards_instrument", "instrument_id"),
        target_links("standards_provisiontarget", "standards_provision", "provision_id"),
    ]
