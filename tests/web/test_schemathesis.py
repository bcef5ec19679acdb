"""schemathesis drives the API from its own OpenAPI document, in-process through WSGI."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from app import create_app
from tests.web.conftest import CONFIG_PRUEBAS

app = create_app(dict(CONFIG_PRUEBAS))
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)

# Responses must be documented, well-typed and never a server error. (Checks that a schema-valid case
# is accepted do not apply: the case's date coherence goes beyond JSON Schema and answers 422.)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_cumple_su_documento(case):
    case.call_and_validate(checks=CHECKS)
