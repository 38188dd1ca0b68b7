"""Writes about trainings: a member state reports a training edition it offered, and the
Secretariat validates or returns the report, as it does progress reports."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import MemberState
from trainings.models import Edition, Participant, Programme


@transaction.atomic
def training_edition_report(
    *,
    user,
    state: MemberState,
    programme: Programme,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    title: str = "",
    place: str = "",
    format: str = Edition.Format.IN_PERSON,
    level_targeted: str = Edition.TargetLevel.JUNIOR,
    reported_participants: int | None = None,
    reported_states: int | None = None,
    description: str = "",
    participants: Sequence[dict] = (),
) -> Edition:
    """Record a training edition a state offered, with the diplomats it trained.

    ``participants`` is a list of dicts with the Participant fields (full_name, gender, state,
    level, completion...). Everything is stored, or nothing. A focal point's report is
    *submitted*: it counts in public figures once the Secretariat validates it; one recorded by
    the Secretariat is validated at once.
    """
    edition = Edition(
        programme=programme,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        place=place,
        host_state=state,
        format=format,
        level_targeted=level_targeted,
        reported_participants=reported_participants,
        reported_states=reported_states,
        description=description,
        reported_by_state=state,
        reported_by_user=user,
    )
    if not user.has_perm("trainings.add_edition", edition):
        raise PermissionDenied(_("You can only report trainings offered by your own state."))
    # Whoever reviews training reports needs not review their own: it counts at once.
    edition.review_status = (
        Edition.Review.VALIDATED
        if user.has_perm("trainings.review_edition", edition)
        else Edition.Review.SUBMITTED
    )
    edition.full_clean(validate_unique=False)
    edition.save()
    errors = []
    for position, values in enumerate(participants, start=1):
        participant = Participant(edition=edition, **values)
        try:
            participant.full_clean()
        except ValidationError as error:
            errors.append(
                _("Participant %(position)s: %(messages)s")
                % {"position": position, "messages": "; ".join(error.messages)}
            )
            continue
        participant.save()
    if errors:
        raise ValidationError(errors)
    return edition


def _review(*, user, edition: Edition, outcome: str, comment: str) -> Edition:
    if not user.has_perm("trainings.review_edition", edition):
        raise PermissionDenied(_("Only the Secretariat reviews training reports."))
    # Lock the row: two reviewers acting at once must not both succeed.
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.review_status != Edition.Review.SUBMITTED:
        raise ValidationError(
            _("This report was already %(state)s; only a submitted report can be reviewed.")
            % {"state": edition.get_review_status_display().lower()},
            code="invalid_transition",
        )
    edition.review_status = outcome
    edition.reviewed_by = user
    edition.reviewed_at = timezone.now()
    edition.review_comment = comment
    edition.full_clean(validate_unique=False)
    edition.save()
    return edition


@transaction.atomic
def training_edition_validate(*, user, edition: Edition, comment: str = "") -> Edition:
    """The edition and its participants count in public figures from now on."""
    return _review(user=user, edition=edition, outcome=Edition.Review.VALIDATED, comment=comment)


@transaction.atomic
def training_edition_return(*, user, edition: Edition, comment: str) -> Edition:
    """Sent back to the reporting state with what needs to change; it stays out of public
    figures."""
    if not comment.strip():
        raise ValidationError(
            {"review_comment": _("Say what needs to change when returning a report.")}
        )
    return _review(user=user, edition=edition, outcome=Edition.Review.RETURNED, comment=comment)
