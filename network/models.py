"""Who takes part: member states and their focal points, organisations, the Contact Group of the
Friends of Mediation, and the roster of OIC mediators, special envoys, experts and wise persons.

This app imports from no other domain app; the others build on it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from core.models import HttpsURLField, TrackedModel
from core.text_search import Plain, SearchFields
from network.periods import is_current_on
from network.rules import can_report_for_state, is_secretariat, secretariat_maintains


def exactly_one_of(first: str, second: str) -> Q:
    """A check that one and only one of two nullable foreign keys is set."""
    return (Q(**{f"{first}__isnull": False}) & Q(**{f"{second}__isnull": True})) | (
        Q(**{f"{first}__isnull": True}) & Q(**{f"{second}__isnull": False})
    )


def ends_after_start(start: str, end: str) -> Q:
    return Q(**{f"{end}__isnull": True}) | Q(**{f"{end}__gte": F(start)})


class GeographicGroup(models.TextChoices):
    """The OIC's three geographic groups, used for balance in the roster and the dashboard."""

    AFRICAN = "african", _("African group")
    ARAB = "arab", _("Arab group")
    ASIAN = "asian", _("Asian group")


# What each record is found by in the portal's search (core.text_search).
MEMBER_STATE_SEARCH = SearchFields(
    title=("name", Plain("iso_code"), Plain("iso3_code")),
    body=("status_note",),
    shown=("name",),
    index_prefix="member_state",
)
# The Secretariat's search only: people's names are in no particular language.
ROSTER_MEMBER_SEARCH = SearchFields(
    title=("full_name", "honorific"), translated=False, indexed=False
)
MEETING_SEARCH = SearchFields(title=("place",), body=("agenda", "outcome"), indexed=False)


