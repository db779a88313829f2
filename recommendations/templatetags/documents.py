"""`{% document_name symbol %}`: how a source document is named on a public page. A UN symbol
(A/CONF.234/5) shows as itself; a document without one shows its title, never the portal's own
identifier for it (an internal key). On a right-to-left page the symbol is isolated left to right."""

import re

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language_bidi

from portal.validators import UN_SYMBOL
from recommendations.models import Document

register = template.Library()

IS_UN_SYMBOL = re.compile(UN_SYMBOL)


def local_document_titles(request) -> dict[str, str]:
    """The titles of the documents without a UN symbol, read once per request (there are few)."""
    if not hasattr(request, "_local_document_titles"):
        request._local_document_titles = dict(
            Document.objects.published().filter(is_un_symbol=False).values_list("symbol", "title")
        )
    return request._local_document_titles


@register.simple_tag(takes_context=True)
def document_name(context, symbol: str) -> str:
    """On a right-to-left page a UN symbol is isolated left to right (<bdi dir="ltr">), so
    A/RES/70/175 keeps its order inside Arabic text."""
    if IS_UN_SYMBOL.fullmatch(symbol) or "request" not in context:
        return format_html('<bdi dir="ltr">{}</bdi>', symbol) if get_language_bidi() else symbol
    return local_document_titles(context["request"]).get(symbol, symbol)
