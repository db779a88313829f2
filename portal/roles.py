"""The curation roles, as Django groups with their permissions.

`ensure_roles()` runs after every `migrate` (and `flush`) through `post_migrate`, so the groups exist
in every database, test databases included; it only adds what is missing, so running it again
changes nothing. Editors create and edit drafts and submit them for review; Reviewers may do all
that and also publish and withdraw (the `portal.publish_content` permission); Viewers read.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

EDITOR, REVIEWER, VIEWER = "Editor", "Reviewer", "Viewer"
CONTENT_APPS = ("portal", "standards", "programmes", "recommendations")
REFERENCE_MODELS = {"goal", "target", "indicator"}  # the SDG framework: read only for every role
PUBLISH_PERMISSION = "portal.publish_content"


def role_permissions(permission_model, content_type_model) -> dict[str, list]:
    content_types = [
        content_type
        for content_type in content_type_model.objects.filter(app_label__in=CONTENT_APPS)
        if not content_type.model.startswith("historical")
    ]
    by_action: dict[str, list] = {"view": [], "add": [], "change": []}
    curated_types = [ct for ct in content_types if ct.model not in REFERENCE_MODELS]
    for permission in permission_model.objects.filter(content_type__in=content_types).select_related("content_type"):
        action = permission.codename.split("_", 1)[0]
        if action == "view":
            by_action["view"].append(permission)
        elif action in ("add", "change") and permission.content_type in curated_types:
            by_action[action].append(permission)
    publish = permission_model.objects.filter(content_type__app_label="portal", codename="publish_content")
    return {
        VIEWER: by_action["view"],
        EDITOR: by_action["view"] + by_action["add"] + by_action["change"],
        REVIEWER: by_action["view"] + by_action["add"] + by_action["change"] + list(publish),
    }


def ensure_roles(*, using: str = DEFAULT_DB_ALIAS, apps=global_apps) -> None:
    for label in ("contenttypes", "auth", *CONTENT_APPS):
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    group_model = apps.get_model("auth", "Group")
    permissions = role_permissions(apps.get_model("auth", "Permission"), apps.get_model("contenttypes", "ContentType"))
    for name, wanted in permissions.items():
        group, _ = group_model.objects.using(using).get_or_create(name=name)
        group.permissions.add(*wanted)


def on_post_migrate(sender, *, using=DEFAULT_DB_ALIAS, apps=global_apps, **kwargs) -> None:
    if sender.label == "portal":
        ensure_roles(using=using, apps=apps)
