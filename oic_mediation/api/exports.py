"""Open data: whole tables as CSV or JSON, streamed row by row.

Rows are read with ``QuerySet.iterator()`` and written as they come, so a large table never sits
in memory. The columns are the same whitelist as the API's serializers: nothing personal.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from network.models import Gender
from oic_mediation.api import selectors
from oic_mediation.spreadsheets import defuse_formula
from resolutions.selectors import paragraphs_with_figures
from trainings.models import Level

CHUNK_SIZE = 500
# Spreadsheet programs run a cell that starts with one of these as a formula.


@dataclass(frozen=True)
class Dataset:
    queryset: Callable
    columns: dict[str, Callable]


def _code(related, attribute: str):
    return getattr(related, attribute) if related is not None else None


def _ids(manager) -> str:
    return " ".join(str(item.pk) for item in manager.all())


DATASETS: dict[str, Dataset] = {
    "commitments": Dataset(
        queryset=selectors.commitments,
        columns={
            "id": lambda c: c.pk,
            "resolution": lambda c: c.paragraph.resolution.symbol,
            "paragraph_id": lambda c: c.paragraph_id,
            "paragraph_number": lambda c: c.paragraph.number,
            "state": lambda c: _code(c.state, "iso_code"),
            "organisation": lambda c: _code(c.organisation, "slug"),
            "title": lambda c: c.title,
            "unit": lambda c: c.unit,
            "target_quantity": lambda c: c.target_quantity,
            "delivered_quantity": lambda c: c.delivered_quantity,
            "gap": lambda c: c.gap_quantity,
            "completion": lambda c: round(c.completion_ratio, 4),
            "exceeds_target": lambda c: c.exceeds_target,
            "status": lambda c: c.status,
            "pledged_on": lambda c: c.pledged_on,
            "due_on": lambda c: c.due_on,
            "progress_as_of": lambda c: c.progress_as_of,
        },
    ),
    "paragraphs": Dataset(
        queryset=paragraphs_with_figures,
        columns={
            "id": lambda p: p.pk,
            "resolution": lambda p: p.resolution.symbol,
            "number": lambda p: p.number,
            "title": lambda p: p.title,
            "theme": lambda p: p.theme,
            "addressee": lambda p: p.addressee,
            "status": lambda p: p.status,
            "commitments": lambda p: p.commitments_count,
            "delivered": lambda p: p.delivered_count,
            "in_progress": lambda p: p.in_progress_count,
            "pledged_only": lambda p: p.pledged_only_count,
            "overdue": lambda p: p.overdue_count,
            "completion": lambda p: round(p.completion, 4),
            "gap_total": lambda p: p.gap_total,
        },
    ),
    "trainings": Dataset(
        queryset=lambda: selectors.editions().order_by("starts_on", "id"),
        columns={
            "id": lambda e: e.pk,
            "programme": lambda e: e.programme.slug,
            "number": lambda e: e.number,
            "title": lambda e: e.display_title,
            "starts_on": lambda e: e.starts_on,
            "ends_on": lambda e: e.ends_on,
            "place": lambda e: e.place,
            "host_state": lambda e: _code(e.host_state, "iso_code"),
            "format": lambda e: e.format,
            "level_targeted": lambda e: e.level_targeted,
            "duration_hours": lambda e: e.duration_hours,
            "reported_participants": lambda e: e.reported_participants,
            "participants": lambda e: e.participants_total,
            "completed": lambda e: e.participants_completed,
            "declared_without_names": lambda e: e.declared_unnamed,
            "trained": lambda e: e.trained_count,
            **{
                f"participants_{gender}": (lambda g: lambda e: getattr(e, f"participants_{g}"))(
                    gender
                )
                for gender in Gender.values
            },
            **{
                f"participants_{level}": (
                    lambda lv: lambda e: getattr(e, f"participants_level_{lv}")
                )(level)
                for level in Level.values
            },
        },
    ),
    "recommendations": Dataset(
        queryset=lambda: selectors.recommendations().order_by("conference__ordinal", "number"),
        columns={
            "id": lambda r: r.pk,
            "conference": lambda r: r.conference.ordinal,
            "number": lambda r: r.number,
            "text": lambda r: r.text,
            "addressee": lambda r: r.addressee,
            "is_priority": lambda r: r.is_priority,
            "paragraphs": lambda r: _ids(r.paragraphs),
            "paragraph_numbers": lambda r: " ".join(
                str(p.number) for p in r.paragraphs.all() if p.number is not None
            ),
            "follow_up_status": lambda r: r.follow_up_status,
            "follow_up_as_of": lambda r: r.follow_up_as_of,
        },
    ),
}
FORMATS = ("csv", "json")


def _rows(dataset: Dataset) -> Iterator[dict]:
    for record in dataset.queryset().iterator(chunk_size=CHUNK_SIZE):
        yield {name: column(record) for name, column in dataset.columns.items()}


class _Echo:
    """A file-like object for csv.writer that hands each line back instead of storing it."""

    def write(self, value: str) -> str:
        return value


def _csv_cell(value):
    if value is None:
        return ""
    return defuse_formula(value)


def stream_csv(dataset: Dataset) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so spreadsheet programs read the Arabic and French text as UTF-8
    yield writer.writerow(dataset.columns)
    for row in _rows(dataset):
        yield writer.writerow([_csv_cell(value) for value in row.values()])


def stream_json(dataset: Dataset) -> Iterator[str]:
    yield "["
    separator = ""
    for row in _rows(dataset):
        yield separator + json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False)
        separator = ","
    yield "]"


class IgnoreAcceptHeader(BaseContentNegotiation):
    """The file's format is in its URL; an Accept header for CSV must not get a 406."""

    def select_parser(self, request, parsers):
        return parsers[0]

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type


class ExportView(APIView):
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    content_negotiation_class = IgnoreAcceptHeader

    @extend_schema(
        summary=_("Open data: a whole table as CSV or JSON"),
        parameters=[
            OpenApiParameter(
                "dataset", OpenApiTypes.STR, OpenApiParameter.PATH, enum=list(DATASETS)
            ),
            OpenApiParameter("file_format", OpenApiTypes.STR, OpenApiParameter.PATH, enum=FORMATS),
        ],
        responses={
            (200, "text/csv"): OpenApiResponse(OpenApiTypes.STR),
            (200, "application/json"): OpenApiResponse(
                {"type": "array", "items": {"type": "object", "additionalProperties": True}}
            ),
        },
    )
    def get(self, request, dataset: str, file_format: str):
        if dataset not in DATASETS or file_format not in FORMATS:
            raise Http404
        if file_format == "csv":
            response = StreamingHttpResponse(
                stream_csv(DATASETS[dataset]), content_type="text/csv; charset=utf-8"
            )
        else:
            response = StreamingHttpResponse(
                stream_json(DATASETS[dataset]), content_type="application/json"
            )
        response["Content-Disposition"] = f'attachment; filename="{dataset}.{file_format}"'
        return response
