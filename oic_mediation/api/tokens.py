"""API tokens for focal points and the Secretariat (django-rest-knox).

A token is shown once, when it is issued; the database keeps only its hash. It expires after
``DJANGO_API_TOKEN_DAYS`` days; its owner lists their tokens (by their first 15 characters) and
revokes any of them; changing or resetting the password revokes them all.

DRF's own obtain_auth_token is not used: it calls ``authenticate()`` without the request, so
django-axes could neither count failures nor lock out a guesser. Here failures count towards the
same lockout as the sign-in page.
"""

from __future__ import annotations

from django.contrib.auth import authenticate, get_user_model
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.models import AuthToken
from knox.settings import knox_settings
from rest_framework import status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from oic_mediation.api.authentication import (
    STAFF_TOKEN_REFUSED,
    PortalTokenAuthentication,
    second_factor_required,
)
from oic_mediation.api.exceptions import error_response
from oic_mediation.api.permissions import FOCAL_POINT_AREA_PERMISSION
from oic_mediation.api.schema import ErrorSerializer
from oic_mediation.api.serializers import (
    TokenInputSerializer,
    TokenListedSerializer,
    TokenSerializer,
)


class TokenView(APIView):
    permission_classes = [AllowAny]
    # No session: the token is for clients outside the browser, and needs no CSRF token.
    authentication_classes = [PortalTokenAuthentication]

    @extend_schema(
        summary=_("Get your API token (focal points and the Secretariat)"),
        request=TokenInputSerializer,
        responses={
            200: TokenSerializer,
            401: OpenApiResponse(ErrorSerializer, description=_("Wrong username or password.")),
        },
        auth=[],
    )
    def post(self, request):
        incoming = TokenInputSerializer(data=request.data)
        incoming.is_valid(raise_exception=True)
        django_request = request._request
        user = authenticate(request=django_request, **incoming.validated_data)
        # Refusals are returned, not raised: DRF rolls the request's transaction back on an
        # exception, and axes' record of the failure would be rolled back with it.
        if getattr(django_request, "axes_locked_out", False):
            # Answer in the API's format; otherwise axes' middleware renders its HTML page.
            django_request.axes_locked_out = False
            return error_response(
                status.HTTP_429_TOO_MANY_REQUESTS,
                _("Too many failed attempts; try again later."),
                "throttled",
            )
        if user is None:
            return error_response(
                status.HTTP_401_UNAUTHORIZED,
                _("Wrong username or password."),
                "authentication_failed",
                headers={"WWW-Authenticate": "Token"},
            )
        if not user.has_perm(FOCAL_POINT_AREA_PERMISSION):
            raise PermissionDenied(_("API tokens are for focal points and the Secretariat."))
        if second_factor_required(user):
            raise PermissionDenied(STAFF_TOKEN_REFUSED)
        token, key = token_issue(user=user)
        return Response({"token": key, "expiry": token.expiry}, status=status.HTTP_200_OK)


def token_issue(*, user) -> tuple[AuthToken, str]:
    """A new token for ``user``: the stored record and the key, which is never stored. Past
    ``TOKEN_LIMIT_PER_USER`` tokens, the oldest is revoked."""
    limit = knox_settings.TOKEN_LIMIT_PER_USER
    if limit:
        surplus = AuthToken.objects.filter(user=user).order_by("-created")[limit - 1 :]
        AuthToken.objects.filter(pk__in=[token.pk for token in surplus]).delete()
    return AuthToken.objects.create(user=user)


def revoke_tokens_on_password_change(sender, instance, **kwargs) -> None:
    """Every token of a user whose password changes (change form, reset link, admin, the
    ``changepassword`` command) stops working: a token must not outlive the password that
    obtained it.

    ``set_password`` keeps the new raw password in ``_password`` until the save; Django's own
    re-hashing of an unchanged password at sign-in (after an upgrade) clears it first, and keeps
    the tokens."""
    if instance.pk is not None and getattr(instance, "_password", None) is not None:
        AuthToken.objects.filter(user_id=instance.pk).delete()


def connect_signals() -> None:
    pre_save.connect(
        revoke_tokens_on_password_change,
        sender=get_user_model(),
        dispatch_uid="revoke_tokens_on_password_change",
    )


class OwnTokensView(APIView):
    """The caller's own tokens: when each was issued and when it expires, never a key."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary=_("Your API tokens (the first characters of each, never the key)"),
        responses={200: TokenListedSerializer(many=True)},
    )
    def get(self, request):
        current = getattr(request.auth, "token_key", None)
        tokens = AuthToken.objects.filter(user=request.user).order_by("-created")
        return Response(TokenListedSerializer(tokens, many=True, context={"current": current}).data)


class OwnTokenView(APIView):
    """Revoke one of the caller's tokens (another person's answers 404, as a missing one)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary=_("Revoke one of your API tokens"),
        responses={204: OpenApiResponse(description=_("Revoked."))},
    )
    def delete(self, request, token_key: str):
        deleted, _by_model = AuthToken.objects.filter(
            user=request.user, token_key=token_key
        ).delete()
        if not deleted:
            return error_response(status.HTTP_404_NOT_FOUND, _("Not found."), "not_found")
        return Response(status=status.HTTP_204_NO_CONTENT)
