"""Meeting, document and recommendation fields in the six UN languages (see portal/translation.py)."""

from portal.translation import register_translated
from recommendations.models import AgendaItem, Document, Meeting, Recommendation

register_translated(Meeting, fields=("title", "short_title", "summary"), official=("title",))
register_translated(AgendaItem, fields=("title",), official=("title",))
register_translated(Document, fields=("title", "summary"), official=("title",))
register_translated(Recommendation, fields=("summary",))
