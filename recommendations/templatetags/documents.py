"""`{% document_name symbol %}`: how a source document is named on a public page. A UN symbol
(A/CONF.234/5) shows as itself; a document without one shows its title, never the portal's own
identifier for it (an internal key)."""

import re

from django import template

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
    if IS_UN_SYMBOL.fullmatch(symbol) or "request" not in context:
        return symbol
    return local_document_titles(context["request"]).get(symbol, symbol)
