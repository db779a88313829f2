import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the shipped content, loaded once per session."""
    with django_db_blocker.unblock():
        call_command("seed", verbosity=0)


@pytest.fixture
def fixtures_copy(tmp_path) -> Path:
    """A scratch copy of fixtures/ that a test may corrupt."""
    target = tmp_path / "fixtures"
    shutil.copytree(settings.FIXTURES_DIR, target)
    return target


@pytest.fixture(autouse=True)
def fresh_throttle_counts():
    """Throttle counts (API, search) start at zero in every test."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: a request (LocaleMiddleware, the API's language) leaves
    its language active in the thread after the response, as in a worker between requests."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def uncached(settings):
    """Query-count tests pin what rendering costs: the response cache (its own tests are in
    tests/portal/test_response_cache.py) would add the content version's read, or answer with none."""
    settings.RESPONSE_CACHE_SECONDS = 0
