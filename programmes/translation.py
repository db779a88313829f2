"""Programme and resource fields in the six UN languages (see portal/translation.py)."""

from portal.translation import register_translated
from programmes.models import InterventionArea, Programme, Resource

register_translated(Programme, fields=("title", "short_title", "summary"))
register_translated(InterventionArea, fields=("title", "description"))
register_translated(Resource, fields=("title", "summary"), official=("title",))