class MemberState(TrackedModel):
    class Status(models.TextChoices):
        MEMBER = "member", _("Member")
        OBSERVER = "observer", _("Observer")
        SUSPENDED = "suspended", _("Membership suspended")

    iso_code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("ISO 3166-1 alpha-2 code, in capitals (e.g. TR, SN)."),
    )
    iso3_code = models.CharField(
        _("ISO alpha-3 code"),
        max_length=3,
        unique=True,
        help_text=_("ISO 3166-1 alpha-3 code, used to draw the map (e.g. TUR, SEN)."),
    )
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    status = models.CharField(_("status"), max_length=12, choices=Status, default=Status.MEMBER)
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    status_since = models.DateField(
        _("status since"),
        null=True,
        blank=True,
        help_text=_("When the current status began (e.g. the date a membership was suspended)."),
    )
    status_note = models.TextField(_("status note"), blank=True)
    geographic_group = models.CharField(
        _("geographic group"), max_length=10, choices=GeographicGroup, blank=True
    )
    african_union_member = models.BooleanField(_("African Union member"), default=False)
    arab_league_member = models.BooleanField(_("League of Arab States member"), default=False)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains(act_for_state=can_report_for_state)
        verbose_name = _("member state")
        verbose_name_plural = _("member states")
        ordering = ["name"]
        indexes = MEMBER_STATE_SEARCH.indexes()
        constraints = [
            models.CheckConstraint(
                condition=Q(iso_code__regex=r"^[A-Z]{2}$"),
                name="member_state_iso_code_two_capitals",
                violation_error_message=_("The ISO code must be two capital letters."),
            ),
            models.CheckConstraint(
                condition=Q(iso3_code__regex=r"^[A-Z]{3}$"),
                name="member_state_iso3_code_three_capitals",
                violation_error_message=_("The ISO alpha-3 code must be three capital letters."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_full_member(self) -> bool:
        return self.status == self.Status.MEMBER


class FocalPoint(TrackedModel):
    """An official of a member state who reports on that state's commitments."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="focal_point",
        verbose_name=_("user"),
    )
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        related_name="focal_points",
        verbose_name=_("member state"),
    )
    title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("e.g. Director, Multilateral Affairs")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    is_active = models.BooleanField(_("active"), default=True)
    invited_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("invited by"),
    )

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains(invite=is_secretariat)
        verbose_name = _("focal point")
        verbose_name_plural = _("focal points")
        ordering = ["state__name", "user__last_name"]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        return f"{name} ({self.state})"


class Organisation(TrackedModel):
    class Kind(models.TextChoices):
        OIC_BODY = "oic_body", _("OIC body")
        PARTNER = "partner", _("Partner organisation")
        ACADEMIC = "academic", _("Academic or research institution")
        GOVERNMENT = "government", _("Government body")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="units",
        verbose_name=_("part of"),
    )
    description = models.TextField(_("description"), blank=True)
    website = HttpsURLField(_("website"), blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        if self.acronym and self.acronym != self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    def clean(self) -> None:
        ancestor = self.parent
        while ancestor is not None:
            if ancestor.pk == self.pk and self.pk is not None:
                raise ValidationError({"parent": _("An organisation cannot be part of itself.")})
            ancestor = ancestor.parent


class ContactGroup(TrackedModel):
    """A contact group of OIC member states, such as the Friends of Mediation."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    principles = models.TextField(_("principles and objectives"), blank=True)
    reported_member_count = models.PositiveSmallIntegerField(
        _("reported number of members"),
        null=True,
        blank=True,
        help_text=_("As stated in a source, when the members are not all recorded individually."),
    )
    reported_members_as_of = models.DateField(_("member count as of"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("contact group")
        verbose_name_plural = _("contact groups")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class StateOrOrganisation(models.Model):
    """A record that belongs to a member state or to an organisation: exactly one of the two."""

    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)s_set",
        verbose_name=_("member state"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="%(class)s_set",
        verbose_name=_("organisation"),
    )

    class Meta:
        abstract = True

    @property
    def participant(self) -> MemberState | Organisation | None:
        return self.state or self.organisation


class ContactGroupMembership(StateOrOrganisation, TrackedModel):
    group = models.ForeignKey(
        ContactGroup,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("contact group"),
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("contact group membership")
        verbose_name_plural = _("contact group memberships")
        ordering = ["group", "state__name", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of("state", "organisation"),
                name="membership_state_xor_organisation",
                violation_error_message=_(
                    "Give either a member state or an organisation: one of the two, not both."
                ),
            ),
            models.CheckConstraint(
                condition=ends_after_start("joined_on", "left_on"),
                name="membership_left_after_joined",
                violation_error_message=_("A member cannot leave before joining."),
            ),
            models.UniqueConstraint(
                fields=["group", "state", "joined_on"],
                condition=Q(state__isnull=False),
                name="membership_unique_state_per_start",
                violation_error_message=_("This state already joined the group on that date."),
            ),
            models.UniqueConstraint(
                fields=["group", "organisation", "joined_on"],
                condition=Q(organisation__isnull=False),
                name="membership_unique_organisation_per_start",
                violation_error_message=_(
                    "This organisation already joined the group on that date."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} — {self.group}"

    @property
    def is_current(self) -> bool:
        """See ``network.selectors.current_memberships``."""
        return is_current_on(self.joined_on, self.left_on)


class CoChairPeriod(StateOrOrganisation, TrackedModel):
    group = models.ForeignKey(
        ContactGroup,
        on_delete=models.CASCADE,
        related_name="co_chair_periods",
        verbose_name=_("contact group"),
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("co-chair period")
        verbose_name_plural = _("co-chair periods")
        ordering = ["group", "started_on"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of("state", "organisation"),
                name="co_chair_state_xor_organisation",
                violation_error_message=_(
                    "Give either a member state or an organisation: one of the two, not both."
                ),
            ),
            models.CheckConstraint(
                condition=ends_after_start("started_on", "ended_on"),
                name="co_chair_ends_after_start",
                violation_error_message=_("A co-chair period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.participant} ({self.started_on or '…'} – {self.ended_on or '…'})"


class DatePrecision(models.TextChoices):
    """How much of a date the sources give: the rest of a stored date is a placeholder."""

    DAY = "day", _("Exact day")
    MONTH = "month", _("Month only")


class MeetingLevel(models.TextChoices):
    SUMMIT = "summit", _("Heads of state")
    MINISTERIAL = "ministerial", _("Ministerial")
    AMBASSADOR = "ambassador", _("Ambassadors")
    SENIOR_OFFICIALS = "senior_officials", _("Senior officials")
    EXPERT = "expert", _("Experts")


class ContactGroupMeeting(TrackedModel):
    group = models.ForeignKey(
        ContactGroup,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("contact group"),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), null=True, blank=True, help_text=_("1 for the first meeting, and so on.")
    )
    held_on = models.DateField(_("date"))
    date_precision = models.CharField(
        _("date precision"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.DAY,
        help_text=_("“Month only” when the sources give the month but not the day."),
    )
    place = models.CharField(
        _("place"), max_length=200, help_text=_("e.g. New York, alongside UNGA-73")
    )
    level = models.CharField(_("level"), max_length=20, choices=MeetingLevel)
    agenda = models.TextField(_("agenda"), blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    states_present = models.ManyToManyField(
        MemberState,
        blank=True,
        related_name="contact_group_meetings",
        verbose_name=_("states present"),
    )
    organisations_present = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="contact_group_meetings",
        verbose_name=_("organisations present"),
    )
    reported_attendance = models.PositiveIntegerField(
        _("reported attendance"),
        null=True,
        blank=True,
        help_text=_("Number of delegations reported present, when the list is not known."),
    )

    history = HistoricalRecords(m2m_fields=[states_present, organisations_present])

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("contact group meeting")
        verbose_name_plural = _("contact group meetings")
        ordering = ["-held_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "number"],
                name="meeting_unique_number_per_group",
                violation_error_message=_("This group already has a meeting with that number."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.group} — {self.date_label}, {self.place}"

    @property
    def date_label(self) -> str:
        """The date, localised, to the precision the sources give (e.g. "November 2018")."""
        if self.date_precision == DatePrecision.MONTH:
            return date_format(self.held_on, "YEAR_MONTH_FORMAT")
        return date_format(self.held_on, "DATE_FORMAT")


class ExpertiseArea(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Language(models.Model):
    code = models.CharField(
        _("code"), max_length=3, unique=True, help_text=_("ISO 639-1 code, e.g. ar, fr, tr.")
    )
    name = models.CharField(_("name"), max_length=60)

    class Meta:
        verbose_name = pgettext_lazy("spoken language", "language")
        verbose_name_plural = pgettext_lazy("spoken language", "languages")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A region of conflict-resolution experience, e.g. the Sahel or South-East Asia."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    UNDISCLOSED = "undisclosed", _("Not disclosed")


class RosterMember(TrackedModel):
    """A person in the network of OIC mediators, special envoys, experts and wise persons.

    Personal data: contact fields are never public. ``visibility`` decides who sees the profile.
    """

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("Private — the Secretariat only")
        SECRETARIAT = "secretariat", _("Secretariat and the nominating state's focal points")
        PUBLIC = "public", _("Public profile (never contact details)")

    class Vetting(models.TextChoices):
        PENDING = "pending", _("Pending")
        VETTED = "vetted", _("Vetted")
        DECLINED = "declined", _("Declined")

    class Availability(models.TextChoices):
        AVAILABLE = "available", _("Available")
        LIMITED = "limited", _("Limited availability")
        UNAVAILABLE = "unavailable", _("Unavailable")

    full_name = models.CharField(_("full name"), max_length=200)
    honorific = models.CharField(
        _("honorific"), max_length=60, blank=True, help_text=_("e.g. H.E. Amb., Dr., Prof.")
    )
    gender = models.CharField(_("gender"), max_length=12, choices=Gender)
    nationality = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nationals_on_roster",
        verbose_name=_("nationality"),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    current_position = models.CharField(_("current position"), max_length=255, blank=True)
    biography = models.TextField(_("biography"), blank=True)
    expertise = models.ManyToManyField(
        ExpertiseArea, blank=True, related_name="roster_members", verbose_name=_("expertise")
    )
    languages = models.ManyToManyField(
        Language, blank=True, related_name="roster_members", verbose_name=_("languages")
    )
    regions = models.ManyToManyField(
        Region, blank=True, related_name="roster_members", verbose_name=_("regions of experience")
    )
    nominating_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="nominees",
        verbose_name=_("nominated by"),
        help_text=_("Leave empty when the General Secretariat nominated the person."),
    )
    nominated_on = models.DateField(_("nominated on"), null=True, blank=True)
    nominated_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("nomination recorded by"),
    )
    vetting_status = models.CharField(
        _("vetting status"), max_length=10, choices=Vetting, default=Vetting.PENDING
    )
    availability = models.CharField(
        _("availability"), max_length=12, choices=Availability, default=Availability.AVAILABLE
    )
    consent_given_on = models.DateField(
        _("consent given on"),
        null=True,
        blank=True,
        help_text=_("When the person agreed to be on the roster and to the use of their data."),
    )
    consent_withdrawn_on = models.DateField(_("consent withdrawn on"), null=True, blank=True)
    visibility = models.CharField(
        _("visibility"), max_length=12, choices=Visibility, default=Visibility.PRIVATE
    )

    history = HistoricalRecords(m2m_fields=[expertise, languages, regions])

    class Meta:
        rules_permissions = secretariat_maintains(
            # Object: the nominating state; none when the Secretariat nominates on its own behalf.
            nominate=can_report_for_state,
            match=is_secretariat,
        )
        verbose_name = _("roster member")
        verbose_name_plural = _("roster members")
        ordering = ["full_name"]
        constraints = [
            models.CheckConstraint(
                condition=ends_after_start("consent_given_on", "consent_withdrawn_on"),
                name="roster_consent_withdrawn_after_given",
                violation_error_message=_("Consent cannot be withdrawn before it was given."),
            ),
            models.CheckConstraint(
                condition=~Q(visibility="public") | Q(consent_given_on__isnull=False),
                name="roster_public_needs_consent",
                violation_error_message=_("A public profile needs the person's recorded consent."),
            ),
        ]
        indexes = [
            models.Index(fields=["visibility"]),
            models.Index(fields=["vetting_status", "availability"]),
            # The admin's changelist (by name) and its date hierarchy.
            models.Index(fields=["full_name", "id"]),
            models.Index(fields=["nominated_on"]),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def has_consent(self) -> bool:
        return self.consent_given_on is not None and self.consent_withdrawn_on is None

    def clean(self) -> None:
        if self.visibility == self.Visibility.PUBLIC and not self.has_consent:
            raise ValidationError(
                {"visibility": _("A public profile needs the person's current consent.")}
            )


class RosterRole(TrackedModel):
    class Role(models.TextChoices):
        MEDIATOR = "mediator", _("Mediator")
        SPECIAL_ENVOY = "special_envoy", _("Special envoy")
        EXPERT = "expert", _("Expert")
        WISE_PERSON = "wise_person", _("Member of the Committee of Wise Persons")

    person = models.ForeignKey(
        RosterMember, on_delete=models.CASCADE, related_name="roles", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=16, choices=Role)
    title = models.CharField(
        _("title"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Special Envoy of the Secretary General for Afghanistan"),
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("roster role")
        verbose_name_plural = _("roster roles")
        ordering = ["person", "role"]
        constraints = [
            models.CheckConstraint(
                condition=ends_after_start("started_on", "ended_on"),
                name="roster_role_ends_after_start",
                violation_error_message=_("A role cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["person", "role"],
                condition=Q(ended_on__isnull=True),
                name="roster_role_one_open_role_per_kind",
                violation_error_message=_("This person already holds this role."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}"


class FieldContext(TrackedModel):
    """A country or situation where the OIC works, with or without a field mission."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="field_contexts",
        verbose_name=_("member or observer state"),
        help_text=_("Empty for a context outside OIC member and observer states."),
    )
    country_code = models.CharField(
        _("country ISO code"), max_length=2, blank=True, help_text=_("ISO 3166-1 alpha-2.")
    )
    has_field_mission = models.BooleanField(_("OIC field mission"), default=False)
    description = models.TextField(_("description"), blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("field context")
        verbose_name_plural = _("field contexts")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Deployment(TrackedModel):
    person = models.ForeignKey(
        RosterMember,
        on_delete=models.PROTECT,
        related_name="deployments",
        verbose_name=_("person"),
    )
    context = models.ForeignKey(
        FieldContext,
        on_delete=models.PROTECT,
        related_name="deployments",
        verbose_name=_("context"),
    )
    role = models.CharField(_("role"), max_length=16, choices=RosterRole.Role)
    mandate = models.TextField(_("mandate"), blank=True)
    started_on = models.DateField(_("started on"))
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("deployment")
        verbose_name_plural = _("deployments")
        ordering = ["-started_on"]
        constraints = [
            models.CheckConstraint(
                condition=ends_after_start("started_on", "ended_on"),
                name="deployment_ends_after_start",
                violation_error_message=_("A deployment cannot end before it starts."),
            )
        ]
        indexes = [models.Index(fields=["person", "started_on", "ended_on"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.context} ({self.started_on:%Y-%m-%d})"
