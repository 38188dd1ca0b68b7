"""What was decided and what is done about it: resolutions, their operative paragraphs and other
measures, the commitments states and organisations pledged against them, and progress reports.

Imports from ``network`` only.
"""

from __future__ import annotations

from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from hijridate import Gregorian
from rules.contrib.models import RulesModelBase, RulesModelMixin
from simple_history.models import HistoricalRecords

from core.audit import AuditedManager
from core.models import HttpsURLField, RefusesNullCharactersModel, TrackedModel
from core.text_search import Plain, SearchFields
from network.models import MemberState, StateOrOrganisation, exactly_one_of
from network.rules import is_secretariat, secretariat_maintains
from resolutions.rules import can_act_on_commitment, can_read_report_privately


class ImplementationStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    # French and Arabic agree the word with its noun: a paragraph is "mis en œuvre" (مُنفَّذ), a
    # recommendation "mise en œuvre" (مُنفَّذة); hence one context per noun.
    IMPLEMENTED = "implemented", pgettext_lazy("paragraph status", "Implemented")


# What each record is found by in the portal's search (core.text_search): the title
# weighs more than the body; a GIN index per language answers the search.
RESOLUTION_SEARCH = SearchFields(
    title=(Plain("symbol"), "title"), body=("summary", "place"), index_prefix="resolution"
)
PARAGRAPH_SEARCH = SearchFields(
    title=("title",), body=("text", "expected_deliverables"), index_prefix="paragraph"
)
COMMITMENT_SEARCH = SearchFields(title=("title",), body=("description",), index_prefix="commitment")
# Narratives are written in any language: searched word for word, for their state and the
# Secretariat only (never in public).
PROGRESS_REPORT_SEARCH = SearchFields(
    title=("narrative",),
    body=("review_comment",),
    translated=False,
    index_prefix="progress_report",
)


