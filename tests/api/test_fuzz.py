"""Property-based fuzzing of the whole API from its own OpenAPI schema (schemathesis).

Every operation gets a bounded number of generated requests (valid and invalid parameters,
path values, headers); none may end in a server error, every response must match the schema
(documented status code, content type, headers and body), and requests that break the schema
must be rejected. Not checked: that every schema-valid request succeeds, because a well-formed
value may name nothing (target=99.9, page=9999), which the API answers with a 400 by design.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, Phase, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from portal.wsgi import application

EXAMPLES_PER_OPERATION = 25


# Generated once, at collection: building the schema needs no database.
schema = schemathesis.openapi.from_dict(SchemaGenerator().get_schema(request=None, public=True))
schema.app = application


@pytest.fixture(autouse=True)
def served_in_the_test_transaction(db, settings):
    """Like Django's test client: requests must not close the test's database connection."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    database=None,
    derandomize=True,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_api_conforms_to_its_schema_and_never_fails(case):
    case.call_and_validate(excluded_checks=[positive_data_acceptance])
