"""Serializers. Output serializers list every published field explicitly (a whitelist: a new model
field is not published until it is added here); input serializers only parse and shape a request
for a service, which checks the rules and writes.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from conferences.models import (
    CitedFigure,
    Conference,
    Document,
    FollowUpStatus,
    Recommendation,
    RecommendationFollowUp,
    Session,
    SessionSpeaker,
    Speaker,
)
from network.models import (
    CoChairPeriod,
    ContactGroup,
    ContactGroupMeeting,
    ContactGroupMembership,
    ExpertiseArea,
    Gender,
    Language,
    MemberState,
    Organisation,
    Region,
    RosterMember,
    RosterRole,
)
from oic_mediation.api import selectors
from resolutions.models import (
    Commitment,
    CommitmentStatus,
    EvidenceGrade,
    ImplementationStatus,
    Paragraph,
    ProgressReport,
    Resolution,
)
from trainings.models import Edition, Level, Programme

# Postgres "integer" columns; larger numbers are refused with a message, not a database error.
MAX_INTEGER = 2_147_483_647


def _nullable_unless_many(kwargs: dict) -> dict:
    if not kwargs.get("many"):
        kwargs.setdefault("allow_null", True)
    return kwargs


def state_code(**kwargs) -> serializers.SlugRelatedField:
    """A state as its ISO code; null when the (optional) state is not set."""
    return serializers.SlugRelatedField(
        slug_field="iso_code", read_only=True, **_nullable_unless_many(kwargs)
    )


def organisation_slug(**kwargs) -> serializers.SlugRelatedField:
    return serializers.SlugRelatedField(
        slug_field="slug", read_only=True, **_nullable_unless_many(kwargs)
    )


class ParagraphReferenceSerializer(serializers.Serializer):
    """A paragraph or measure as the resolution names it, beside its id and address."""

    id = serializers.IntegerField(read_only=True, help_text=_("The paragraph's id in this API."))
    url = serializers.HyperlinkedIdentityField(
        view_name="api:paragraph-detail",
        read_only=True,
        help_text=_("The paragraph's address in this API."),
    )
    resolution = serializers.CharField(
        source="resolution.symbol",
        read_only=True,
        help_text=_("The symbol of the resolution, e.g. 53/45-POL."),
    )
    number = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_("The operative paragraph's number; null for a measure without a number."),
    )
    label = serializers.CharField(
        read_only=True,
        help_text=_("“Paragraph 8”, or “Other measure”, in the language asked for."),
    )


# --- Network ---------------------------------------------------------------------------------


class MemberStateSerializer(serializers.ModelSerializer):
    commitments_count = serializers.IntegerField(read_only=True)
    delivered_count = serializers.IntegerField(read_only=True)
    in_progress_count = serializers.IntegerField(read_only=True)
    overdue_count = serializers.IntegerField(read_only=True)
    completion = serializers.FloatField(
        read_only=True, help_text=_("Mean completion of its commitments, from 0 to 1.")
    )
    gap_total = serializers.IntegerField(read_only=True)

    class Meta:
        model = MemberState
        fields = [
            "iso_code",
            "iso3_code",
            "name",
            "slug",
            "status",
            "status_since",
            "status_note",
            "joined_on",
            "geographic_group",
            "african_union_member",
            "arab_league_member",
            "commitments_count",
            "delivered_count",
            "in_progress_count",
            "overdue_count",
            "completion",
            "gap_total",
        ]


class OrganisationSerializer(serializers.ModelSerializer):
    parent = organisation_slug()

    class Meta:
        model = Organisation
        fields = ["id", "name", "acronym", "slug", "kind", "parent", "description", "website"]


class MembershipSerializer(serializers.ModelSerializer):
    state = state_code()
    organisation = organisation_slug()

    class Meta:
        model = ContactGroupMembership
        fields = ["state", "organisation", "joined_on", "left_on", "note", "is_current"]


class CoChairSerializer(serializers.ModelSerializer):
    state = state_code()
    organisation = organisation_slug()

    class Meta:
        model = CoChairPeriod
        fields = ["state", "organisation", "started_on", "ended_on"]


class ContactGroupSerializer(serializers.ModelSerializer):
    members = MembershipSerializer(source="memberships", many=True, read_only=True)
    co_chairs = CoChairSerializer(source="co_chair_periods", many=True, read_only=True)

    class Meta:
        model = ContactGroup
        fields = [
            "id",
            "name",
            "slug",
            "established_on",
            "description",
            "principles",
            "members",
            "co_chairs",
        ]


class MeetingSerializer(serializers.ModelSerializer):
    group = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    states_present = state_code(many=True)
    organisations_present = organisation_slug(many=True)

    class Meta:
        model = ContactGroupMeeting
        fields = [
            "id",
            "group",
            "number",
            "held_on",
            "place",
            "level",
            "agenda",
            "outcome",
            "states_present",
            "organisations_present",
            "reported_attendance",
        ]


class RosterRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = RosterRole
        fields = ["role", "title", "started_on"]


class RosterProfileSerializer(serializers.ModelSerializer):
    """A public profile: never e-mail, phone, postal address, vetting or who nominated."""

    nationality = state_code()
    roles = RosterRoleSerializer(
        source="open_roles", many=True, read_only=True, help_text=_("The roles held today.")
    )
    expertise = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    languages = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    regions = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = RosterMember
        fields = [
            "id",
            "honorific",
            "full_name",
            "gender",
            "nationality",
            "current_position",
            "biography",
            "roles",
            "expertise",
            "languages",
            "regions",
            "availability",
        ]


class CountSerializer(serializers.Serializer):
    key = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class RosterSummarySerializer(serializers.Serializer):
    total = serializers.IntegerField()
    by_role = CountSerializer(many=True)
    by_gender = CountSerializer(many=True)
    by_region = CountSerializer(many=True)
    by_expertise = CountSerializer(many=True)
    by_language = CountSerializer(many=True)


# --- Resolutions -----------------------------------------------------------------------------


class ResolutionSerializer(serializers.ModelSerializer):
    proposed_by = state_code()
    follows_up = serializers.SlugRelatedField(slug_field="symbol", read_only=True, allow_null=True)

    class Meta:
        model = Resolution
        fields = [
            "id",
            "symbol",
            "title",
            "cfm_session",
            "place",
            "adopted_from",
            "adopted_until",
            "hijri_dates",
            "proposed_by",
            "follows_up",
            "preamble_references",
            "summary",
            "text_url",
        ]


class ParagraphSerializer(serializers.ModelSerializer):
    resolution = serializers.SlugRelatedField(slug_field="symbol", read_only=True)
    status = serializers.ChoiceField(choices=ImplementationStatus.choices, read_only=True)
    assessed_status = serializers.ChoiceField(
        choices=ImplementationStatus.choices,
        read_only=True,
        allow_null=True,
        help_text=_("The Secretariat's latest assessment, if any."),
    )
    commitments_count = serializers.IntegerField(read_only=True)
    delivered_count = serializers.IntegerField(read_only=True)
    in_progress_count = serializers.IntegerField(read_only=True)
    pledged_only_count = serializers.IntegerField(read_only=True)
    overdue_count = serializers.IntegerField(read_only=True)
    completion = serializers.FloatField(read_only=True)
    gap_total = serializers.IntegerField(read_only=True)

    class Meta:
        model = Paragraph
        fields = [
            "id",
            "resolution",
            "number",
            "label",
            "title",
            "text",
            "theme",
            "addressee",
            "expected_deliverables",
            "status",
            "assessed_status",
            "commitments_count",
            "delivered_count",
            "in_progress_count",
            "pledged_only_count",
            "overdue_count",
            "completion",
            "gap_total",
        ]


class CommitmentSerializer(serializers.ModelSerializer):
    paragraph = ParagraphReferenceSerializer(read_only=True)
    state = state_code()
    organisation = organisation_slug()
    gap = serializers.IntegerField(
        source="gap_quantity",
        read_only=True,
        allow_null=True,
        help_text=_("Target minus delivered, never below 0; null without a target."),
    )
    completion = serializers.FloatField(
        source="completion_ratio",
        read_only=True,
        help_text=_("From 0 to 1: delivered over target, at most 1; 1 once delivered."),
    )
    evidence_grade = serializers.ChoiceField(
        choices=[
            (value, label)
            for value, label in EvidenceGrade.choices
            if value != EvidenceGrade.DECLARED
        ],
        read_only=True,
        help_text=_(
            "The grade of the evidence of the delivered figure: verified (validated by the "
            "Secretariat) or confirmed (independently confirmed as well)."
        ),
    )
    declared_quantity = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text=_(
            "What the latest report awaiting validation declares delivered (in no total); null "
            "without one."
        ),
    )
    exceeds_target = serializers.BooleanField(
        read_only=True, help_text=_("More was delivered than the target (counted as complete).")
    )

    class Meta:
        model = Commitment
        fields = [
            "id",
            "paragraph",
            "state",
            "organisation",
            "title",
            "description",
            "target_quantity",
            "unit",
            "pledged_on",
            "due_on",
            "status",
            "delivered_quantity",
            "progress_as_of",
            "gap",
            "completion",
            "evidence_grade",
            "declared_quantity",
            "exceeds_target",
            "is_overdue",
            "version",
            "updated_at",
        ]


class ProgressReportSerializer(serializers.ModelSerializer):
    state = state_code(source="commitment.state")
    has_evidence_file = serializers.SerializerMethodField()
    exceeds_target = serializers.BooleanField(
        read_only=True,
        help_text=_("It reports more delivered than the commitment's target (allowed)."),
    )

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "commitment",
            "state",
            "status",
            "quantity_delivered",
            "exceeds_target",
            "narrative",
            "nothing_new",
            "delivered_on",
            "period_start",
            "language",
            "evidence_url",
            "has_evidence_file",
            "reported_at",
            "review_status",
            "reviewed_at",
            "review_comment",
        ]

    review_comment = serializers.SerializerMethodField(
        help_text=_("Shown to the reporting state and the Secretariat only; null otherwise.")
    )

    def get_has_evidence_file(self, report) -> bool:
        return bool(report.evidence_file)

    def get_review_comment(self, report) -> str | None:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        if user is None or not user.has_perm("resolutions.read_review_progressreport", report):
            return None
        return report.review_comment


# --- Trainings -------------------------------------------------------------------------------


class ProgrammeSerializer(serializers.ModelSerializer):
    organiser_state = state_code()
    organiser_organisation = organisation_slug()
    partners = organisation_slug(many=True)
    paragraphs = ParagraphReferenceSerializer(many=True, read_only=True)
    editions_count = serializers.IntegerField(
        source="edition_count", read_only=True, help_text=_("Its public editions.")
    )

    class Meta:
        model = Programme
        fields = [
            "id",
            "name",
            "slug",
            "description",
            "organiser_state",
            "organiser_organisation",
            "organiser_detail",
            "partners",
            "paragraphs",
            "launched_on",
            "awards_certificate",
            "website",
            "editions_count",
        ]


class StateCountSerializer(serializers.Serializer):
    state = serializers.CharField(allow_null=True, help_text=_("ISO code; null for others."))
    count = serializers.IntegerField()


class ParticipantCountsSerializer(serializers.Serializer):
    total = serializers.IntegerField(help_text=_("Participants named, less those who withdrew."))
    completed = serializers.IntegerField(help_text=_("Named participants who completed."))
    declared_without_names = serializers.IntegerField(
        help_text=_("The reported head count beyond the participants named.")
    )
    trained = serializers.IntegerField(
        help_text=_("Diplomats trained: completed, plus declared without names.")
    )
    by_gender = serializers.DictField(child=serializers.IntegerField())
    by_level = serializers.DictField(child=serializers.IntegerField())
    by_state = StateCountSerializer(many=True)


class EditionListSerializer(serializers.ListSerializer):
    """Counts participants by state for the whole page in one query."""

    def to_representation(self, data):
        editions = list(data.all() if hasattr(data, "all") else data)
        self.child.context["participants_by_state"] = selectors.participant_counts_by_state(
            edition.pk for edition in editions
        )
        return super().to_representation(editions)


class EditionSerializer(serializers.ModelSerializer):
    """A training edition; participants only as counts, never one by one."""

    programme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    title = serializers.CharField(
        source="display_title",
        read_only=True,
        help_text=_("Its title, or the programme's name with its number or date."),
    )
    host_state = state_code()
    reported_by_state = state_code()
    participants = serializers.SerializerMethodField()

    class Meta:
        model = Edition
        list_serializer_class = EditionListSerializer
        fields = [
            "id",
            "programme",
            "number",
            "title",
            "starts_on",
            "ends_on",
            "place",
            "host_state",
            "format",
            "level_targeted",
            "duration_hours",
            "description",
            "reported_participants",
            "reported_states",
            "reported_by_state",
            "participants",
        ]

    @extend_schema_field(ParticipantCountsSerializer)
    def get_participants(self, edition) -> dict:
        by_state = self.context.get("participants_by_state")
        if by_state is None:
            by_state = selectors.participant_counts_by_state([edition.pk])
        return {
            "total": edition.participants_total,
            "completed": edition.participants_completed,
            "declared_without_names": edition.declared_unnamed,
            "trained": edition.trained_count,
            "by_gender": {
                gender: getattr(edition, f"participants_{gender}") for gender in Gender.values
            },
            "by_level": {
                level: getattr(edition, f"participants_level_{level}") for level in Level.values
            },
            "by_state": by_state.get(edition.pk, []),
        }


# --- Conferences -----------------------------------------------------------------------------


class ConferenceSerializer(serializers.ModelSerializer):
    host_state = state_code()
    partner_organisations = organisation_slug(many=True)

    class Meta:
        model = Conference
        fields = [
            "id",
            "ordinal",
            "title",
            "theme",
            "starts_on",
            "ends_on",
            "city",
            "venue",
            "host_state",
            "convened_by",
            "partner_organisations",
            "reported_participants",
            "participants_is_minimum",
            "reported_states",
            "summary",
        ]


class SpeakerSerializer(serializers.ModelSerializer):
    organisation = organisation_slug()
    state = state_code()

    class Meta:
        model = Speaker
        fields = [
            "id",
            "honorific",
            "full_name",
            "position",
            "organisation",
            "state",
            "affiliation",
        ]


class AppearanceSerializer(serializers.ModelSerializer):
    speaker = serializers.PrimaryKeyRelatedField(read_only=True)
    name = serializers.CharField(source="speaker.__str__", read_only=True)

    class Meta:
        model = SessionSpeaker
        fields = ["speaker", "name", "role", "order", "note"]


class SessionSerializer(serializers.ModelSerializer):
    conference = serializers.SlugRelatedField(slug_field="ordinal", read_only=True)
    speakers = AppearanceSerializer(source="appearances", many=True, read_only=True)

    class Meta:
        model = Session
        fields = ["id", "conference", "order", "kind", "title", "summary", "speakers"]


class DocumentSerializer(serializers.ModelSerializer):
    conference = serializers.SlugRelatedField(slug_field="ordinal", read_only=True, allow_null=True)
    author = organisation_slug()
    file_url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = [
            "id",
            "conference",
            "kind",
            "title",
            "language",
            "un_symbol",
            "author",
            "published_on",
            "url",
            "file_url",
        ]

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_file_url(self, document) -> str | None:
        if not document.file:
            return None
        request = self.context.get("request")
        url = document.file.url
        return request.build_absolute_uri(url) if request else url


class FollowUpSerializer(serializers.ModelSerializer):
    class Meta:
        model = RecommendationFollowUp
        fields = ["status", "as_of", "note"]


class RecommendationSerializer(serializers.ModelSerializer):
    conference = serializers.SlugRelatedField(slug_field="ordinal", read_only=True)
    paragraphs = ParagraphReferenceSerializer(many=True, read_only=True)
    follow_up_status = serializers.ChoiceField(
        choices=FollowUpStatus.choices,
        read_only=True,
        help_text=_("Its latest follow-up's status; “pending” without one."),
    )
    follow_up_as_of = serializers.DateField(
        read_only=True, allow_null=True, help_text=_("The date of its latest follow-up.")
    )
    follow_ups = FollowUpSerializer(many=True, read_only=True)

    class Meta:
        model = Recommendation
        fields = [
            "id",
            "conference",
            "session",
            "number",
            "text",
            "addressee",
            "is_priority",
            "paragraphs",
            "follow_up_status",
            "follow_up_as_of",
            "follow_ups",
        ]


class CitedFigureSerializer(serializers.ModelSerializer):
    conference = serializers.SlugRelatedField(slug_field="ordinal", read_only=True, allow_null=True)

    class Meta:
        model = CitedFigure
        fields = [
            "id",
            "statement",
            "value",
            "unit",
            "source",
            "source_document",
            "source_year",
            "conference",
        ]


# --- Inputs of writes ------------------------------------------------------------------------


class StateByCodeField(serializers.SlugRelatedField):
    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", MemberState.objects.all())
        super().__init__(slug_field="iso_code", **kwargs)


class ParagraphByNumberMixin(serializers.Serializer):
    """A paragraph by its id, or by the resolution's symbol and the paragraph's number."""

    paragraph = serializers.PrimaryKeyRelatedField(
        queryset=Paragraph.objects.all(),
        required=False,
        help_text=_("The paragraph's id; or give resolution and paragraph_number instead."),
    )
    resolution = serializers.SlugRelatedField(
        slug_field="symbol",
        queryset=Resolution.objects.all(),
        required=False,
        write_only=True,
        help_text=_("The resolution's symbol, e.g. 53/45-POL (with paragraph_number)."),
    )
    paragraph_number = serializers.IntegerField(
        required=False,
        write_only=True,
        min_value=1,
        max_value=MAX_INTEGER,
        help_text=_("The operative paragraph's number in that resolution, e.g. 8."),
    )

    def validate(self, attrs):
        attrs = super().validate(attrs)
        resolution = attrs.pop("resolution", None)
        number = attrs.pop("paragraph_number", None)
        if attrs.get("paragraph") is not None:
            return attrs
        errors = {}
        if resolution is None:
            errors["resolution"] = _("Give the paragraph's id, or the resolution and the number.")
        if number is None:
            errors["paragraph_number"] = _(
                "Give the paragraph's id, or the resolution and the number."
            )
        if errors:
            raise serializers.ValidationError(errors)
        paragraph = Paragraph.objects.filter(resolution=resolution, number=number).first()
        if paragraph is None:
            raise serializers.ValidationError(
                {
                    "paragraph_number": _("Resolution %(symbol)s has no paragraph %(number)s.")
                    % {"symbol": resolution.symbol, "number": number}
                }
            )
        attrs["paragraph"] = paragraph
        return attrs


class CommitmentCreateInputSerializer(ParagraphByNumberMixin, serializers.Serializer):
    state = StateByCodeField(
        required=False,
        allow_null=True,
        help_text=_("ISO code of the pledging state; a focal point's own state when omitted."),
    )
    organisation = serializers.SlugRelatedField(
        slug_field="slug",
        queryset=Organisation.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Slug of the pledging organisation (the Secretariat only)."),
    )
    title = serializers.CharField(max_length=255)
    description = serializers.CharField(required=False, allow_blank=True, default="")
    target_quantity = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=MAX_INTEGER
    )
    unit = serializers.ChoiceField(choices=Commitment.Unit.choices, default=Commitment.Unit.ACTIONS)
    due_on = serializers.DateField(required=False, allow_null=True)
    pledged_on = serializers.DateField(required=False, allow_null=True)

    def validate(self, attrs):
        attrs = super().validate(attrs)
        if attrs.get("state") is not None and attrs.get("organisation") is not None:
            raise serializers.ValidationError(
                _("A commitment is pledged by either a member state or an organisation.")
            )
        return attrs


class CommitmentUpdateInputSerializer(serializers.Serializer):
    """The editable fields (resolutions.services.COMMITMENT_EDITABLE_FIELDS) and the version."""

    version = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=MAX_INTEGER,
        help_text=_("The version you edited; or send it in an If-Match header."),
    )
    title = serializers.CharField(max_length=255, required=False)
    description = serializers.CharField(required=False, allow_blank=True)
    target_quantity = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=MAX_INTEGER
    )
    unit = serializers.ChoiceField(choices=Commitment.Unit.choices, required=False)
    due_on = serializers.DateField(required=False, allow_null=True)


REPORTABLE_STATUSES = [
    (value, label) for value, label in CommitmentStatus.choices if value != CommitmentStatus.PLEDGED
]


class ProgressReportInputSerializer(serializers.Serializer):
    commitment = serializers.PrimaryKeyRelatedField(queryset=Commitment.objects.all())
    status = serializers.ChoiceField(choices=REPORTABLE_STATUSES)
    quantity_delivered = serializers.IntegerField(min_value=0, max_value=MAX_INTEGER)
    delivered_on = serializers.DateField(
        required=False,
        help_text=_("The date by which that quantity had been delivered; today when omitted."),
    )
    period_start = serializers.DateField(
        required=False,
        allow_null=True,
        help_text=_("The first day of the period the report covers, if any."),
    )
    narrative = serializers.CharField()
    language = serializers.ChoiceField(
        choices=[code for code, _name in settings.LANGUAGES], required=False
    )
    evidence_url = serializers.URLField(required=False, allow_blank=True, default="")
    evidence_file = serializers.FileField(required=False, allow_null=True)


class NothingNewInputSerializer(serializers.Serializer):
    commitment = serializers.PrimaryKeyRelatedField(queryset=Commitment.objects.all())
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        max_length=2000,
        help_text=_("Why nothing changed, if the state wishes to say."),
    )


class ReviewInputSerializer(serializers.Serializer):
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class NominationInputSerializer(serializers.Serializer):
    state = StateByCodeField(
        required=False,
        allow_null=True,
        help_text=_(
            "ISO code of the nominating state; a focal point's own state when omitted. "
            "The Secretariat sends null to nominate on its own behalf."
        ),
    )
    full_name = serializers.CharField(max_length=200)
    honorific = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    gender = serializers.ChoiceField(choices=Gender.choices)
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=RosterRole.Role.choices), min_length=1
    )
    consent_given_on = serializers.DateField()
    email = serializers.EmailField(required=False, allow_blank=True, default="")
    phone = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    current_position = serializers.CharField(
        max_length=255, required=False, allow_blank=True, default=""
    )
    biography = serializers.CharField(required=False, allow_blank=True, default="")
    nationality = StateByCodeField(required=False, allow_null=True)
    expertise = serializers.SlugRelatedField(
        slug_field="slug", queryset=ExpertiseArea.objects.all(), many=True, required=False
    )
    languages = serializers.SlugRelatedField(
        slug_field="code", queryset=Language.objects.all(), many=True, required=False
    )
    regions = serializers.SlugRelatedField(
        slug_field="slug", queryset=Region.objects.all(), many=True, required=False
    )


class NominationSerializer(serializers.ModelSerializer):
    """What the nominator gets back: the record, not the contact details they sent."""

    nominating_state = state_code()
    roles = serializers.SlugRelatedField(slug_field="role", many=True, read_only=True)

    class Meta:
        model = RosterMember
        fields = [
            "id",
            "full_name",
            "nominating_state",
            "nominated_on",
            "roles",
            "vetting_status",
            "visibility",
        ]


class TokenInputSerializer(serializers.Serializer):
    username = serializers.CharField(max_length=150)
    password = serializers.CharField(max_length=4096, trim_whitespace=False)


class TokenSerializer(serializers.Serializer):
    token = serializers.CharField(help_text=_("Send it as “Authorization: Token <token>”."))
    expiry = serializers.DateTimeField(
        allow_null=True, help_text=_("When the token stops working; ask for a new one then.")
    )


class TokenListedSerializer(serializers.Serializer):
    token_key = serializers.CharField(
        help_text=_("The first characters of the token (15), by which it is listed and revoked.")
    )
    created = serializers.DateTimeField()
    expiry = serializers.DateTimeField(allow_null=True)
    current = serializers.SerializerMethodField(
        help_text=_("Whether this request was authenticated by this token.")
    )

    def get_current(self, token) -> bool:
        return token.token_key == self.context.get("current")