class Resolution(TrackedModel):
    symbol = models.CharField(
        _("symbol"), max_length=40, unique=True, help_text=_("e.g. 53/45-POL")
    )
    title = models.CharField(_("title"), max_length=255)
    cfm_session = models.PositiveSmallIntegerField(
        _("CFM session"), help_text=_("Session of the Council of Foreign Ministers, e.g. 45.")
    )
    place = models.CharField(_("place"), max_length=120)
    adopted_from = models.DateField(_("session opened on"))
    adopted_until = models.DateField(_("session closed on"), null=True, blank=True)
    proposed_by = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resolutions_proposed",
        verbose_name=_("proposed by"),
    )
    follows_up = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="follow_ups",
        verbose_name=_("follows up"),
    )
    preamble_references = models.TextField(
        _("references in the preamble"),
        blank=True,
        help_text=_("e.g. UN General Assembly resolutions 65/283, 66/291, 68/303 and 70/304."),
    )
    summary = models.TextField(_("summary"), blank=True)
    text_url = HttpsURLField(_("link to the text"), blank=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
        ordering = ["adopted_from", "symbol"]
        indexes = RESOLUTION_SEARCH.indexes()
        constraints = [
            models.CheckConstraint(
                condition=Q(adopted_until__isnull=True) | Q(adopted_until__gte=F("adopted_from")),
                name="resolution_session_closes_after_opening",
                violation_error_message=_("The session cannot close before it opens."),
            ),
            models.CheckConstraint(
                condition=~Q(follows_up=F("id")),
                name="resolution_does_not_follow_itself",
                violation_error_message=_("A resolution cannot follow itself up."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.symbol} — {self.title}"

    @property
    def hijri_dates(self) -> str:
        """The session dates in the Hijri (Umm al-Qura) calendar, e.g. "19–20 Sha'ban 1439"."""
        return hijri_span(self.adopted_from, self.adopted_until)


def hijri_span(start, end=None, *, language: Literal["ar", "en"] = "en") -> str:
    first = Gregorian(start.year, start.month, start.day).to_hijri()
    if end is None or end == start:
        return f"{first.day} {first.month_name(language)} {first.year}"
    last = Gregorian(end.year, end.month, end.day).to_hijri()
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}–{last.day} {first.month_name(language)} {first.year}"
    return (
        f"{first.day} {first.month_name(language)} {first.year} – "
        f"{last.day} {last.month_name(language)} {last.year}"
    )


class Paragraph(TrackedModel):
    """An operative paragraph of a resolution, or a measure whose paragraph number is not known.

    A measure becomes a numbered paragraph by filling in its number; nothing else changes.
    """

    class Theme(models.TextChoices):
        INSTITUTIONS = "institutions", _("OIC institutions")
        PARTNERSHIPS = "partnerships", _("Partnerships")
        NETWORK = "network", _("Network of mediators")
        TRAINING = "training", _("Training")
        CONTACT_GROUP = "contact_group", _("Contact group")
        CONFERENCE = "conference", _("Annual conference")
        STANDARDS = "standards", _("Standards and guidance")
        OTHER = "other", _("Other")

    class Addressee(models.TextChoices):
        SECRETARY_GENERAL = "secretary_general", _("The Secretary General")
        GENERAL_SECRETARIAT = "general_secretariat", _("The General Secretariat")
        MEMBER_STATES = "member_states", _("Member states")
        ALL = "all", _("The OIC and its member states")

    resolution = models.ForeignKey(
        Resolution,
        on_delete=models.CASCADE,
        related_name="paragraphs",
        verbose_name=_("resolution"),
    )
    number = models.PositiveSmallIntegerField(
        _("paragraph number"),
        null=True,
        blank=True,
        help_text=_("Empty for a measure whose paragraph number is not known yet."),
    )
    title = models.CharField(_("short title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    theme = models.CharField(_("theme"), max_length=16, choices=Theme, default=Theme.OTHER)
    addressee = models.CharField(
        _("addressed to"), max_length=24, choices=Addressee, default=Addressee.ALL
    )
    expected_deliverables = models.TextField(_("expected deliverables"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position"),
        default=0,
        help_text=_("Orders the measures without a number after the numbered paragraphs."),
    )

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("operative paragraph or measure")
        verbose_name_plural = _("operative paragraphs and measures")
        ordering = ["resolution", F("number").asc(nulls_last=True), "position", "id"]
        indexes = PARAGRAPH_SEARCH.indexes()
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "number"],
                condition=Q(number__isnull=False),
                name="paragraph_unique_number_per_resolution",
                violation_error_message=_(
                    "This resolution already has a paragraph with that number."
                ),
            ),
            models.CheckConstraint(
                condition=Q(number__isnull=True) | Q(number__gte=1),
                name="paragraph_number_positive",
                violation_error_message=_("Paragraph numbers start at 1."),
            ),
        ]

    def __str__(self) -> str:
        if self.number is None:
            return f"{self.resolution.symbol} — {self.title}"
        return f"{self.resolution.symbol} ¶{self.number} — {self.title}"

    @property
    def label(self) -> str:
        if self.number is None:
            return str(_("Other measure"))
        return str(_("Paragraph %(number)s") % {"number": self.number})


class ParagraphStatusUpdate(TrackedModel):
    """The implementation status of a paragraph as assessed on a date; the latest one is current."""

    paragraph = models.ForeignKey(
        Paragraph,
        on_delete=models.CASCADE,
        related_name="status_updates",
        verbose_name=_("paragraph"),
    )
    status = models.CharField(_("status"), max_length=12, choices=ImplementationStatus)
    as_of = models.DateField(_("as of"))
    note = models.TextField(_("note"), blank=True)
    source = models.CharField(
        _("source"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Summary report of the 2nd Conference, closing remarks"),
    )

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("paragraph status update")
        verbose_name_plural = _("paragraph status updates")
        ordering = ["paragraph", "-as_of", "-id"]
        get_latest_by = ["as_of", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["paragraph", "as_of"],
                name="paragraph_status_one_per_day",
                violation_error_message=_("This paragraph already has a status on that date."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.paragraph}: {self.get_status_display()} ({self.as_of:%Y-%m-%d})"


class EvidenceGrade(models.TextChoices):
    """The grade of a delivery's evidence (resolutions.selectors.report_grade)."""

    DECLARED = "declared", _("Declared")
    VERIFIED = "verified", _("Verified")
    CONFIRMED = "confirmed", _("Independently confirmed")


class CommitmentStatus(models.TextChoices):
    PLEDGED = "pledged", _("Pledged")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Commitment(StateOrOrganisation, TrackedModel):
    """A pledge by a member state or an organisation against a paragraph.

    ``status`` and ``delivered_quantity`` reflect the latest *validated* progress report only: they
    are written by ``resolutions.services.progress_report_validate`` and are what public figures use.
    """

    class Unit(models.TextChoices):
        ACTIONS = "actions", _("actions")
        DIPLOMATS_TRAINED = "diplomats_trained", _("diplomats trained")
        TRAINING_EDITIONS = "training_editions", _("training editions")
        EXPERTS_NOMINATED = "experts_nominated", _("experts nominated")
        EVENTS = "events", _("events")
        USD = "usd", _("US dollars")
        STAFF = "staff", _("staff positions")

    paragraph = models.ForeignKey(
        Paragraph,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name=_("paragraph"),
    )
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("description"), blank=True)
    target_quantity = models.PositiveIntegerField(
        _("target quantity"),
        null=True,
        blank=True,
        help_text=_(
            "How much was pledged, in the unit below; empty for a pledge without a figure."
        ),
    )
    unit = models.CharField(_("unit"), max_length=20, choices=Unit, default=Unit.ACTIONS)
    pledged_on = models.DateField(_("pledged on"), default=timezone.localdate)
    due_on = models.DateField(_("due on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=CommitmentStatus, default=CommitmentStatus.PLEDGED
    )
    delivered_quantity = models.PositiveIntegerField(_("delivered quantity"), default=0)
    progress_as_of = models.DateField(_("progress as of"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains(
            # Object: the commitment, also one about to be recorded.
            add=can_act_on_commitment,
            change=can_act_on_commitment,
            report_on=can_act_on_commitment,
        )
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["paragraph", "due_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one_of("state", "organisation"),
                name="commitment_state_xor_organisation",
                violation_error_message=_(
                    "A commitment is pledged by either a member state or an organisation."
                ),
            ),
            models.CheckConstraint(
                condition=Q(due_on__isnull=True) | Q(due_on__gte=F("pledged_on")),
                name="commitment_due_after_pledged",
                violation_error_message=_("The due date cannot come before the pledge."),
            ),
        ]
        indexes = [
            models.Index(fields=["state", "status"]),
            models.Index(fields=["status", "due_on"]),
            # The admin's changelist, latest pledges first.
            models.Index(fields=["pledged_on", "id"]),
            # The feed of new commitments, latest first (oic_mediation.feeds).
            models.Index(fields=["created_at", "id"]),
            *COMMITMENT_SEARCH.indexes(),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.title}"

    @property
    def gap(self) -> int | None:
        if self.target_quantity is None:
            return None
        return max(self.target_quantity - self.delivered_quantity, 0)

    @property
    def is_open(self) -> bool:
        return self.status in (CommitmentStatus.PLEDGED, CommitmentStatus.IN_PROGRESS)

    @property
    def accepts_progress_reports(self) -> bool:
        """No more progress is reported on a withdrawn commitment."""
        return self.status != CommitmentStatus.WITHDRAWN

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.due_on is not None and self.due_on < timezone.localdate()


class ProgressReport(RefusesNullCharactersModel):
    """A report on a commitment's progress. Append-only: only its review fields ever change.

    A focal point's report is *submitted*; the Secretariat *validates* or *returns* it. Only
    validated reports count in public figures.
    """

    class Review(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        VALIDATED = "validated", _("Validated")
        RETURNED = "returned", _("Returned for changes")

    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.PROTECT,
        related_name="progress_reports",
        verbose_name=_("commitment"),
    )
    status = models.CharField(_("reported status"), max_length=12, choices=CommitmentStatus)
    quantity_delivered = models.PositiveIntegerField(
        _("quantity delivered so far"),
        default=0,
        help_text=_("The cumulative quantity delivered, in the commitment's unit."),
    )
    delivered_on = models.DateField(
        _("delivered by"),
        default=timezone.localdate,
        help_text=_(
            "The date by which the quantity above had been delivered (the end of the period the "
            "report covers); figures as of a date count the reports delivered by then."
        ),
    )
    period_start = models.DateField(
        _("period covered from"),
        null=True,
        blank=True,
        help_text=_("The first day of the period the report covers, if it covers one."),
    )
    narrative = models.TextField(_("narrative"))
    language = models.CharField(
        _("language of the narrative"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    evidence_url = HttpsURLField(_("evidence (link)"), blank=True)
    nothing_new = models.BooleanField(
        _("nothing new to report"),
        default=False,
        help_text=_(
            "The state reports that nothing changed: it counts as reporting once validated, and "
            "never changes the delivered figures."
        ),
    )
    evidence_file = models.FileField(
        _("evidence (file)"), upload_to="evidence/%Y/%m/", blank=True, max_length=255
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="progress_reports",
        verbose_name=_("reported by"),
    )
    reported_at = models.DateTimeField(_("reported at"), default=timezone.now)
    review_status = models.CharField(
        _("review"), max_length=10, choices=Review, default=Review.SUBMITTED
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
    # An independent confirmation of a validated report, recorded by the Secretariat: the
    # delivery's evidence is then graded "independently confirmed" (resolutions.selectors).
    independent_source = models.CharField(
        _("independent confirmation"),
        max_length=255,
        blank=True,
        help_text=_(
            "A source document, or a reviewer outside the reporting state, that confirms the "
            "delivery (e.g. a UN report, a partner's attendance list)."
        ),
    )
    independent_source_url = HttpsURLField(_("link to the confirmation"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmation recorded by"),
    )

    objects = AuditedManager()
    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains(
            review=is_secretariat,
            confirm=is_secretariat,
            read_evidence=can_read_report_privately,
            read_review=can_read_report_privately,
        )
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["-reported_at", "-id"]
        get_latest_by = ["reported_at", "id"]
        indexes = [
            # A commitment's latest validated report by delivery date (figures as of a date).
            models.Index(fields=["commitment", "review_status", "delivered_on"]),
            # The same, in the order the figures as of a date pick it (resolutions.selectors:
            # validated_reports), and a commitment's latest validated report by the time it was
            # reported (the reporting rate and lights): each read is the index's first entry.
            # The Who reports page's timeline at the bench's scale 10: 320 → 190 ms.
            models.Index(
                fields=["commitment", "-delivered_on", "-reported_at", "-id"],
                condition=Q(review_status="validated", nothing_new=False),
                name="progress_latest_delivered",
            ),
            models.Index(
                fields=["commitment", "-reported_at", "-id"],
                condition=Q(review_status="validated"),
                name="progress_latest_reported",
            ),
            models.Index(fields=["review_status", "reported_at"]),
            # The model's order: the admin's changelist and the API's list, latest first.
            models.Index(fields=["reported_at", "id"]),
            # The feed of validated progress, latest validation first (oic_mediation.feeds).
            models.Index(fields=["review_status", "reviewed_at", "id"]),
            *PROGRESS_REPORT_SEARCH.indexes(),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_status="submitted") | Q(reviewed_at__isnull=False),
                name="progress_report_reviewed_has_date",
                violation_error_message=_("A reviewed report needs a review date."),
            ),
            models.CheckConstraint(
                # "Nothing new to report" restates the commitment's status, pledged included.
                condition=~Q(status="pledged") | Q(nothing_new=True),
                name="progress_report_status_is_progress",
                violation_error_message=_(
                    "A progress report cannot set a commitment back to pledged."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True) | Q(period_start__lte=F("delivered_on")),
                name="progress_report_period_starts_before_delivery",
                violation_error_message=_(
                    "The period covered cannot start after the delivery date."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} — {self.get_status_display()} ({self.reported_at:%Y-%m-%d})"

    @property
    def exceeds_target(self) -> bool:
        """Reports more delivered than the commitment's target (the rule of
        ``resolutions.selectors.commitments_with_gap``): allowed, shown to the reviewer."""
        target = self.commitment.target_quantity
        return target is not None and self.quantity_delivered > target

    def clean(self) -> None:
        """The rules of a new report, whichever door it comes through (admin page or inline,
        My state, the API, a service call)."""
        errors: dict[str, Any] = {}
        if (
            self._state.adding
            and self.commitment_id is not None
            and not self.commitment.accepts_progress_reports
        ):
            # Not a field error: the commitment is not a field of the inline on its own page.
            errors[NON_FIELD_ERRORS] = _(
                "This commitment was withdrawn; no more progress can be reported."
            )
        if self.delivered_on is not None and self.delivered_on > timezone.localdate():
            errors["delivered_on"] = _("The delivery date cannot be in the future.")
        if errors:
            raise ValidationError(errors)


class ReminderSent(models.Model):
    """One reminder e-mail per focal point and period, so a repeated cron run sends nothing new."""

    focal_point = models.ForeignKey(
        "network.FocalPoint",
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("focal point"),
    )
    period = models.CharField(_("period"), max_length=20, help_text=_("e.g. 2026-11"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    commitment_count = models.PositiveIntegerField(_("commitments listed"), default=0)

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(
                fields=["focal_point", "period"], name="reminder_once_per_period"
            )
        ]

    def __str__(self) -> str:
        return f"{self.focal_point} — {self.period}"


class ReportingSchedule(models.Model):
    """How often states report on their commitments and when they are reminded: one row, set by
    the Secretariat in the admin (``current()`` gives the defaults until it is saved)."""

    period_months = models.PositiveSmallIntegerField(
        _("reporting period (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_(
            "A commitment's next report is due this many months after its last validated report "
            "(or after its pledge, before any report)."
        ),
    )
    remind_before_days = models.PositiveSmallIntegerField(
        _("remind focal points this many days before"),
        default=30,
        validators=[MaxValueValidator(365)],
    )
    escalate_after_days = models.PositiveSmallIntegerField(
        _("tell the Secretariat after this many days overdue"),
        default=60,
        validators=[MaxValueValidator(3650)],
    )

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedule")

    def __str__(self) -> str:
        return str(_("Reporting every %(months)s months") % {"months": self.period_months})

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def current(cls) -> ReportingSchedule:
        return cls.objects.filter(pk=1).first() or cls(pk=1)


class ReportingReminder(models.Model):
    """One reminder per commitment, stage and reporting period (named by the report's due
    date), so that a daily run never sends the same reminder twice."""

    class Stage(models.TextChoices):
        BEFORE_DUE = "before_due", _("Before the report is due")
        OVERDUE = "overdue", _("After the report was due")
        SECRETARIAT = "secretariat", _("To the Secretariat, state still silent")

    commitment = models.ForeignKey(
        Commitment,
        on_delete=models.CASCADE,
        related_name="reporting_reminders",
        verbose_name=_("commitment"),
    )
    stage = models.CharField(_("stage"), max_length=12, choices=Stage)
    due_on = models.DateField(_("report due on"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)
    recipients = models.PositiveSmallIntegerField(_("recipients"), default=0)

    class Meta:
        verbose_name = _("reporting reminder")
        verbose_name_plural = _("reporting reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["commitment", "stage", "due_on"],
                name="reporting_reminder_once_per_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.commitment} — {self.get_stage_display()} ({self.due_on:%Y-%m-%d})"


class PublishedReport(RulesModelMixin, models.Model, metaclass=RulesModelBase):
    """An implementation report the Secretariat published: the document as it was issued.

    The HTML and the PDF are stored as generated, so that a published report never changes when
    the data it was drawn from is later corrected; a corrected report is published anew.
    """

    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    title = models.CharField(_("title"), max_length=255)
    pdf_file = models.FileField(_("PDF"), upload_to="reports/%Y/", max_length=255)
    html = models.TextField(_("HTML"))
    published_at = models.DateTimeField(_("published at"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    class Meta:
        rules_permissions = secretariat_maintains(publish=is_secretariat)
        verbose_name = _("published implementation report")
        verbose_name_plural = _("published implementation reports")
        ordering = ["-published_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="published_report_period_ends_after_start",
                violation_error_message=_("The period cannot end before it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_language_display()})"
