"""The API's schema speaks the reader's terms: every field is described, and every reference to a
paragraph says which resolution and which number."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator(urlconf="oic_mediation.urls").get_schema(request=None, public=True)


def test_every_field_of_every_schema_is_described(schema):
    undescribed = [
        f"{name}.{field}"
        for name, component in schema["components"]["schemas"].items()
        for field, spec in component.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undescribed == []


def test_a_paragraph_reference_carries_the_resolution_and_the_number(schema):
    reference = schema["components"]["schemas"]["ParagraphReference"]["properties"]
    assert set(reference) == {"id", "url", "resolution", "number", "label"}
    commitment = schema["components"]["schemas"]["Commitment"]["properties"]["paragraph"]
    assert commitment["allOf"] == [{"$ref": "#/components/schemas/ParagraphReference"}]


def test_the_list_filters_take_a_paragraph_by_resolution_and_number(schema):
    for path in ("/api/v1/commitments/", "/api/v1/progress-reports/", "/api/v1/recommendations/"):
        names = {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}
        assert {"paragraph", "resolution", "paragraph_number"} <= names, path
