"""Instrument fields in the six UN languages (see portal/translation.py)."""

from portal.translation import register_translated
from standards.models import Instrument

# The official title is filled in another language only from the official text in that language.
register_translated(Instrument, fields=("title", "short_title", "summary"), official=("title",))
