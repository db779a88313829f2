"""The portal's admin site: Django's own, with autocomplete results a model admin may label.

A model admin with an `autocomplete_label(obj)` method chooses the text its entries show in
autocomplete widgets, e.g. an SDG target's code and wording instead of "Target 16.3".
"""

from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView


class LabelledAutocompleteJsonView(AutocompleteJsonView):
    def serialize_result(self, obj, to_field_name):
        result = super().serialize_result(obj, to_field_name)
        if label := getattr(self.model_admin, "autocomplete_label", None):
            result["text"] = label(obj)
        return result


class PortalAdminSite(admin.AdminSite):
    def autocomplete_view(self, request):
        return LabelledAutocompleteJsonView.as_view(admin_site=self)(request)
