"""Two-factor authentication for staff: one TOTP device (an authenticator app) per person.

django-otp keeps the devices and marks a session as verified; the portal's sign-in forms ask for
the code only when the user has a confirmed device, so focal points and staff without a device
sign in with their password alone unless ``DJANGO_STAFF_OTP_REQUIRED`` is on.
"""

from __future__ import annotations

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

DEVICE_NAME = "Authenticator app"


def has_secretariat_powers(user) -> bool:
    """Staff, and anyone in the Secretariat group even without ``is_staff``: whoever can see
    personal or unpublished data and validate what member states report."""
    return user.is_authenticated and (
        user.is_staff or user.has_perm("network.access_secretariat_area")
    )


def second_factor_required(user) -> bool:
    """Whether this person must prove a second factor: those with Secretariat powers who have
    enrolled an authenticator, and all of them once ``DJANGO_STAFF_OTP_REQUIRED`` is on."""
    return has_secretariat_powers(user) and (
        settings.STAFF_OTP_REQUIRED or confirmed_device(user) is not None
    )


def second_factor_missing(user) -> bool:
    """Signed in, must prove a second factor, and this session has not (django-otp's verified
    flag). The one test used by the middleware for every page and the session API, and by the
    API's token authentication."""
    return (
        user.is_authenticated
        and second_factor_required(user)
        and not (hasattr(user, "is_verified") and user.is_verified())
    )


def confirmed_device(user) -> TOTPDevice | None:
    """The user's enrolled authenticator, if any."""
    if not user.is_authenticated:
        return None
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("-pk").first()


def pending_device(user) -> TOTPDevice:
    """The authenticator being enrolled: the same secret on every reload until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def qr_code_svg(device: TOTPDevice) -> str:
    """The ``otpauth://`` link as an inline SVG drawn on the server (no script, no outside host)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    return image.to_string(encoding="unicode")


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32, grouped by four, for apps that cannot scan."""
    from base64 import b32encode

    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def device_confirm(*, user, device: TOTPDevice, token: str) -> bool:
    """Confirm a pending device with a code from the app; earlier devices of the user are
    removed, so a lost phone stops working once a new one is enrolled. The user's API
    tokens are deleted too: they would let the password alone in."""
    if device.user_id != user.pk or device.confirmed:
        return False
    if not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    AuthToken.objects.filter(user=user).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return True


CODE_WIDGET = forms.TextInput(
    attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "maxlength": "8"}
)


class SecondFactorFormMixin:
    """Asks a user who has an authenticator for its current code, after the password.

    The password is checked first by ``AuthenticationForm.clean`` (with the request, so that
    django-axes counts failures); a wrong code is refused and counted by django-otp's own
    throttling, which delays further tries on that device.
    """

    code_messages = {
        "code_required": _("Enter the 6-digit code shown by your authenticator app."),
        "code_wrong": _("This code is wrong or has expired. Enter the code now shown by your app."),
        "code_throttled": _(
            "Too many wrong codes. Wait a minute, then enter the code now shown by your app."
        ),
    }

    def clean(self):
        cleaned_data = super().clean()
        user = self.get_user()
        device = confirmed_device(user) if user is not None else None
        if device is None:
            return cleaned_data
        token = (cleaned_data.get("otp_token") or "").strip().replace(" ", "")
        if not token:
            raise forms.ValidationError(self.code_messages["code_required"], "code_required")
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            raise forms.ValidationError(self.code_messages["code_throttled"], "code_throttled")
        if not device.verify_token(token):
            raise forms.ValidationError(self.code_messages["code_wrong"], "code_wrong")
        # django_otp marks the session as verified by this device when login() runs.
        user.otp_device = device
        return cleaned_data


class SignInForm(SecondFactorFormMixin, AuthenticationForm):
    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        widget=CODE_WIDGET,
        help_text=_("Only if you have set up two-factor authentication."),
    )


class AdminSignInForm(SecondFactorFormMixin, AdminAuthenticationForm):
    otp_token = forms.CharField(
        label=_("Authentication code"),
        required=False,
        widget=CODE_WIDGET,
        help_text=_("Only if you have set up two-factor authentication."),
    )


class EnrolForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your app"),
        max_length=8,
        widget=CODE_WIDGET,
        help_text=_("The 6-digit code your authenticator app shows after scanning."),
    )
