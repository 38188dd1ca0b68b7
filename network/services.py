"""Writes about people in the network: nominations to the roster."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from network.models import MemberState, RosterMember, RosterRole


@transaction.atomic
def roster_nomination_create(
    *,
    user,
    state: MemberState | None,
    full_name: str,
    gender: str,
    roles: list[str],
    consent_given_on: datetime.date | None,
    email: str = "",
    phone: str = "",
    honorific: str = "",
    current_position: str = "",
    biography: str = "",
    nationality: MemberState | None = None,
    expertise=(),
    languages=(),
    regions=(),
) -> RosterMember:
    """Nominate a person to the roster, for a state (or for the Secretariat when ``state`` is None).

    The person's consent must be recorded: nobody is put on the roster without it. New nominees
    start private and pending vetting; the Secretariat decides the rest.
    """
    if not user.has_perm("network.nominate_rostermember", state):
        if state is None:
            raise PermissionDenied(_("Only the Secretariat nominates on its own behalf."))
        raise PermissionDenied(_("You can only nominate people on behalf of your own state."))
    errors = {}
    if consent_given_on is None:
        errors["consent_given_on"] = _(
            "Record the date the person agreed to be nominated and to the use of their data."
        )
    elif consent_given_on > timezone.localdate():
        errors["consent_given_on"] = _("The date of consent cannot be in the future.")
    valid_roles = set(RosterRole.Role.values)
    if not roles:
        errors["roles"] = _("Choose at least one role.")
    elif not set(roles) <= valid_roles:
        errors["roles"] = _("Unknown role.")
    if errors:
        raise ValidationError(errors)
    person = RosterMember(
        full_name=full_name,
        honorific=honorific,
        gender=gender,
        email=email,
        phone=phone,
        current_position=current_position,
        biography=biography,
        nationality=nationality or state,
        nominating_state=state,
        nominated_on=timezone.localdate(),
        nominated_by_user=user,
        consent_given_on=consent_given_on,
        visibility=RosterMember.Visibility.PRIVATE,
        vetting_status=RosterMember.Vetting.PENDING,
    )
    person.full_clean()
    person.save()
    person.expertise.set(expertise)
    person.languages.set(languages)
    person.regions.set(regions)
    for role in dict.fromkeys(roles):
        RosterRole.objects.create(person=person, role=role)
    return person
