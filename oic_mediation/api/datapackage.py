"""The open data as a Frictionless Data Package: ``/api/v1/export/datapackage.json``.

The descriptor is made from the export definitions (``oic_mediation.api.exports.DATASETS``): each
CSV export is a tabular data resource whose schema lists its columns as exported, with their
types, allowed values, primary key and foreign keys. A column added to an export without its
description stops start-up (``Dataset.__post_init__``), so the package always says what the files
hold. Resource paths are relative to the descriptor, which sits beside the files.
"""

from __future__ import annotations

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from oic_mediation.api.exports import DATASETS, IgnoreAcceptHeader
from oic_mediation.public_urls import absolute_url

# Licences an operator may choose for the open data (DJANGO_OPEN_DATA_LICENCE): SPDX identifiers.
LICENCES = {
    "CC-BY-4.0": (
        "Creative Commons Attribution 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
    ),
    "CC0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-By-1.0": (
        "Open Data Commons Attribution License 1.0",
        "https://opendatacommons.org/licenses/by/1-0/",
    ),
    "PDDL-1.0": (
        "Open Data Commons Public Domain Dedication and License 1.0",
        "https://opendatacommons.org/licenses/pddl/1-0/",
    ),
}


def licence() -> dict:
    """The open data's licence, as a Data Package ``licenses`` entry."""
    name = settings.OPEN_DATA_LICENCE
    title, path = LICENCES[name]
    return {"name": name, "title": title, "path": path}


def resource(name: str) -> dict:
    dataset = DATASETS[name]
    schema = {
        "fields": [field.descriptor(column) for column, field in dataset.fields.items()],
        "primaryKey": list(dataset.primary_key),
        # The exports write an empty cell for a missing value.
        "missingValues": [""],
    }
    if dataset.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [column], "reference": {"resource": other, "fields": [other_column]}}
            for column, other, other_column in dataset.foreign_keys
        ]
    return {
        "name": name,
        "title": str(dataset.title),
        "description": str(dataset.description),
        "path": f"{name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        # The files start with a byte-order mark, so that spreadsheets read them as UTF-8.
        "encoding": "utf-8-sig",
        "licenses": [licence()],
        "schema": schema,
    }


def descriptor() -> dict:
    return {
        "profile": "tabular-data-package",
        "name": "oic-mediation-capacity-portal",
        "title": "OIC Mediation Capacity Portal: open data",
        "description": (
            "How OIC Resolution 53/45-POL, Strengthening the OIC mediation capacity, is "
            "implemented: paragraphs, commitments and their validated delivery, training "
            "editions (participants counted, never named) and conference recommendations."
        ),
        "homepage": absolute_url(reverse("dashboard:open_data")),
        "created": timezone.now().replace(microsecond=0).isoformat(),
        "licenses": [licence()],
        "sources": [{"title": "OIC Mediation Capacity Portal", "path": absolute_url("/")}],
        "resources": [resource(name) for name in DATASETS],
    }


class DataPackageView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = IgnoreAcceptHeader

    @extend_schema(
        summary="Open data: the Frictionless Data Package describing every CSV export",
        responses={200: OpenApiResponse({"type": "object", "additionalProperties": True})},
    )
    def get(self, request):
        # In English whatever the request's language: one descriptor, as its files' columns are.
        with translation.override("en"):
            document = descriptor()
        return JsonResponse(document, json_dumps_params={"ensure_ascii": False, "indent": 2})
