"""Writes about people in the network: nominations to the roster, focal points' invitations."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.mail import send_portal_email
from core.models import refuse_null_characters
from network.models import FocalPoint, MemberState, RosterMember, RosterRole
from network.tokens import invitation_token_generator


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


# --- Focal points: invitations ---------------------------------------------------------------
# The invitee follows the link to the sign-in interface's "accept the invitation" page
# (``accounts:accept_invitation``, in oic_mediation.accounts), which checks the same token.


def invitation_url(user, *, language: str) -> str:
    """The absolute one-time link an invitee follows to set a password."""
    with translation.override(language):
        path = reverse(
            "accounts:accept_invitation",
            kwargs={
                "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
                "token": invitation_token_generator.make_token(user),
            },
        )
    return f"{settings.PORTAL_BASE_URL}{path}"


@transaction.atomic
def focal_point_invite(
    *,
    invited_by,
    email: str,
    state: MemberState,
    first_name: str = "",
    last_name: str = "",
    title: str = "",
    preferred_language: str = settings.LANGUAGE_CODE,
) -> FocalPoint:
    """Create a focal point's account (no usable password yet) and e-mail them a one-time link."""
    if not invited_by.has_perm("network.invite_focalpoint"):
        raise PermissionDenied(_("Only the Secretariat invites focal points."))
    email = get_user_model().objects.normalize_email(email.strip())
    if "\x00" in email:
        # PostgreSQL cannot even look such a string up.
        raise ValidationError({"email": _("Enter a valid e-mail address.")}, code="invalid")
    if get_user_model().objects.filter(email__iexact=email).exists():
        raise ValidationError(
            {"email": _("A user with this e-mail address already exists.")}, code="duplicate"
        )
    user = get_user_model()(
        username=email.lower(), email=email, first_name=first_name, last_name=last_name
    )
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    refuse_null_characters(user)
    user.save()
    focal_point = FocalPoint(
        user=user,
        state=state,
        title=title,
        preferred_language=preferred_language,
        invited_at=timezone.now(),
        invited_by=invited_by,
    )
    focal_point.full_clean()
    focal_point.save()
    transaction.on_commit(lambda: send_invitation(focal_point), robust=True)
    return focal_point


@transaction.atomic
def focal_point_reinvite(*, invited_by, focal_point: FocalPoint) -> FocalPoint:
    """Send a fresh link to a focal point who has not set a password yet."""
    if not invited_by.has_perm("network.invite_focalpoint", focal_point):
        raise PermissionDenied(_("Only the Secretariat invites focal points."))
    if focal_point.user.has_usable_password():
        raise ValidationError(
            _("%(name)s has already set a password; they can reset it themselves if needed.")
            % {"name": focal_point}
        )
    focal_point.invited_at = timezone.now()
    focal_point.invited_by = invited_by
    focal_point.save(update_fields=["invited_at", "invited_by", "version", "updated_at"])
    transaction.on_commit(lambda: send_invitation(focal_point), robust=True)
    return focal_point


def send_invitation(focal_point: FocalPoint) -> None:
    user = focal_point.user
    language = focal_point.preferred_language or settings.LANGUAGE_CODE
    send_portal_email(
        template="emails/invitation",
        subject=lambda: _("Your invitation to the OIC Mediation Capacity Portal"),
        context={
            "focal_point": focal_point,
            "user": user,
            "state": focal_point.state,
            "url": invitation_url(user, language=language),
            "timeout_days": max(settings.PASSWORD_RESET_TIMEOUT // (24 * 3600), 1),
        },
        to=user,
        language=language,
    )
