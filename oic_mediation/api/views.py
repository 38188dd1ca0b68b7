"""Endpoints of API v1. Slim: reads come from ``selectors`` (this package and the apps'), writes
go through the apps' services, which check ``user.has_perm`` as the web forms do.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_view,
)
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from network.models import MemberState, Organisation, RosterMember
from network.rules import focal_point_state_id
from network.services import roster_nomination_create
from oic_mediation.api import filters, selectors, serializers
from oic_mediation.api.exceptions import PreconditionFailed, PreconditionRequired
from oic_mediation.api.parsers import PortalFormParser, PortalJSONParser, PortalMultiPartParser
from oic_mediation.api.permissions import FocalPointOrSecretariat, ReadOrFocalPointWrites
from oic_mediation.api.schema import ErrorSerializer
from resolutions.models import ProgressReport, Resolution
from resolutions.selectors import paragraphs_with_figures, states_with_figures
from resolutions.services import (
    commitment_create,
    commitment_update,
    progress_report_nothing_new,
    progress_report_return,
    progress_report_submit,
    progress_report_validate,
)


class PublicReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """Open data: anyone may read, nobody writes here."""

    permission_classes = [AllowAny]
    # Any path segment reaches the view, so a malformed id gets the API's JSON 404.
    lookup_value_regex = "[^/]+"


def not_found(request, *args, **kwargs):
    """Unknown paths under /api/ answer in the API's error format, not with an HTML page."""
    return JsonResponse(
        {"detail": str(_("Not found.")), "code": "not_found"}, status=status.HTTP_404_NOT_FOUND
    )


# --- Network ---------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(summary=_("Member states with their commitment figures")),
    retrieve=extend_schema(summary=_("A member state, by ISO code")),
)
class MemberStateViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.MemberStateSerializer
    filterset_class = filters.MemberStateFilter
    lookup_field = "iso_code"
    ordering_fields = ["name", "iso_code", "commitments_count", "completion", "gap_total"]
    ordering = ["name"]

    def get_queryset(self):
        return states_with_figures(MemberState.objects.all())


class OrganisationViewSet(PublicReadOnlyViewSet):
    queryset = Organisation.objects.select_related("parent")
    serializer_class = serializers.OrganisationSerializer
    filterset_class = filters.OrganisationFilter
    ordering_fields = ["name", "kind"]
    ordering = ["name"]


class ContactGroupViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.ContactGroupSerializer
    ordering_fields = ["name", "established_on"]
    ordering = ["name"]
    filterset_class = None

    def get_queryset(self):
        return selectors.contact_groups()


class MeetingViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilter
    ordering_fields = ["held_on", "number"]
    ordering = ["-held_on"]

    def get_queryset(self):
        return selectors.meetings()


class RosterProfileViewSet(PublicReadOnlyViewSet):
    """Public profiles of the network: people who chose a public profile and whose consent is
    current. Never contact details."""

    serializer_class = serializers.RosterProfileSerializer
    filterset_class = filters.RosterProfileFilter
    ordering_fields = ["full_name"]
    ordering = ["full_name"]

    def get_queryset(self):
        return selectors.public_roster_profiles()


class RosterSummaryView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        summary=_("The network in figures: people by role, gender, region, expertise, language"),
        responses=serializers.RosterSummarySerializer,
    )
    def get(self, request):
        return Response(serializers.RosterSummarySerializer(selectors.roster_summary()).data)


class NominationViewSet(mixins.CreateModelMixin, viewsets.GenericViewSet):
    """Nominate a person to the network, for one's own state (the Secretariat: for any)."""

    permission_classes = [FocalPointOrSecretariat]
    queryset = RosterMember.objects.none()
    serializer_class = serializers.NominationInputSerializer
    filter_backends: list = []

    @extend_schema(
        request=serializers.NominationInputSerializer,
        responses={201: serializers.NominationSerializer},
    )
    def create(self, request, *args, **kwargs):
        incoming = serializers.NominationInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        if "state" not in data:
            data["state"] = _own_state(request.user, field="state")
        person = roster_nomination_create(user=request.user, **data)
        person = (
            RosterMember.objects.prefetch_related("roles")
            .select_related("nominating_state")
            .get(pk=person.pk)
        )
        return Response(
            serializers.NominationSerializer(person).data, status=status.HTTP_201_CREATED
        )


# --- Resolutions -----------------------------------------------------------------------------


class ResolutionViewSet(PublicReadOnlyViewSet):
    queryset = Resolution.objects.select_related("proposed_by", "follows_up")
    serializer_class = serializers.ResolutionSerializer
    filterset_class = filters.ResolutionFilter
    ordering_fields = ["adopted_from", "symbol"]
    ordering = ["adopted_from", "symbol"]


