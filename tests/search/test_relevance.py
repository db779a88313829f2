"""Relevance: realistic queries and the results that must come in the top three.

Each row is (query, requirements); every requirement is a tuple of acceptable result URLs, at
least one of which must be among the first three results of /api/v1/search/.
"""

import pytest

from tests.search.conftest import on_postgresql, on_sqlite, top_urls

pytestmark = pytest.mark.django_db

HEALTH_CARE_RULES = tuple(f"/instruments/nelson-mandela-rules/{n}/" for n in range(24, 36))
SOLITARY_RULES = tuple(f"/instruments/nelson-mandela-rules/{n}/" for n in (43, 44, 45))
RESTRAINT_RULES = tuple(f"/instruments/nelson-mandela-rules/{n}/" for n in (47, 48, 49))
PARA_44 = tuple(f"/recommendations/a-conf-234-5-para-44-{letter}/" for letter in "abcde")
CRYPTO_QUESTIONS = tuple(f"/recommendations/a-conf-234-pm-1-para-189-{letter}/" for letter in "abcd")


def one(*urls: str) -> tuple[str, ...]:
    return urls


POSTGRESQL_TABLE = [
    ("prison health care", [HEALTH_CARE_RULES]),
    ("restorative justice", [one("/instruments/restorative-justice-basic-principles/")]),
    ("violence against children", [one("/instruments/vac-model-strategies/"), PARA_44]),
    ("16.3", [one("/sdg/16.3/")]),
    ("16.3.1", [one("/sdg/16.3/#indicator-16.3.1")]),
    ("restorativ justise", [one("/instruments/restorative-justice-basic-principles/")]),
    ("Mandella", [one("/instruments/nelson-mandela-rules/")]),
    ("Nelson Mandela Rules", [one("/instruments/nelson-mandela-rules/")]),
    (
        "legal aid for women",
        [one("/resources/elearning-legal-aid-for-women/", "/resources/training-tool-legal-aid-for-women/")],
    ),
    ("legal aid", [one("/instruments/legal-aid-principles-and-guidelines/")]),
    ("trafficking children", [one("/instruments/trafficking-in-persons-protocol/")]),
    ("women prisoners", [one("/instruments/bangkok-rules/")]),
    ("non-custodial measures", [one("/instruments/tokyo-rules/")]),
    ("juvenile delinquency prevention", [one("/instruments/riyadh-guidelines/")]),
    ("victims of crime", [one("/instruments/victims-declaration/")]),
    ("violence against women", [one("/instruments/declaration-on-violence-against-women/")]),
    ("child victims and witnesses", [one("/instruments/child-victims-and-witnesses-guidelines/")]),
    ("cultural property trafficking", [one("/instruments/cultural-property-trafficking-guidelines/")]),
    ("solitary confinement", [SOLITARY_RULES]),
    ("instruments of restraint", [RESTRAINT_RULES]),
    ("corruption", [one("/instruments/convention-against-corruption/")]),
    ("firearms", [one("/instruments/firearms-protocol/")]),
    ("cybercrime", [one("/instruments/budapest-convention/"), one("/programmes/global-programme-on-cybercrime/")]),
    ("Doha Declaration", [one("/instruments/doha-declaration/")]),
    ("cryptocurrency", [one("/resources/cryptocurrency-investigation-course/"), CRYPTO_QUESTIONS]),
    ("prison overcrowding", [one("/resources/handbook-reducing-prison-overcrowding/")]),
    (
        "pretrial detention",
        [one("/recommendations/a-conf-234-pm-1-para-124-c/", "/recommendations/a-conf-234-pm-1-para-91-m/")],
    ),
    ("sport youth crime prevention", [one("/programmes/youth-crime-prevention-through-sports/")]),
    ("A/CONF.234/5", [one("/documents/A/CONF.234/5/")]),
    ('"restorative justice" -children', [one("/instruments/restorative-justice-basic-principles/")]),
    ("Mandéla", [one("/instruments/nelson-mandela-rules/")]),  # accents folded
    ("restorative justice or mediation", [one("/instruments/restorative-justice-basic-principles/")]),
]

SQLITE_TABLE = [
    ("16.3", [one("/sdg/16.3/")]),
    ("restorative justice", [one("/instruments/restorative-justice-basic-principles/")]),
    ("Nelson Mandela Rules", [one("/instruments/nelson-mandela-rules/")]),
    ("solitary confinement", [SOLITARY_RULES]),
    ("instruments of restraint", [RESTRAINT_RULES]),
    ("cryptocurrency", [one("/resources/cryptocurrency-investigation-course/"), CRYPTO_QUESTIONS]),
    ("prison overcrowding", [one("/resources/handbook-reducing-prison-overcrowding/")]),
    ("A/CONF.234/5", [one("/documents/A/CONF.234/5/")]),
]


def assert_in_top_three(api, query, requirements):
    urls = top_urls(api, query)
    for acceptable in requirements:
        assert set(acceptable) & set(urls), f"{query!r}: none of {acceptable[:4]}… in the top three {urls}"


@on_postgresql
@pytest.mark.parametrize(("query", "requirements"), POSTGRESQL_TABLE, ids=[row[0] for row in POSTGRESQL_TABLE])
def test_relevance_on_postgresql(api, query, requirements):
    assert_in_top_three(api, query, requirements)


@on_sqlite
@pytest.mark.parametrize(("query", "requirements"), SQLITE_TABLE, ids=[row[0] for row in SQLITE_TABLE])
def test_relevance_on_sqlite(api, query, requirements):
    assert_in_top_three(api, query, requirements)


def test_the_tables_are_big_enough():
    assert len(POSTGRESQL_TABLE) >= 20 and len(SQLITE_TABLE) >= 5
