import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, get_language_bidi

from portal.translation import is_english_fallback

register = template.Library()

# The characters json_script escapes, so the data cannot close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def json_ld(data: dict):
    """Render schema.org structured data as a JSON-LD script element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.filter
def ltr(value):
    """A code or symbol (16.a, A/RES/70/175) kept left to right inside right-to-left text: on an
    Arabic page it is isolated in <bdi dir="ltr">, which stops "16.a" showing as "a.16"; elsewhere
    it is the value as it is (escaped)."""
    if get_language_bidi():
        return format_html('<bdi dir="ltr">{}</bdi>', value)
    return value


@register.inclusion_tag("includes/in_language.html")
def in_language(obj, field: str, words: int = 0, marker: bool = True):
    """A translated field (portal/translation.py) in the page's language; where the page shows the English
    because no translation is held, the text says lang="en" and a small "English only" tag follows it.
    `common_name` is judged by the field that supplies it (the short title, else the official title).
    `marker=False`: lang="en" only, for a line under one already marked (an official title in a list row)."""
    source = field
    if field == "common_name":
        source = "short_title" if getattr(obj, "short_title", "") else "title"
    text = getattr(obj, field, "") or ""
    if words:
        text = Truncator(text).words(words)
    return {"text": text, "fallback": is_english_fallback(obj, source), "marker": marker}


def coded_label(label: str, code: str) -> str:
    """A translated label that embeds a code (`_("Goal %(code)s")`, `_("Target %(code)s")`), escaped,
    with the code kept left to right on a right-to-left page (`ltr`): for breadcrumbs built in views."""
    return mark_safe(conditional_escape(label) % {"code": conditional_escape(ltr(code))})


@register.simple_tag
def english_only_attrs():
    """` lang="en" dir="ltr"` for text the portal holds in English only (an official text, a quoted paragraph)
    on a page in another language, so screen readers and the bidi algorithm read it as English; nothing on
    an English page."""
    if get_language() == settings.LANGUAGE_CODE:
        return ""
    return mark_safe(' lang="en" dir="ltr"')
