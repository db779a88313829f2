"""generate_scale_data: copies of the published content, marked, removed exactly, one version bump each way."""

from io import StringIO

import pytest
from django.core.management import call_command

from portal.content import curated_models, link_models
from portal.models import PublicationStatus
from portal.scale_data import MARK, scaled_models
from portal.versioning import SINGLETON_ID, ContentVersion
from programmes.models import Country
from standards.models import Instrument, InstrumentTarget, Provision

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in [*curated_models(), *link_models()]}


def version() -> int:
    return ContentVersion.objects.get(pk=SINGLETON_ID).number


def test_factor_two_doubles_the_published_content_and_remove_restores_it():
    before, number = counts(), version()
    published = {m._meta.label: m.objects.filter(status=PublicationStatus.PUBLISHED).count() for m in scaled_models()}
    published_links = InstrumentTarget.objects.filter(
        status=PublicationStatus.PUBLISHED, instrument__status=PublicationStatus.PUBLISHED
    ).count()

    call_command("generate_scale_data", "--factor", "2", stdout=StringIO())

    after = counts()
    for label, count in published.items():
        assert after[label] == before[label] + count, label
    assert published["standards.Instrument"] > 30 and published["standards.Provision"] > 100
    assert after["standards.InstrumentTarget"] == before["standards.InstrumentTarget"] + published_links
    assert after["programmes.Country"] == before["programmes.Country"]  # a vocabulary, not copied
    assert version() == number + 1
    copy = Instrument.objects.get(slug="nelson-mandela-rules-x2")
    assert copy.general_knowledge == MARK and copy.is_published
    assert copy.provisions.count() == Instrument.objects.get(slug="nelson-mandela-rules").provisions.count()
    assert not Provision.objects.filter(general_knowledge=MARK).exclude(instrument__general_knowledge=MARK).exists()
    assert set(copy.target_links.values_list("target__code", flat=True)) == set(
        Instrument.objects.get(slug="nelson-mandela-rules")
        .target_links.published()
        .values_list("target__code", flat=True)
    )

    call_command("generate_scale_data", "--remove", stdout=StringIO())

    assert counts() == before
    assert version() == number + 2
    assert Country.objects.count() == before["programmes.Country"]


def test_remove_without_copies_changes_nothing():
    number = version()
    call_command("generate_scale_data", "--remove", stdout=StringIO())
    assert version() == number
