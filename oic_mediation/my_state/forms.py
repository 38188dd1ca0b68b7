"""Forms of the focal points' area. They collect input; the services check and write it."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from network.models import ExpertiseArea, Gender, Language, MemberState, Region, RosterRole
from resolutions.evidence import ACCEPTED_EXTENSIONS
from resolutions.models import Commitment, CommitmentStatus, Paragraph
from trainings.models import Edition, Level, Participant, Programme


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class CommitmentForm(forms.Form):
    """A pledge's editable content. Editing carries the version the form was shown at."""

    paragraph = forms.ModelChoiceField(
        label=_("paragraph"),
        queryset=Paragraph.objects.select_related("resolution"),
        help_text=_("The operative paragraph or measure this pledge implements."),
    )
    title = forms.CharField(label=_("title"), max_length=255)
    description = forms.CharField(label=_("description"), widget=forms.Textarea, required=False)
    target_quantity = forms.IntegerField(
        label=_("target quantity"),
        min_value=0,
        required=False,
        help_text=_(
            "How much is pledged, in the unit below; leave empty for a pledge without a figure."
        ),
    )
    unit = forms.ChoiceField(label=_("unit"), choices=Commitment.Unit.choices)
    due_on = forms.DateField(label=_("due on"), required=False, widget=DateInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            # The paragraph of an existing pledge is not changed here.
            del self.fields["paragraph"]
            self.fields["version"].required = True
        else:
            del self.fields["version"]

    @staticmethod
    def initial_for(commitment: Commitment) -> dict:
        return {
            "title": commitment.title,
            "description": commitment.description,
            "target_quantity": commitment.target_quantity,
            "unit": commitment.unit,
            "due_on": commitment.due_on,
            "version": commitment.version,
        }


class ProgressReportForm(forms.Form):
    status = forms.ChoiceField(
        label=_("status"),
        choices=[
            (value, label)
            for value, label in CommitmentStatus.choices
            if value != CommitmentStatus.PLEDGED
        ],
    )
    quantity_delivered = forms.IntegerField(
        label=_("quantity delivered so far"),
        min_value=0,
        initial=0,
        help_text=_("The total delivered since the pledge, in the commitment's unit."),
    )
    delivered_on = forms.DateField(
        label=_("delivered by"),
        widget=DateInput,
        initial=timezone.localdate,
        required=False,
        help_text=_(
            "The date by which that quantity had been delivered: figures for a period count "
            "what was delivered by its end."
        ),
    )
    period_start = forms.DateField(
        label=_("period covered from"),
        widget=DateInput,
        required=False,
        help_text=_("The first day of the period the report covers, if it covers one."),
    )
    narrative = forms.CharField(
        label=_("narrative"),
        widget=forms.Textarea,
        help_text=_("What was done, when, with whom."),
    )
    language = forms.ChoiceField(label=_("language of the narrative"), choices=settings.LANGUAGES)
    evidence_url = forms.URLField(
        label=_("evidence (link)"), required=False, assume_scheme="https", max_length=200
    )
    evidence_file = forms.FileField(
        label=_("evidence (file)"),
        required=False,
        max_length=200,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED_EXTENSIONS)}),
        help_text=_("PDF, office document or image; at most %(limit)s MB.")
        % {"limit": settings.EVIDENCE_MAX_BYTES // (1024 * 1024)},
    )


class NothingNewForm(forms.Form):
    note = forms.CharField(
        label=_("note (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text=_("Why nothing changed, if you wish to say."),
    )


class NominationForm(forms.Form):
    honorific = forms.CharField(
        label=_("honorific"),
        max_length=60,
        required=False,
        help_text=_("e.g. H.E. Amb., Dr., Prof."),
    )
    full_name = forms.CharField(label=_("full name"), max_length=200)
    gender = forms.ChoiceField(label=_("gender"), choices=Gender.choices)
    roles = forms.MultipleChoiceField(
        label=_("roles"), choices=RosterRole.Role.choices, widget=forms.CheckboxSelectMultiple
    )
    current_position = forms.CharField(label=_("current position"), max_length=255, required=False)
    biography = forms.CharField(label=_("biography"), widget=forms.Textarea, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    phone = forms.CharField(label=_("phone"), max_length=40, required=False)
    expertise = forms.ModelMultipleChoiceField(
        label=_("expertise"),
        queryset=ExpertiseArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("languages"),
        queryset=Language.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("regions of experience"),
        queryset=Region.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent_given_on = forms.DateField(
        label=_("consent given on"),
        widget=DateInput,
        help_text=_("When the person agreed to be nominated and to the use of their data."),
    )
    consent_confirmed = forms.BooleanField(
        label=_(
            "I confirm that this person agreed to be nominated to the OIC roster and to the "
            "Secretariat keeping the data above."
        ),
        error_messages={"required": _("The nomination needs the person's consent.")},
    )


class TrainingEditionForm(forms.Form):
    programme = forms.ModelChoiceField(label=_("programme"), queryset=Programme.objects.all())
    title = forms.CharField(label=_("title"), max_length=255, required=False)
    starts_on = forms.DateField(label=_("starts on"), widget=DateInput)
    ends_on = forms.DateField(label=_("ends on"), widget=DateInput, required=False)
    place = forms.CharField(label=_("place"), max_length=200, required=False)
    format = forms.ChoiceField(label=_("format"), choices=Edition.Format.choices)
    level_targeted = forms.ChoiceField(
        label=_("level targeted"), choices=Edition.TargetLevel.choices
    )
    reported_participants = forms.IntegerField(
        label=_("number of participants"),
        min_value=0,
        required=False,
        help_text=_("A head count, when the participants are not listed one by one below."),
    )
    reported_states = forms.IntegerField(
        label=_("number of states represented"), min_value=0, required=False
    )
    description = forms.CharField(label=_("description"), widget=forms.Textarea, required=False)

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("An edition cannot end before it starts."))
        if starts_on and starts_on > timezone.localdate():
            self.add_error("starts_on", _("Report trainings that have taken place."))
        return cleaned


class ParticipantForm(forms.Form):
    """One diplomat trained. A row left as shown (empty name, default choices) is ignored."""

    full_name = forms.CharField(label=_("full name"), max_length=200)
    gender = forms.ChoiceField(label=_("gender"), choices=[("", "---------"), *Gender.choices])
    state = forms.ModelChoiceField(
        label=_("member state"), queryset=MemberState.objects.all(), required=False
    )
    position = forms.CharField(label=_("position"), max_length=200, required=False)
    level = forms.ChoiceField(label=_("level"), choices=Level.choices, initial=Level.JUNIOR)
    completion = forms.ChoiceField(
        label=_("completion"),
        choices=Participant.Completion.choices,
        initial=Participant.Completion.COMPLETED,
    )


ParticipantFormSet = forms.formset_factory(ParticipantForm, extra=3, max_num=200, validate_max=True)
