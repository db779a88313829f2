"""Mandela Rules part II groups B–E have no sub-headings: the group's title is not repeated as its section."""

import pytest

from standards.models import Provision
from tests.pages import text, visible_text

pytestmark = pytest.mark.django_db

REPEATED = "C. Prisoners under arrest or awaiting trial: Prisoners under arrest or awaiting trial"


def test_table_of_contents_names_a_group_without_sub_headings_once(client):
    body = visible_text(client.get("/instruments/nelson-mandela-rules/"))
    assert REPEATED not in body
    assert body.count("C. Prisoners under arrest or awaiting trial") == 1
    assert "A. Prisoners under sentence: Guiding principles" in body  # a group with sub-headings keeps both


def test_provision_page_shows_the_group_once(client):
    provision = Provision.objects.get(instrument__slug="nelson-mandela-rules", kind="rule", number="111")
    assert provision.heading == "C. Prisoners under arrest or awaiting trial"
    body = text(client.get(provision.get_absolute_url()))
    assert "<dt>Group</dt><dd>C. Prisoners under arrest or awaiting trial</dd>" in body
    assert "<dt>Section</dt><dd>Prisoners under arrest or awaiting trial</dd>" not in body


def test_headings_of_other_provisions(db):
    sentence = Provision.objects.filter(instrument__slug="nelson-mandela-rules", category__startswith="A.").first()
    assert sentence.heading == f"{sentence.category}: {sentence.section}"
    part_one = Provision.objects.get(instrument__slug="nelson-mandela-rules", kind="rule", number="1")
    assert part_one.heading == part_one.section
