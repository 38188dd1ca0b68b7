"""Open data: whole tables as CSV or JSON, streamed row by row.

Rows are read with ``QuerySet.iterator()`` and written as they come, so a large table never sits
in memory. The columns are the same whitelist as the API's serializers: nothing personal.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from conferences.models import FollowUpStatus
from core.spreadsheets import defuse_formula
from network.models import Gender
from oic_mediation.api import selectors
from resolutions.models import Commitment, CommitmentStatus, ImplementationStatus, Paragraph
from resolutions.selectors import paragraphs_with_figures
from trainings.models import Edition, Level

CHUNK_SIZE = 500


@dataclass(frozen=True)
class Field:
    """A column as the data package describes it (Frictionless Table Schema): its type, what it
    holds and, for a choice, the values it may take."""

    type: str
    description: str
    enum: tuple = ()
    required: bool = False

    def descriptor(self, name: str) -> dict:
        described = {"name": name, "type": self.type, "description": self.description}
        constraints = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            described["constraints"] = constraints
        return described


@dataclass(frozen=True)
class Dataset:
    """A whole table, for the exports and the data package (``oic_mediation.api.datapackage``).

    Every column has its ``Field``: a column added without one stops start-up, so the data
    package always describes the files as they are.
    """

    queryset: Callable
    columns: dict[str, Callable]
    title: str = ""
    description: str = ""
    fields: dict[str, Field] = field(default_factory=dict)
    primary_key: tuple = ("id",)
    # (column, other dataset, its column)
    foreign_keys: tuple = ()

    def __post_init__(self):
        if list(self.fields) != list(self.columns):
            missing = [name for name in self.columns if name not in self.fields]
            extra = [name for name in self.fields if name not in self.columns]
            raise ImproperlyConfigured(
                f"Export {self.title!r}: describe every column, in order, in `fields` "
                f"(without a description: {missing}; described but not exported: {extra})."
            )


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
        title=_("Commitments"),
        description=_(
            "Every commitment pledged against a paragraph of a resolution, by a member state or "
            "an organisation, with its delivery as validated by the OIC General Secretariat."
        ),
        fields={
            "id": Field("integer", "The commitment's identifier.", required=True),
            "resolution": Field(
                "string", "Symbol of the resolution, e.g. 53/45-POL.", required=True
            ),
            "paragraph_id": Field(
                "integer", "The paragraph or measure (paragraphs.id).", required=True
            ),
            "paragraph_number": Field(
                "integer", "Operative paragraph number; empty for a measure without one."
            ),
            "state": Field(
                "string",
                "ISO 3166-1 alpha-2 code of the pledging member state; empty when an organisation pledged.",
            ),
            "organisation": Field(
                "string", "Slug of the pledging organisation; empty when a state pledged."
            ),
            "title": Field("string", "What was pledged (English).", required=True),
            "unit": Field(
                "string",
                "Unit of the quantities.",
                enum=tuple(Commitment.Unit.values),
                required=True,
            ),
            "target_quantity": Field(
                "integer", "Quantity pledged; empty for a pledge without a figure."
            ),
            "delivered_quantity": Field(
                "integer", "Quantity delivered, as last validated.", required=True
            ),
            "gap": Field(
                "integer", "Target minus delivered, never below 0; empty without a target."
            ),
            "completion": Field(
                "number", "Share delivered, from 0 to 1 (1 once delivered).", required=True
            ),
            "exceeds_target": Field(
                "boolean",
                "More was delivered than the target (counted as complete).",
                required=True,
            ),
            "status": Field(
                "string",
                "Status as last validated.",
                enum=tuple(CommitmentStatus.values),
                required=True,
            ),
            "pledged_on": Field("date", "Date of the pledge.", required=True),
            "due_on": Field("date", "Date the delivery is due; empty when none was set."),
            "progress_as_of": Field(
                "date", "Date of the latest validated progress; empty before any."
            ),
        },
        foreign_keys=(("paragraph_id", "paragraphs", "id"),),
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
        title=_("Paragraphs and measures"),
        description=_(
            "The operative paragraphs of the resolutions and the measures without a known "
            "number, with their implementation status and the figures of their commitments."
        ),
        fields={
            "id": Field("integer", "The paragraph's identifier.", required=True),
            "resolution": Field(
                "string", "Symbol of the resolution, e.g. 53/45-POL.", required=True
            ),
            "number": Field(
                "integer", "Operative paragraph number; empty for a measure without one."
            ),
            "title": Field("string", "Short title (English).", required=True),
            "theme": Field("string", "Theme.", enum=tuple(Paragraph.Theme.values), required=True),
            "addressee": Field(
                "string",
                "To whom the paragraph is addressed.",
                enum=tuple(Paragraph.Addressee.values),
                required=True,
            ),
            "status": Field(
                "string",
                "Implementation status: the Secretariat's latest assessment, else derived from the commitments.",
                enum=tuple(ImplementationStatus.values),
                required=True,
            ),
            "commitments": Field(
                "integer", "Commitments counted (withdrawn ones left out).", required=True
            ),
            "delivered": Field("integer", "Commitments delivered.", required=True),
            "in_progress": Field("integer", "Commitments in progress.", required=True),
            "pledged_only": Field(
                "integer", "Commitments pledged, delivery not started.", required=True
            ),
            "overdue": Field("integer", "Open commitments past their due date.", required=True),
            "completion": Field(
                "number", "Mean completion of the commitments, from 0 to 1.", required=True
            ),
            "gap_total": Field(
                "integer", "Sum of the gaps of the commitments (in their units).", required=True
            ),
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
        title=_("Training editions"),
        description=_(
            "Every edition of every training programme, with its participants counted by "
            "gender and level (never named)."
        ),
        fields={
            "id": Field("integer", "The edition's identifier.", required=True),
            "programme": Field("string", "Slug of the training programme.", required=True),
            "number": Field("integer", "Edition number within the programme; empty when unknown."),
            "title": Field("string", "Title of the edition (English).", required=True),
            "starts_on": Field("date", "First day.", required=True),
            "ends_on": Field("date", "Last day; empty for a one-day edition."),
            "place": Field("string", "Where it was held (English)."),
            "host_state": Field(
                "string", "ISO 3166-1 alpha-2 code of the host state; empty when none."
            ),
            "format": Field("string", "Format.", enum=tuple(Edition.Format.values), required=True),
            "level_targeted": Field(
                "string",
                "Level of the diplomats it targets.",
                enum=tuple(Edition.TargetLevel.values),
                required=True,
            ),
            "duration_hours": Field("integer", "Duration in hours; empty when unknown."),
            "reported_participants": Field(
                "integer", "Head count reported when participants are not recorded one by one."
            ),
            "participants": Field(
                "integer", "Participants named, less those who withdrew.", required=True
            ),
            "completed": Field("integer", "Participants named who completed.", required=True),
            "declared_without_names": Field(
                "integer",
                "The reported head count beyond the participants named.",
                required=True,
            ),
            "trained": Field(
                "integer",
                "Diplomats trained: completed, plus declared without names.",
                required=True,
            ),
            **{
                f"participants_{gender}": Field(
                    "integer", f"Participants recorded of gender {gender}.", required=True
                )
                for gender in Gender.values
            },
            **{
                f"participants_{level}": Field(
                    "integer", f"Participants recorded of level {level}.", required=True
                )
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
        title=_("Conference recommendations"),
        description=_(
            "The recommendations of the Conferences of OIC Member States on Mediation and what "
            "became of each, as last assessed."
        ),
        fields={
            "id": Field("integer", "The recommendation's identifier.", required=True),
            "conference": Field(
                "integer", "Ordinal of the conference (2 for the 2nd).", required=True
            ),
            "number": Field(
                "integer", "Number of the recommendation within its conference.", required=True
            ),
            "text": Field("string", "The recommendation (English).", required=True),
            "addressee": Field("string", "To whom it is addressed (English)."),
            "is_priority": Field(
                "boolean", "Stated as a priority by the conference.", required=True
            ),
            "paragraphs": Field(
                "string",
                "Identifiers of the paragraphs concerned (paragraphs.id), separated by spaces.",
            ),
            "paragraph_numbers": Field(
                "string",
                "The numbers of the numbered paragraphs concerned, separated by spaces.",
            ),
            "follow_up_status": Field(
                "string",
                "What became of it, as last assessed (pending: not yet acted on).",
                enum=tuple(FollowUpStatus.values),
                required=True,
            ),
            "follow_up_as_of": Field("date", "Date of the latest assessment; empty before any."),
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


# The open-data page reads at most this many rows of a table to give its files' sizes: enough for
# a mean row size, and every write re-renders the page (500 rows took 0.9 s of the page's 1.2 s
# at the bench's scale 10).
SIZE_SAMPLE = 100


def export_sizes(dataset: Dataset, *, sample: int = SIZE_SAMPLE) -> dict:
    """The size in bytes of the CSV and the JSON file of ``dataset`` as they would download now.

    Exact for a table of at most ``sample`` rows; for a larger one, its row count times the mean
    size of its first ``sample`` rows (``exact`` is False): reading a whole table on a page
    would cost as much as downloading it. One page of rows and a count, whatever the size."""
    writer = csv.writer(_Echo())
    csv_size = len("\ufeff".encode()) + len(writer.writerow(dataset.columns).encode())
    csv_rows = json_rows = read = 0
    for record in dataset.queryset()[: sample + 1]:
        if read == sample:
            break
        row = {name: column(record) for name, column in dataset.columns.items()}
        csv_rows += len(writer.writerow([_csv_cell(value) for value in row.values()]).encode())
        json_rows += len(json.dumps(row, cls=DjangoJSONEncoder, ensure_ascii=False).encode())
        read += 1
    # Counted whatever the size, so that the page runs the same queries at every scale.
    rows = dataset.queryset().count()
    exact = rows == read
    if not exact:
        csv_rows, json_rows = csv_rows * rows // read, json_rows * rows // read
    return {
        "csv": csv_size + csv_rows,
        # "[", the rows and the commas between them, "]".
        "json": 2 + json_rows + max(rows - 1, 0),
        "rows": rows,
        "exact": exact,
    }


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
