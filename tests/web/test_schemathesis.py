"""schemathesis drives the API from its own OpenAPI document, in-process through WSGI."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

from app import create_app
from tests.web.conftest import CONFIG_PRUEBAS

pytestmark = pytest.mark.slow

app = create_app(dict(CONFIG_PRUEBAS))
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)

# Responses must be documented, well-typed and never a server error, and whatever the document says is
# invalid (a `0` for a boolean, `189900.5` for pesos, a year outside 1990–2100, a control character in
# a name…) must be refused. The check that every schema-valid case is accepted does not apply: the
# case's date coherence goes beyond JSON Schema and answers 422.
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance, negative_data_rejection,
          unsupported_method, missing_required_header, allow_header_conformance]


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_cumple_su_documento(case):
    case.call_and_validate(checks=CHECKS)
