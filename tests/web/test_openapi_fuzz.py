"""Property-based runs over the OpenAPI description (schemathesis): valid and invalid
requests to every operation, and any text as a search query. No answer is a server
error; every refusal is a 4xx that says why, as ``{"error": message}``."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    status_code_conformance,
)

from newsgraph.web import api

EXAMPLES = 30  # per operation and mode: the run stays within seconds


# One test per operation, named by its label: the operations of the API router.
OPERATIONS = sorted(
    f"{method} /api{route.path.replace(':path}', '}')}"
    for route in api.router.routes
    for method in route.methods
    if method != "HEAD"
)


@pytest.fixture(scope="session")
def api_schema(web_app):
    return schemathesis.openapi.from_asgi("/openapi.json", web_app)


def _check(case) -> None:
    response = case.call()
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and body["error"].strip(), response.text
    case.validate_response(
        response,
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            negative_data_rejection,
        ],
    )


def test_the_operations_are_those_described(api_schema):
    described = {
        f"{op.ok().method.upper()} {op.ok().path}" for op in api_schema.get_all_operations()
    }
    assert described == set(OPERATIONS)


@pytest.mark.parametrize("label", OPERATIONS)
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_server_error_and_every_refusal_says_why(api_schema, label, mode):
    operation = api_schema.find_operation_by_label(label)

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
    def run(case):
        _check(case)

    try:
        run()
    except Unsatisfiable:  # only a path parameter, any string of which is valid
        assert mode is GenerationMode.NEGATIVE
        pytest.skip("no invalid request of this operation to send")


@given(query=st.text(max_size=40))
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_text_as_a_search_query_is_an_answer_or_a_4xx(client, query):
    for kind in ("articles", "quotes"):
        response = client.get("/api/search", params={"q": query, "kind": kind})
        assert response.status_code in (200, 400, 422), response.text
        if response.status_code != 200:
            assert response.json()["error"].strip()


FILTERS = ["since", "until", "source", "speaker", "entity", "place", "event_type"]
WHO = ["actor", "recipient", "type", "since", "until"]
PARAMS = {
    "/api/articles": FILTERS,
    "/api/quotes": FILTERS,
    "/api/places": FILTERS,
    "/api/search?q=Split": FILTERS,
    "/api/events": WHO,
    "/api/dyads": WHO,
    "/api/actors": ["name", "type"],
    "/api/graph": ["since", "until"],
    "/api/overview": ["since", "until"],
}
# Any text, and the kinds that trip parsers: numbers past 64 bits, digits of other scripts.
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(st.characters(categories=("Nd", "No")), min_size=1, max_size=4),
)


@given(
    path_name=st.sampled_from([(p, n) for p, names in PARAMS.items() for n in names]),
    value=VALUES,
)
@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
def test_any_text_as_a_filter_is_an_answer_or_a_4xx(client, path_name, value):
    path, name = path_name
    response = client.get(path, params={name: value})
    assert response.status_code in (200, 400, 422), response.text
    if response.status_code != 200:
        assert response.json()["error"].strip()
