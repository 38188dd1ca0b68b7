"""The focal points' "My state" area.

Views stay slim: they find the state or record, ask ``user.has_perm`` (the rules its model
declares, see ``network.rules``) whether the user may act on it, and hand the form's data to the services, which check again and write. A
record of another state is refused with 403 whatever id is typed into the URL; forms offer no
state field, so none can be posted.
"""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.forms import add_service_errors
from network.models import MemberState
from network.rules import focal_point_state_id
from network.services import roster_nomination_create
from oic_mediation.my_state import forms, selectors
from resolutions import services
from resolutions.models import Commitment, CommitmentStatus
from resolutions.selectors import commitment_totals
from trainings.services import training_edition_report

DUE_SOON_DAYS = 30


def _state_for(request, slug: str) -> MemberState:
    state = get_object_or_404(MemberState, slug=slug)
    if not request.user.has_perm("network.act_for_state_memberstate", state):
        raise PermissionDenied(_("You can only act for your own state."))
    return state


def _commitment_for(request, pk: int) -> Commitment:
    commitment = get_object_or_404(
        Commitment.objects.select_related("state", "paragraph__resolution"),
        pk=pk,
        state__isnull=False,
    )
    if not request.user.has_perm("resolutions.change_commitment", commitment):
        # The same answer as for an id that does not exist: ids cannot be probed.
        raise Http404
    return commitment


@login_required
def home(request):
    """A focal point goes straight to their state; the Secretariat chooses one."""
    state_id = focal_point_state_id(request.user)
    if state_id is not None:
        state = get_object_or_404(MemberState, pk=state_id)
        return redirect("my_state:commitments", state=state.slug)
    if not request.user.has_perm("network.access_focal_point_area"):
        raise PermissionDenied(_("This area is for the focal points of member states."))
    return render(
        request, "my_state/choose_state.html", {"states": selectors.states_for_secretariat()}
    )


@login_required
def commitments(request, state: str):
    state = _state_for(request, state)
    queryset = selectors.state_commitments(state)
    today = timezone.localdate()
    return render(
        request,
        "my_state/commitments.html",
        {
            "state": state,
            "commitments": queryset,
            "totals": commitment_totals(Commitment.objects.filter(state=state)),
            "today": today,
            "due_soon_before": today + datetime.timedelta(days=DUE_SOON_DAYS),
        },
    )


@login_required
def commitment_create(request, state: str):
    state = _state_for(request, state)
    form = forms.CommitmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            commitment = services.commitment_create(
                user=request.user, state=state, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The commitment “%(title)s” was recorded.") % {"title": commitment.title}
            )
            return redirect("my_state:commitments", state=state.slug)
    return render(request, "my_state/commitment_form.html", {"state": state, "form": form})


@login_required
def commitment_edit(request, pk: int):
    commitment = _commitment_for(request, pk)
    state = commitment.state
    changes = []
    if request.method == "POST":
        form = forms.CommitmentForm(request.POST, editing=True)
        if form.is_valid():
            fields = dict(form.cleaned_data)
            version = fields.pop("version")
            try:
                services.commitment_update(
                    user=request.user, commitment=commitment, expected_version=version, **fields
                )
            except ValidationError as error:
                if getattr(error, "code", None) == "stale":
                    form, changes = _stale_form(request, commitment, version, error)
                else:
                    add_service_errors(form, error)
            else:
                messages.success(
                    request,
                    _("Your changes to “%(title)s” were saved.") % {"title": commitment.title},
                )
                return redirect("my_state:commitments", state=state.slug)
    else:
        form = forms.CommitmentForm(
            initial=forms.CommitmentForm.initial_for(commitment), editing=True
        )
    return render(
        request,
        "my_state/commitment_form.html",
        {"state": state, "form": form, "commitment": commitment, "changes": changes},
    )


def _stale_form(request, commitment: Commitment, version: int, error: ValidationError):
    """Keep what the user typed, say what the other person changed, and let them decide.

    The form now carries the current version: saving it again is a deliberate choice made after
    seeing the other changes, not a silent overwrite.
    """
    changes = selectors.commitment_changes_since(commitment, version)
    current = Commitment.objects.get(pk=commitment.pk)
    data = request.POST.copy()
    data["version"] = current.version
    form = forms.CommitmentForm(data, editing=True)
    form.is_valid()
    form.add_error(None, error.messages[0])
    if changes:
        form.add_error(
            None,
            _(
                "Changed since you opened the form: %(changes)s. Your values are still below; save again to keep them."
            )
            % {
                "changes": "; ".join(f"{c['field']}: {c['before']} → {c['after']}" for c in changes)
            },
        )
    return form, changes