@extend_schema_view(list=extend_schema(summary=_("Paragraphs with status and pledge figures")))
class ParagraphViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.ParagraphSerializer
    filterset_class = filters.ParagraphFilter
    ordering_fields = ["number", "completion", "gap_total", "commitments_count"]

    def get_queryset(self):
        return paragraphs_with_figures()


def _own_state(user, *, field: str) -> MemberState:
    """The acting focal point's state, used when a write names no state."""
    state_id = focal_point_state_id(user)
    if state_id is None:
        raise ValidationError({field: [_("Name the state (ISO code) this is for.")]})
    return MemberState.objects.get(pk=state_id)


_ETAG = re.compile(r'^\s*(?:W/)?"?(\d{1,10})"?\s*$')


def _etag(commitment) -> str:
    return f'"{commitment.version}"'


def _expected_version(request, body_version: int | None) -> int:
    header = request.headers.get("If-Match")
    if header and header.strip() != "*":
        match = _ETAG.match(header.split(",")[0])
        if match is None:
            raise ValidationError(
                {"version": [_('The If-Match header must be the ETag you received, e.g. "3".')]}
            )
        return int(match.group(1))
    if body_version is None:
        raise PreconditionRequired()
    return body_version


@extend_schema_view(
    list=extend_schema(summary=_("Commitments, with delivery and gap")),
    retrieve=extend_schema(summary=_("A commitment; its ETag is its version")),
)
class CommitmentViewSet(
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    PublicReadOnlyViewSet,
):
    serializer_class = serializers.CommitmentSerializer
    filterset_class = filters.CommitmentFilter
    permission_classes = [ReadOrFocalPointWrites]
    ordering_fields = ["id", "pledged_on", "due_on", "status", "completion_ratio", "gap_quantity"]
    ordering = ["id"]
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        return selectors.commitments()

    def retrieve(self, request, *args, **kwargs):
        commitment = self.get_object()
        return Response(self.get_serializer(commitment).data, headers={"ETag": _etag(commitment)})

    @extend_schema(
        summary=_("Record a commitment (for one's own state; the Secretariat: for anyone)"),
        request=serializers.CommitmentCreateInputSerializer,
        responses={201: serializers.CommitmentSerializer},
    )
    def create(self, request, *args, **kwargs):
        incoming = serializers.CommitmentCreateInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        data = dict(incoming.validated_data)
        if data.get("state") is None and data.get("organisation") is None:
            data["state"] = _own_state(request.user, field="state")
        commitment = commitment_create(user=request.user, **data)
        commitment = self.get_queryset().get(pk=commitment.pk)
        return Response(
            self.get_serializer(commitment).data,
            status=status.HTTP_201_CREATED,
            headers={"ETag": _etag(commitment)},
        )

    @extend_schema(
        summary=_("Change a commitment, stating the version you edited"),
        request=serializers.CommitmentUpdateInputSerializer,
        parameters=[
            OpenApiParameter(
                "If-Match",
                OpenApiTypes.STR,
                OpenApiParameter.HEADER,
                description=_('The ETag you read, e.g. "3"; or send a “version” field.'),
            )
        ],
        responses={
            200: serializers.CommitmentSerializer,
            412: OpenApiResponse(
                ErrorSerializer, description=_("Someone changed the commitment since you read it.")
            ),
            428: OpenApiResponse(ErrorSerializer, description=_("No version was sent.")),
        },
    )
    def partial_update(self, request, *args, **kwargs):
        commitment = self.get_object()
        incoming = serializers.CommitmentUpdateInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        changes = dict(incoming.validated_data)
        expected_version = _expected_version(request, changes.pop("version", None))
        try:
            commitment_update(
                user=request.user,
                commitment=commitment,
                expected_version=expected_version,
                **changes,
            )
        except DjangoValidationError as error:
            if getattr(error, "code", None) == "stale":
                raise PreconditionFailed(error.messages[0]) from None
            raise
        commitment = self.get_queryset().get(pk=commitment.pk)
        return Response(self.get_serializer(commitment).data, headers={"ETag": _etag(commitment)})


