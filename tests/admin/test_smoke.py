"""One smoke test per ModelAdmin: the changelist, a search and the add form render."""

from http import HTTPStatus

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

pytestmark = pytest.mark.django_db

MODEL_ADMINS = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)


@pytest.mark.parametrize(("model", "model_admin"), MODEL_ADMINS, ids=[m._meta.label for m, _ in MODEL_ADMINS])
def test_changelist_search_and_add_form(client_for, superuser, model, model_admin):
    client = client_for(superuser)
    opts = model._meta
    changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    assert client.get(changelist).status_code == HTTPStatus.OK
    if model_admin.search_fields:
        assert client.get(changelist, {"q": "justice"}).status_code == HTTPStatus.OK
    request = RequestFactory().get(changelist)
    request.user = superuser
    # Records kept by the machinery (django-axes' sign-in attempts) cannot be added by hand.
    can_add = model_admin.has_add_permission(request)
    add_form = client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
    assert add_form.status_code == (HTTPStatus.OK if can_add else HTTPStatus.FORBIDDEN)