@login_required
def progress_report(request, pk: int):
    commitment = _commitment_for(request, pk)
    if not commitment.accepts_progress_reports:
        messages.error(
            request, _("This commitment was withdrawn; no more progress can be reported.")
        )
        return redirect("my_state:commitments", state=commitment.state.slug)
    initial = {
        "status": CommitmentStatus.IN_PROGRESS
        if commitment.status == CommitmentStatus.PLEDGED
        else commitment.status,
        "quantity_delivered": commitment.delivered_quantity,
        "language": translation.get_language(),
    }
    form = forms.ProgressReportForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report_submit(
                user=request.user,
                commitment=commitment,
                status=form.cleaned_data["status"],
                quantity_delivered=form.cleaned_data["quantity_delivered"],
                delivered_on=form.cleaned_data["delivered_on"],
                period_start=form.cleaned_data["period_start"],
                narrative=form.cleaned_data["narrative"],
                language=form.cleaned_data["language"],
                evidence_url=form.cleaned_data["evidence_url"],
                evidence_file=form.cleaned_data["evidence_file"] or None,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your report was sent to the Secretariat. It counts in the public figures once validated."
                ),
            )
            return redirect("my_state:reports", state=commitment.state.slug)
    return render(
        request,
        "my_state/progress_report_form.html",
        {
            "state": commitment.state,
            "commitment": commitment,
            "form": form,
            "nothing_new_form": forms.NothingNewForm(prefix="nothing"),
        },
    )


@login_required
def nothing_new(request, pk: int):
    """Report that nothing changed on a commitment: it counts as reporting once validated."""
    commitment = _commitment_for(request, pk)
    if not commitment.accepts_progress_reports:
        messages.error(
            request, _("This commitment was withdrawn; no more progress can be reported.")
        )
        return redirect("my_state:commitments", state=commitment.state.slug)
    form = forms.NothingNewForm(request.POST or None, prefix="nothing")
    if request.method == "POST" and form.is_valid():
        try:
            services.progress_report_nothing_new(
                user=request.user, commitment=commitment, note=form.cleaned_data["note"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "Your report of nothing new was sent to the Secretariat. It counts as reporting once validated."
                ),
            )
            return redirect("my_state:reports", state=commitment.state.slug)
    return render(
        request,
        "my_state/progress_report_form.html",
        {
            "state": commitment.state,
            "commitment": commitment,
            "form": forms.ProgressReportForm(initial={"language": translation.get_language()}),
            "nothing_new_form": form,
        },
    )


@login_required
def reports(request, state: str):
    state = _state_for(request, state)
    return render(
        request,
        "my_state/reports.html",
        {"state": state, "reports": selectors.state_progress_reports(state)},
    )


@login_required
def nominate(request, state: str):
    state = _state_for(request, state)
    form = forms.NominationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data.pop("consent_confirmed")
        try:
            person = roster_nomination_create(user=request.user, state=state, **data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(name)s was nominated; the Secretariat will review the nomination.")
                % {"name": person.full_name},
            )
            return redirect("my_state:nominate", state=state.slug)
    return render(
        request,
        "my_state/nomination_form.html",
        {"state": state, "form": form, "nominees": selectors.state_nominees(state)},
    )


@login_required
def training_report(request, state: str):
    state = _state_for(request, state)
    form = forms.TrainingEditionForm(request.POST or None)
    formset = forms.ParticipantFormSet(request.POST or None, prefix="participants")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        participants = [
            row.cleaned_data for row in formset if row.has_changed() and row.cleaned_data
        ]
        try:
            edition = training_edition_report(
                user=request.user, state=state, participants=participants, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _(
                    "The training “%(edition)s” was sent to the Secretariat. It counts in the "
                    "public figures once validated."
                )
                % {"edition": edition},
            )
            return redirect("my_state:training_report", state=state.slug)
    return render(
        request,
        "my_state/training_form.html",
        {
            "state": state,
            "form": form,
            "formset": formset,
            "editions": selectors.state_training_editions(state),
        },
    )
