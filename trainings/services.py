"""Writes about trainings: a member state reports a training edition it offered."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from network.models import MemberState
from network.rules import can_report_for_state
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
    participants: list[dict] = (),
) -> Edition:
    """Record a training edition a state offered, with the diplomats it trained.

    ``participants`` is a list of dicts with the Participant fields (full_name, gender, state,
    level, completion...). Everything is stored, or nothing.
    """
    if not can_report_for_state(user, state):
        raise PermissionDenied(_("You can only report trainings offered by your own state."))
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
