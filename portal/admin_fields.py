"""Form fields that edit the curated JSON lists as lines of text, instead of raw JSON boxes."""

from __future__ import annotations

import json

from django import forms
from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

SEPARATOR = "|"


class LinesField(forms.CharField):
    """A list of strings, one a line (e.g. an instrument's other names)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.Textarea(attrs={"rows": 3, "class": "vLargeTextField"}))
        kwargs["required"] = False
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs.pop("max_length", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return "\n".join(str(item) for item in value) if isinstance(value, list) else value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        if (value or "").strip().startswith("["):
            return self.from_json(value)
        return [" ".join(line.split()) for line in (value or "").splitlines() if line.strip()]

    def from_json(self, value: str) -> list:
        """A JSON list, as the old raw box took, is still read (scripts and saved forms post it)."""
        try:
            items = json.loads(value)
        except ValueError as error:
            raise ValidationError(_("Enter one entry a line, or a valid JSON list.")) from error
        if not isinstance(items, list):
            raise ValidationError(_("Enter one entry a line, or a valid JSON list."))
        return items

    def has_changed(self, initial, data):
        return self.to_python(initial or []) != self.to_python(data)


class SourcesField(LinesField):
    """Where the source documents mention an entry: one "symbol | locator" a line."""

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{item.get('symbol', '')} {SEPARATOR} {item.get('locator', '')}" for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        if (value or "").strip().startswith("["):
            sources = self.from_json(value)
            if not all(isinstance(item, dict) and item.keys() == {"symbol", "locator"} for item in sources):
                raise ValidationError(_("Each source needs a symbol and a locator."))
            return sources
        sources = []
        for number, line in enumerate(super().to_python(value), start=1):
            symbol, separator, locator = (part.strip() for part in line.partition(SEPARATOR))
            if not separator or not symbol or not locator:
                raise ValidationError(
                    _("Line %(number)d: write the symbol, “|” and the place, e.g. “A/RES/70/175 | rule 24”."),
                    params={"number": number},
                )
            sources.append({"symbol": symbol, "locator": locator})
        return sources


class DocumentSymbolInput(forms.TextInput):
    """A document symbol, with Django's "+" popup to add the document without leaving the form.

    The document admin answers such a popup (marked `_symbol=1`) with the new document's symbol,
    which Django's RelatedObjectLookups.js writes into this input.
    """

    def __init__(self, *, add_url: str, attrs=None):
        self.add_url = add_url
        super().__init__(attrs)

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        element_id = (attrs or {}).get("id") or self.attrs.get("id") or f"id_{name}"
        return format_html(
            '{}<a class="related-widget-wrapper-link add-related" id="add_{}" data-popup="yes" '
            'href="{}?_popup=1&amp;_symbol=1" title="{}"><img src="{}" alt="" width="20" height="20"> {}</a>',
            html,
            element_id,
            self.add_url,
            _("Add a document"),
            static("admin/img/icon-addlink.svg"),
            _("add document"),
        )