@extend_schema_view(
    list=extend_schema(
        summary=_("Progress reports"),
        description=_(
            "Validated reports for everyone; a focal point also sees their own state's submitted "
            "and returned reports, the Secretariat sees all."
        ),
    )
)
class ProgressReportViewSet(mixins.CreateModelMixin, PublicReadOnlyViewSet):
    serializer_class = serializers.ProgressReportSerializer
    filterset_class = filters.ProgressReportFilter
    permission_classes = [ReadOrFocalPointWrites]
    parser_classes = [PortalJSONParser, PortalMultiPartParser, PortalFormParser]
    ordering_fields = ["reported_at", "id"]
    ordering = ["-reported_at", "-id"]

    def get_queryset(self):
        return selectors.progress_reports_for(self.request.user)

    @extend_schema(
        summary=_("Report progress on a commitment of one's own state"),
        request=serializers.ProgressReportInputSerializer,
        responses={201: serializers.ProgressReportSerializer},
    )
    def create(self, request, *args, **kwargs):
        incoming = serializers.ProgressReportInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        report = progress_report_submit(user=request.user, **incoming.validated_data)
        report = ProgressReport.objects.select_related("commitment__state").get(pk=report.pk)
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary=_("Report nothing new on a commitment of one's own state"),
        description=_(
            "Counts as reporting once the Secretariat validates it; it restates the commitment's "
            "status and delivered quantity and never changes a delivered figure."
        ),
        request=serializers.NothingNewInputSerializer,
        responses={201: serializers.ProgressReportSerializer},
    )
    @action(
        detail=False,
        methods=["post"],
        url_path="nothing-new",
        url_name="nothing-new",
        parser_classes=[PortalJSONParser, PortalFormParser],
    )
    def nothing_new(self, request):
        incoming = serializers.NothingNewInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        report = progress_report_nothing_new(user=request.user, **incoming.validated_data)
        report = ProgressReport.objects.select_related("commitment__state").get(pk=report.pk)
        return Response(self.get_serializer(report).data, status=status.HTTP_201_CREATED)

    def _review(self, request, service):
        report = self.get_object()
        incoming = serializers.ReviewInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        report = service(user=request.user, report=report, **incoming.validated_data)
        report = ProgressReport.objects.select_related("commitment__state").get(pk=report.pk)
        return Response(self.get_serializer(report).data)

    @extend_schema(
        summary=_("Validate a submitted report (the Secretariat)"),
        request=serializers.ReviewInputSerializer,
        responses=serializers.ProgressReportSerializer,
    )
    @action(detail=True, methods=["post"], parser_classes=[PortalJSONParser, PortalFormParser])
    def validate(self, request, pk=None):
        return self._review(request, progress_report_validate)

    @extend_schema(
        summary=_("Return a submitted report for changes, saying why (the Secretariat)"),
        request=serializers.ReviewInputSerializer,
        responses=serializers.ProgressReportSerializer,
    )
    @action(
        detail=True,
        methods=["post"],
        url_path="return",
        url_name="return",
        parser_classes=[PortalJSONParser, PortalFormParser],
    )
    def return_for_changes(self, request, pk=None):
        return self._review(request, progress_report_return)


# --- Trainings -------------------------------------------------------------------------------


class ProgrammeViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.ProgrammeSerializer
    filterset_class = filters.ProgrammeFilter
    ordering_fields = ["name", "launched_on"]
    ordering = ["name"]

    def get_queryset(self):
        return selectors.programmes()


@extend_schema_view(
    list=extend_schema(
        summary=_("Training editions, with participants counted by state, level and gender")
    )
)
class EditionViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.EditionSerializer
    filterset_class = filters.EditionFilter
    ordering_fields = ["starts_on", "participants_total"]
    ordering = ["-starts_on", "id"]

    def get_queryset(self):
        return selectors.editions()


# --- Conferences -----------------------------------------------------------------------------


class ConferenceViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.ConferenceSerializer
    filterset_class = filters.ConferenceFilter
    ordering_fields = ["ordinal", "starts_on"]
    ordering = ["ordinal"]

    def get_queryset(self):
        return selectors.conferences()


class SessionViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.SessionSerializer
    filterset_class = filters.SessionFilter
    ordering_fields = ["order"]
    ordering = ["conference__ordinal", "order"]

    def get_queryset(self):
        return selectors.sessions()


class SpeakerViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.SpeakerSerializer
    filterset_class = filters.SpeakerFilter
    ordering_fields = ["full_name"]
    ordering = ["full_name", "id"]

    def get_queryset(self):
        return selectors.speakers()


class DocumentViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.DocumentSerializer
    filterset_class = filters.DocumentFilter
    ordering_fields = ["published_on", "title"]
    ordering = ["-published_on", "id"]

    def get_queryset(self):
        return selectors.public_documents()


class RecommendationViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.RecommendationSerializer
    filterset_class = filters.RecommendationFilter
    ordering_fields = ["number", "follow_up_as_of"]
    ordering = ["conference__ordinal", "number"]

    def get_queryset(self):
        return selectors.recommendations()


class CitedFigureViewSet(PublicReadOnlyViewSet):
    serializer_class = serializers.CitedFigureSerializer
    filterset_class = filters.CitedFigureFilter
    ordering_fields = ["source_year"]
    ordering = ["position", "id"]

    def get_queryset(self):
        return selectors.cited_figures()
