"""API tokens for focal points and the Secretariat.

DRF's own obtain_auth_token is not used: it calls ``authenticate()`` without the request, so
django-axes could neither count failures nor lock out a guesser. Here failures count towards the
same lockout as the sign-in page.
"""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import AllowAny
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
from oic_mediation.api.serializers import TokenInputSerializer, TokenSerializer


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
        token, _created = Token.objects.get_or_create(user=user)
        return Response({"token": token.key}, status=status.HTTP_200_OK)
