"""Identifier formats: SDG codes and UN document symbols are checked wherever a curator types them."""

import pytest
from django.core.exceptions import ValidationError

from portal.validators import (
    validate_goal_code,
    validate_indicator_code,
    validate_local_identifier,
    validate_target_code,
    validate_un_symbol,
)
from recommendations.models import Document, DocumentKind
from standards.models import Instrument

CASES = [
    (validate_goal_code, ["1", "16", "17"], ["", "16.3", "a", "016", " 16"]),
    (validate_target_code, ["16.3", "16.a", "1.10", "17.19"], ["16", "16.3.1", "16.A", "16.", "16,3", "16.3 "]),
    (validate_indicator_code, ["16.3.1", "1.a.2", "17.19.2"], ["16.3", "16.3.a", "16.3.1.1"]),
    (
        validate_un_symbol,
        [
            "A/CONF.234/5",
            "E/CN.15/2022/9",
            "A/RES/217(III)",
            "A/RES/67/234B",
            "S/RES/2331 (2016)",
            "E/2013/27-E/CN.6/2013/11",
        ],  # fmt: skip
        ["", "A", "a/res/70/175", "A/RES/70/175/", "A//5", "A/RES/70/175 ", "A/RES 70/175", "GP-BROCHURE"],
    ),
    (validate_local_identifier, ["GP-BROCHURE", "CONGRESS14-DRAFT-REPORT-ITEM4"], ["gp-brochure", "GP--X", "GP X"]),
]


@pytest.mark.parametrize(("validate", "valid", "invalid"), CASES, ids=lambda value: getattr(value, "__name__", ""))
def test_identifier_formats(validate, valid, invalid):
    for value in valid:
        validate(value)
    for value in invalid:
        with pytest.raises(ValidationError):
            validate(value)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("symbol", "is_un_symbol", "valid"),
    [
        ("A/CONF.234/99", True, True),
        ("A CONF 234", True, False),
        ("LOCAL-NOTE-1", False, True),
        ("A/CONF.234/99", False, False),
    ],
)
def test_a_document_symbol_must_match_its_kind(symbol, is_un_symbol, valid):
    document = Document(symbol=symbol, is_un_symbol=is_un_symbol, title="A document", kind=DocumentKind.choices[0][0])
    if valid:
        document.full_clean()
    else:
        with pytest.raises(ValidationError) as caught:
            document.full_clean()
        assert list(caught.value.message_dict) == ["symbol"]


@pytest.mark.django_db
def test_a_resolution_symbol_is_validated_and_may_be_empty():
    instrument = Instrument.objects.get(slug="nelson-mandela-rules")
    instrument.resolution_symbol = "70/175"
    with pytest.raises(ValidationError) as caught:
        instrument.full_clean()
    assert "resolution_symbol" in caught.value.message_dict
    Instrument.objects.filter(resolution_symbol="").first().full_clean()
