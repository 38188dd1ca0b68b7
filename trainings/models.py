"""Trainings in conflict resolution and mediation (paragraph 8): programmes, editions, participants
and certificates.

Imports from ``network`` and ``resolutions``.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.models import HttpsURLField, TrackedModel
from core.text_search import SearchFields
from network.models import Gender, MemberState, Organisation
from network.rules import is_secretariat, secretariat_maintains
from resolutions.models import Paragraph, ProgressReport
from trainings.rules import can_report_edition


class Level(models.TextChoices):
    JUNIOR = "junior", _("Junior")
    MID = "mid", _("Mid-career")
    SENIOR = "senior", _("Senior")
    STUDENT = "student", _("Student")


# What each record is found by in the portal's search (core.text_search).
PROGRAMME_SEARCH = SearchFields(
    title=("name",), body=("description", "organiser_detail"), index_prefix="programme"
)
# The Secretariat's search only.
EDITION_SEARCH = SearchFields(title=("title", "place"), body=("description",), indexed=False)


class Programme(TrackedModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("description"), blank=True)
    organiser_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes_organised",
        verbose_name=_("organising state"),
    )
    organiser_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programmes_organised",
        verbose_name=_("organising organisation"),
    )
    organiser_detail = models.CharField(
        _("organised by (detail)"),
        max_length=200,
        blank=True,
        help_text=_("e.g. the Diplomacy Academy of the Ministry of Foreign Affairs"),
    )
    partners = models.ManyToManyField(
        Organisation, blank=True, related_name="programmes_partnered", verbose_name=_("partners")
    )
    paragraphs = models.ManyToManyField(
        Paragraph, blank=True, related_name="programmes", verbose_name=_("paragraphs served")
    )
    launched_on = models.DateField(_("launched on"), null=True, blank=True)
    awards_certificate = models.BooleanField(_("awards a certificate"), default=False)
    website = HttpsURLField(_("website"), blank=True)

    history = HistoricalRecords(m2m_fields=[partners, paragraphs])

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("training programme")
        verbose_name_plural = _("training programmes")
        ordering = ["name"]
        indexes = PROGRAMME_SEARCH.indexes()

    def __str__(self) -> str:
        return self.name


class Edition(TrackedModel):
    """An edition of a programme. One reported by a member state's focal point counts in public
    figures only once the Secretariat validates it, as progress reports do; one recorded by the
    Secretariat is validated as it is recorded."""

    # The same review as progress reports: submitted, validated or returned with a comment.
    Review = ProgressReport.Review

    class Format(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")
        SIMULATION = "simulation", _("Simulation exercise")

    class TargetLevel(models.TextChoices):
        JUNIOR = "junior", _("Junior")
        MID = "mid", _("Mid-career")
        SENIOR = "senior", _("Senior")
        MIXED = "mixed", _("Mixed")

    programme = models.ForeignKey(
        Programme, on_delete=models.PROTECT, related_name="editions", verbose_name=_("programme")
    )
    number = models.PositiveSmallIntegerField(
        _("edition number"), null=True, blank=True, help_text=_("2 for the 2nd edition, and so on.")
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    host_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_editions_hosted",
        verbose_name=_("host state"),
    )
    format = models.CharField(_("format"), max_length=12, choices=Format, default=Format.IN_PERSON)
    level_targeted = models.CharField(
        _("level targeted"), max_length=8, choices=TargetLevel, default=TargetLevel.JUNIOR
    )
    duration_hours = models.PositiveSmallIntegerField(_("duration (hours)"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    reported_participants = models.PositiveIntegerField(
        _("reported participants"),
        null=True,
        blank=True,
        help_text=_("Head count reported when the individual participants are not recorded."),
    )
    reported_states = models.PositiveSmallIntegerField(
        _("reported number of states"), null=True, blank=True
    )
    reported_by_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_editions_reported",
        verbose_name=_("reported by state"),
        help_text=_("Set when a member state's focal point reported this edition."),
    )
    reported_by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reported by"),
    )
    review_status = models.CharField(
        _("review"), max_length=10, choices=ProgressReport.Review, default=Review.VALIDATED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains(
            # Object: the edition, with the state that reports it.
            add=can_report_edition,
            review=is_secretariat,
        )
        verbose_name = _("training edition")
        verbose_name_plural = _("training editions")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="edition_ends_after_start",
                violation_error_message=_("An edition cannot end before it starts."),
            ),
            models.UniqueConstraint(
                fields=["programme", "number"],
                name="edition_unique_number_per_programme",
                violation_error_message=_(
                    "This programme already has an edition with that number."
                ),
            ),
        ]
        # The model's order (latest first), with the primary key that makes it unambiguous; the
        # same within a programme (its latest editions, its page); and the review queue.
        indexes = [
            models.Index(fields=["starts_on", "id"]),
            models.Index(fields=["programme", "-starts_on", "-id"]),
            models.Index(fields=["review_status", "starts_on"]),
        ]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        """Its title, or the programme's name with the edition's number or date."""
        if self.title:
            return self.title
        if self.number:
            return f"{self.programme} — #{self.number} ({self.starts_on:%Y})"
        return f"{self.programme} ({self.starts_on:%Y-%m-%d})"


class Participant(TrackedModel):
    """A person trained in an edition. Personal data: only counts are ever public."""

    class Completion(models.TextChoices):
        ENROLLED = "enrolled", _("Enrolled")
        COMPLETED = "completed", _("Completed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="participants", verbose_name=_("edition")
    )
    full_name = models.CharField(_("full name"), max_length=200)
    gender = models.CharField(_("gender"), max_length=12, choices=Gender)
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_participants",
        verbose_name=_("member state"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="training_participants",
        verbose_name=_("organisation"),
    )
    position = models.CharField(_("position"), max_length=200, blank=True)
    level = models.CharField(_("level"), max_length=8, choices=Level, default=Level.JUNIOR)
    email = models.EmailField(_("e-mail"), blank=True)
    completion = models.CharField(
        _("completion"), max_length=10, choices=Completion, default=Completion.ENROLLED
    )
    certificate_number = models.CharField(
        _("certificate number"), max_length=40, null=True, blank=True, unique=True
    )
    certificate_issued_on = models.DateField(_("certificate issued on"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["edition", "full_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(certificate_number__isnull=True) | Q(completion="completed"),
                name="participant_certificate_needs_completion",
                violation_error_message=_(
                    "Only a participant who completed can hold a certificate."
                ),
            ),
            models.CheckConstraint(
                condition=Q(certificate_issued_on__isnull=True)
                | Q(certificate_number__isnull=False),
                name="participant_certificate_date_needs_number",
                violation_error_message=_("A certificate date needs a certificate number."),
            ),
        ]
        indexes = [models.Index(fields=["edition", "state", "level"])]

    def __str__(self) -> str:
        return f"{self.full_name} — {self.edition}"
