"""How API clients authenticate: a session (the browsable API, Swagger UI) or a token.

Kept apart from the views: DRF imports the authentication classes named in its settings while
``rest_framework.views`` is being imported, so this module must not import a view.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework.authentication import TokenAuthentication
from rest_framework.exceptions import AuthenticationFailed

from oic_mediation.accounts.second_factor import second_factor_required

__all__ = ["PortalTokenAuthentication", "STAFF_TOKEN_REFUSED", "second_factor_required"]

STAFF_TOKEN_REFUSED = _(
    "Staff accounts sign in with two-factor authentication; tokens would bypass it."
)


class PortalTokenAuthentication(TokenAuthentication):
    """DRF's token authentication, refusing the token of a staff member who must use a second
    factor: enrolling deletes the person's token, but one obtained before
    ``DJANGO_STAFF_OTP_REQUIRED`` was switched on would otherwise stay valid."""

    def authenticate_credentials(self, key):
        user, token = super().authenticate_credentials(key)
        if second_factor_required(user):
            raise AuthenticationFailed(STAFF_TOKEN_REFUSED)
        return user, token
