"""How API clients authenticate: a session (the browsable API, Swagger UI) or a token.

Tokens are django-rest-knox's: only a hash is stored, each expires (``DJANGO_API_TOKEN_DAYS``),
and changing or resetting a password revokes them all (``oic_mediation.api.tokens``).

Kept apart from the views: DRF imports the authentication classes named in its settings while
``rest_framework.views`` is being imported, so this module must not import a view.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from knox.auth import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from oic_mediation.accounts.second_factor import second_factor_required

__all__ = ["PortalTokenAuthentication", "STAFF_TOKEN_REFUSED", "second_factor_required"]

STAFF_TOKEN_REFUSED = _(
    "Staff accounts sign in with two-factor authentication; tokens would bypass it."
)
INVALID_TOKEN = _("Invalid or expired token.")


class PortalTokenAuthentication(TokenAuthentication):
    """knox's token authentication, refusing the token of anyone who must use a second factor:
    enrolling deletes the person's tokens, but one obtained before ``DJANGO_STAFF_OTP_REQUIRED``
    was switched on would otherwise stay valid."""

    def authenticate_credentials(self, token: bytes):
        try:
            token.decode("ascii")
        except UnicodeDecodeError:
            raise AuthenticationFailed(INVALID_TOKEN) from None
        user, auth_token = super().authenticate_credentials(token)
        if second_factor_required(user):
            raise AuthenticationFailed(STAFF_TOKEN_REFUSED)
        return user, auth_token
