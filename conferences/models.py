"""The annual Conferences of OIC Member States on Mediation: sessions, speakers, recommendations
and what became of them, documents, and figures cited with their source.

Imports from ``network`` and ``resolutions``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from conferences.rules import secretariat_maintains
from core.models import HttpsURLField, TrackedModel
from core.text_search import Plain, SearchFields
from network.models import MemberState, Organisation
from resolutions.models import Paragraph

# What each record is found by in the portal's search (core.text_search): the title
# weighs more than the body; a GIN index per language answers the search.
CONFERENCE_SEARCH = SearchFields(
    title=("title", "theme"),
    body=("summary", "city", "venue", "convened_by"),
    index_prefix="conference",
)
SESSION_SEARCH = SearchFields(title=("title",), body=("summary",), index_prefix="session")
RECOMMENDATION_SEARCH = SearchFields(
    title=("text",), body=("addressee",), index_prefix="recommendation"
)
DOCUMENT_SEARCH = SearchFields(
    title=("title",), body=(Plain("un_symbol"),), index_prefix="document"
)
CITED_FIGURE_SEARCH = SearchFields(
    title=("statement",), body=("source", "unit"), index_prefix="cited_figure"
)


class Conference(TrackedModel):
    ordinal = models.PositiveSmallIntegerField(
        _("ordinal"), unique=True, help_text=_("2 for the 2nd Conference, and so on.")
    )
    title = models.CharField(_("title"), max_length=255)
    theme = models.CharField(_("theme"), max_length=255, blank=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    city = models.CharField(_("city"), max_length=120)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    host_state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="conferences_hosted",
        verbose_name=_("host state"),
    )
    convened_by = models.CharField(
        _("convened by"),
        max_length=255,
        blank=True,
        help_text=_(
            "e.g. the Ministry of Foreign Affairs of Türkiye with the OIC General Secretariat"
        ),
    )
    partner_organisations = models.ManyToManyField(
        Organisation,
        blank=True,
        related_name="conferences",
        verbose_name=_("organisations convening or partnering"),
    )
    reported_participants = models.PositiveIntegerField(
        _("reported participants"), null=True, blank=True, help_text=_("e.g. 150 for “150+”.")
    )
    participants_is_minimum = models.BooleanField(
        _("participant count is a minimum"), default=False, help_text=_("Shown as “150+”.")
    )
    reported_states = models.PositiveSmallIntegerField(
        _("member states represented"), null=True, blank=True
    )
    summary = models.TextField(_("summary"), blank=True)

    history = HistoricalRecords(m2m_fields=[partner_organisations])

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("conference")
        verbose_name_plural = _("conferences")
        ordering = ["ordinal"]
        indexes = CONFERENCE_SEARCH.indexes()
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="conference_ends_after_start",
                violation_error_message=_("A conference cannot end before it starts."),
            ),
            models.CheckConstraint(
                condition=Q(ordinal__gte=1),
                name="conference_ordinal_positive",
                violation_error_message=_("Conferences are numbered from 1."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def participants_display(self) -> str:
        if self.reported_participants is None:
            return ""
        suffix = "+" if self.participants_is_minimum else ""
        return f"{self.reported_participants}{suffix}"


class Speaker(TrackedModel):
    """A person who spoke at a conference. Speakers are public figures in their public role."""

    full_name = models.CharField(_("full name"), max_length=200)
    honorific = models.CharField(
        _("honorific"), max_length=60, blank=True, help_text=_("e.g. H.E. Amb., Assoc. Prof.")
    )
    position = models.CharField(_("position"), max_length=255, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speakers",
        verbose_name=_("organisation"),
    )
    state = models.ForeignKey(
        MemberState,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speakers",
        verbose_name=_("member state"),
    )
    affiliation = models.CharField(
        _("other affiliation"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Ibn Haldun University"),
    )

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["full_name"]

    def __str__(self) -> str:
        return f"{self.honorific} {self.full_name}".strip()


class Session(TrackedModel):
    class Kind(models.TextChoices):
        OPENING = "opening", _("Opening")
        PANEL = "panel", _("Panel session")
        PRESENTATION = "presentation", _("Presentation")
        CLOSING = "closing", _("Closing")
        SIDE_EVENT = "side_event", _("Side event")

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("conference")
    )
    order = models.PositiveSmallIntegerField(_("order"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind, default=Kind.PANEL)
    title = models.CharField(_("title"), max_length=255)
    summary = models.TextField(_("summary"), blank=True)
    speakers = models.ManyToManyField(
        Speaker, through="SessionSpeaker", related_name="sessions", verbose_name=_("speakers")
    )

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["conference", "order"]
        indexes = SESSION_SEARCH.indexes()
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "order"],
                name="session_unique_order_per_conference",
                violation_error_message=_(
                    "This conference already has a session in that position."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.conference} — {self.title}"


class SessionSpeaker(models.Model):
    class Role(models.TextChoices):
        SPEAKER = "speaker", _("Speaker")
        MODERATOR = "moderator", _("Moderator")
        PANELLIST = "panellist", _("Panellist")
        PRESENTER = "presenter", _("Presenter")

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="appearances", verbose_name=_("session")
    )
    speaker = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, related_name="appearances", verbose_name=_("speaker")
    )
    role = models.CharField(_("role"), max_length=10, choices=Role, default=Role.SPEAKER)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    note = models.CharField(
        _("note"),
        max_length=255,
        blank=True,
        help_text=_("e.g. read the Secretary General's speech"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("session speaker")
        verbose_name_plural = _("session speakers")
        ordering = ["session", "order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "speaker", "role"],
                name="session_speaker_unique_role",
                violation_error_message=_("This speaker already has this role in the session."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.speaker} — {self.get_role_display()}"


class FollowUpStatus(models.TextChoices):
    PENDING = "pending", _("Not yet acted on")
    IN_PROGRESS = "in_progress", _("In progress")
    # Feminine in French and Arabic (une recommandation mise en œuvre, توصية مُنفَّذة).
    IMPLEMENTED = "implemented", pgettext_lazy("recommendation follow-up", "Implemented")
    NOT_PURSUED = "not_pursued", _("Not pursued")


class Recommendation(TrackedModel):
    conference = models.ForeignKey(
        Conference,
        on_delete=models.CASCADE,
        related_name="recommendations",
        verbose_name=_("conference"),
    )
    session = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recommendations",
        verbose_name=_("session"),
    )
    number = models.PositiveSmallIntegerField(_("number"))
    text = models.TextField(_("text"))
    addressee = models.CharField(
        _("addressed to"),
        max_length=200,
        blank=True,
        help_text=_("e.g. the OIC General Secretariat, member states"),
    )
    is_priority = models.BooleanField(_("stated as a priority"), default=False)
    paragraphs = models.ManyToManyField(
        Paragraph,
        blank=True,
        related_name="recommendations",
        verbose_name=_("paragraphs concerned"),
    )

    history = HistoricalRecords(m2m_fields=[paragraphs])

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["conference", "number"]
        indexes = RECOMMENDATION_SEARCH.indexes()
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "number"],
                name="recommendation_unique_number_per_conference",
                violation_error_message=_(
                    "This conference already has a recommendation with that number."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.conference.ordinal}.{self.number} — {self.text[:80]}"

    def clean(self) -> None:
        if (
            self.session_id
            and self.conference_id
            and self.session is not None
            and self.session.conference_id != self.conference_id
        ):
            raise ValidationError({"session": _("The session belongs to another conference.")})


class RecommendationFollowUp(TrackedModel):
    """What became of a recommendation, as assessed on a date; the latest one is current."""

    recommendation = models.ForeignKey(
        Recommendation,
        on_delete=models.CASCADE,
        related_name="follow_ups",
        verbose_name=_("recommendation"),
    )
    status = models.CharField(_("status"), max_length=12, choices=FollowUpStatus)
    as_of = models.DateField(_("as of"), default=timezone.localdate)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("recommendation follow-up")
        verbose_name_plural = _("recommendation follow-ups")
        ordering = ["recommendation", "-as_of", "-id"]
        get_latest_by = ["as_of", "id"]
        # The feed of follow-ups, latest recorded first (oic_mediation.feeds).
        indexes = [models.Index(fields=["created_at", "id"])]

    def __str__(self) -> str:
        return f"{self.recommendation}: {self.get_status_display()} ({self.as_of:%Y-%m-%d})"


class Document(TrackedModel):
    class Kind(models.TextChoices):
        SUMMARY_REPORT = "summary_report", _("Summary report")
        PROGRAMME = "programme", _("Programme")
        CONCEPT_NOTE = "concept_note", _("Concept note")
        SPEECH = "speech", _("Speech")
        PRESENTATION = "presentation", _("Presentation")
        RESEARCH_REPORT = "research_report", _("Research report")
        RESOLUTION = "resolution", _("Resolution")
        OTHER = "other", _("Other")

    class DocumentLanguage(models.TextChoices):
        ARABIC = "ar", _("Arabic")
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        OTHER = "other", _("Other")

    conference = models.ForeignKey(
        Conference,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("conference"),
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(_("language"), max_length=5, choices=DocumentLanguage)
    un_symbol = models.CharField(
        _("UN document symbol"), max_length=40, blank=True, help_text=_("e.g. A/73/725")
    )
    author = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("author"),
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/", blank=True, max_length=255)
    url = HttpsURLField(_("link"), blank=True)
    is_public = models.BooleanField(_("public"), default=True)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_on", "title"]
        # Full-text search; and the public documents, latest first (the API's list and its count
        # read only these).
        indexes = [
            *DOCUMENT_SEARCH.indexes(),
            models.Index(fields=["is_public", "-published_on", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.get_language_display()})"


class CitedFigure(TrackedModel):
    """A figure quoted in the portal, always with its source."""

    statement = models.CharField(
        _("statement"),
        max_length=255,
        help_text=_("e.g. of the world's conflicts take place in the OIC geography"),
    )
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    unit = models.CharField(
        _("unit"), max_length=40, blank=True, help_text=_("e.g. %, USD trillion")
    )
    source = models.CharField(
        _("source"),
        max_length=255,
        help_text=_("e.g. SESRIC, Achieving Peace and Security in a Turbulent World (2018)"),
    )
    source_document = models.ForeignKey(
        Document,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("source document"),
    )
    source_year = models.PositiveSmallIntegerField(_("year of the source"))
    conference = models.ForeignKey(
        Conference,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="figures",
        verbose_name=_("cited at"),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    history = HistoricalRecords()

    class Meta:
        rules_permissions = secretariat_maintains()
        verbose_name = _("cited figure")
        verbose_name_plural = _("cited figures")
        ordering = ["position", "id"]
        indexes = CITED_FIGURE_SEARCH.indexes()
        constraints = [
            models.CheckConstraint(
                condition=~Q(source=""),
                name="figure_has_source",
                violation_error_message=_("A figure needs its source."),
            )
        ]

    def __str__(self) -> str:
        unit = self.unit if self.unit in ("", "%") else f" {self.unit}"
        return f"{self.value.normalize():f}{unit} {self.statement}"

    @property
    def source_names_its_year(self) -> bool:
        """Whether the source's text already gives its year ("SESRIC, … (2018)"): a citation then
        adds no "(2018)" of its own."""
        return str(self.source_year) in (self.source or "")
