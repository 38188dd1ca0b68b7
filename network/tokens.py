"""One-time links for invitations.

The token hashes the user's password, so it stops working once the invitee sets one; it also
expires after ``settings.PASSWORD_RESET_TIMEOUT`` seconds (``DJANGO_INVITATION_TIMEOUT``). A
salt of its own keeps invitation links and password-reset links apart.
"""

from __future__ import annotations

from django.contrib.auth.tokens import PasswordResetTokenGenerator


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    # The salt of the module this class was first defined in: changing it would void every
    # invitation link already sent.
    key_salt = "oic_mediation.accounts.tokens.InvitationTokenGenerator"

    def _make_hash_value(self, user, timestamp: int) -> str:
        # is_active: deactivating the invitee also cancels the link.
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


invitation_token_generator = InvitationTokenGenerator()
