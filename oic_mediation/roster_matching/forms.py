from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from network.matching import DEFAULT_LIMIT, DeploymentRequest
from network.models import ExpertiseArea, FieldContext, Language, Region, RosterRole


class DeploymentRequestForm(forms.Form):
    context = forms.ModelChoiceField(
        label=_("Context"),
        queryset=FieldContext.objects.order_by("name"),
        required=False,
        help_text=_("Where the deployment is; people who served there before rank higher."),
    )
    starts_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ends_on = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty for an open-ended deployment."),
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=RosterRole.Role.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.ModelMultipleChoiceField(
        label=_("Working languages"), queryset=Language.objects.order_by("name"), required=False
    )
    expertise = forms.ModelMultipleChoiceField(
        label=_("Expertise"), queryset=ExpertiseArea.objects.order_by("name"), required=False
    )
    regions = forms.ModelMultipleChoiceField(
        label=_("Regions of experience"), queryset=Region.objects.order_by("name"), required=False
    )
    limit = forms.IntegerField(
        label=_("Length of the shortlist"), min_value=1, max_value=200, initial=DEFAULT_LIMIT
    )

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The deployment cannot end before it starts."))
        return cleaned

    def deployment_request(self) -> DeploymentRequest:
        data = self.cleaned_data
        return DeploymentRequest(
            starts_on=data["starts_on"],
            ends_on=data.get("ends_on"),
            context=data.get("context"),
            roles=tuple(data.get("roles") or ()),
            languages=tuple(data.get("languages") or ()),
            expertise=tuple(data.get("expertise") or ()),
            regions=tuple(data.get("regions") or ()),
            limit=data.get("limit") or DEFAULT_LIMIT,
        )
