"""The shared FilterSets behave the same for the HTML lists and the API."""

import datetime

import pytest
from django.utils import timezone

from portal.models import PublicationStatus
from programmes.filters import ActivityFilter
from programmes.models import Activity
from recommendations.filters import RecommendationFilter
from recommendations.models import Recommendation, RecommendationProgramme
from standards.filters import InstrumentFilter
from standards.models import Instrument

pytestmark = pytest.mark.django_db


def test_updated_since_with_an_extreme_utc_offset_works_on_every_database():
    f = InstrumentFilter({"updated_since": "2000-01-01T00:00:00+20:00"}, queryset=Instrument.objects.published())
    assert f.is_valid()
    assert f.qs.count() == Instrument.objects.published().count()


def test_updated_since_returns_only_what_changed():
    moment = timezone.now() + datetime.timedelta(seconds=1)
    Instrument.objects.filter(slug="bangkok-rules").update(updated_at=moment + datetime.timedelta(minutes=5))
    f = InstrumentFilter({"updated_since": moment.isoformat()}, queryset=Instrument.objects.published())
    assert [i.slug for i in f.qs] == ["bangkok-rules"]


@pytest.mark.parametrize("filterset_class", [InstrumentFilter, ActivityFilter])
def test_year_must_be_a_whole_number(filterset_class):
    queryset = filterset_class._meta.model.objects.all()
    assert not filterset_class({"year": "2021.5"}, queryset=queryset).is_valid()
    assert filterset_class({"year": "2021"}, queryset=queryset).is_valid()


def test_year_filter_matches_both_ways():
    matching = ActivityFilter({"year": "2021"}, queryset=Activity.objects.published()).qs
    assert matching.count() == Activity.objects.published().filter(year=2021).count() > 0
    assert ActivityFilter({"year": "1999"}, queryset=Activity.objects.published()).qs.count() == 0


def test_programme_filter_ignores_unpublished_links():
    link = RecommendationProgramme.objects.published().select_related("programme").first()
    queryset = Recommendation.objects.published()
    assert link.recommendation in RecommendationFilter({"programme": link.programme.slug}, queryset=queryset).qs
    RecommendationProgramme.objects.filter(programme=link.programme).update(status=PublicationStatus.IN_REVIEW)
    assert not RecommendationFilter({"programme": link.programme.slug}, queryset=queryset).qs.exists()


def test_every_ordering_is_total():
    f = InstrumentFilter({"ordering": "year"}, queryset=Instrument.objects.published())
    assert f.qs.query.order_by[-1] == "pk"
