import pytest
from django.contrib.auth.models import Group, User

from portal.roles import EDITOR, REVIEWER, VIEWER


def make_user(username: str, role: str | None = None, **extra) -> User:
    # No password: the tests log in with force_login, and hashing one costs a third of a second.
    user = User.objects.create_user(username=username, password=None, is_staff=True, **extra)
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", EDITOR)


@pytest.fixture
def reviewer(db):
    return make_user("reviewer", REVIEWER)


@pytest.fixture
def viewer(db):
    return make_user("viewer", VIEWER)


@pytest.fixture
def superuser(db):
    return make_user("curator", is_superuser=True)


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def theme_form(theme=None, **changes) -> dict:
    """The POST data of the Theme change form (`name` and `description` are its English fields,
    `name_en` and `description_en`; the other languages are left empty)."""
    data = {
        "slug": "test-theme",
        "code": "",
        "name": "Test theme",
        "description": "",
        "scheme": "topic",
        "parent": "",
        "position": "0",
        "status": "draft",
        "sources": "[]",
        "general_knowledge": "",
    }
    if theme is not None:
        data.update(
            slug=theme.slug,
            code=theme.code,
            name=theme.name,
            description=theme.description,
            scheme=theme.scheme,
            parent=theme.parent_id or "",
            position=str(theme.position),
            status=theme.status,
        )
    data.update(changes)
    for field in ("name", "description"):  # the form's fields in the six languages (portal/translation.py)
        data[f"{field}_en"] = data.pop(field)
    return data
