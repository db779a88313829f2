"""Every instrument is found first by the name people use for it (issue 14: the whole catalogue)."""

import pytest

from standards.models import Instrument
from tests.search.conftest import top_urls

pytestmark = pytest.mark.django_db


def test_every_instrument_is_found_first_by_its_common_name(api):
    instruments = Instrument.objects.published().exclude(short_title="")
    assert instruments.count() >= 60
    missed = {}
    for instrument in instruments:
        first = top_urls(api, instrument.common_name, n=1)
        if first != [instrument.get_absolute_url()]:
            missed[instrument.common_name] = first
    assert not missed, missed
