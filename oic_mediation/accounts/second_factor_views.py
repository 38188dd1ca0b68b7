"""Staff enrol an authenticator app: scan a QR code drawn on the server, type the code it shows."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from oic_mediation.accounts import second_factor


def _next_url(request) -> str:
    candidate = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return candidate
    return reverse("admin:index") if request.user.is_staff else reverse("my_state:home")


@login_required
def two_factor(request):
    user = request.user
    if not second_factor.has_secretariat_powers(user):
        raise PermissionDenied(_("Two-factor authentication is set up by Secretariat staff."))
    enrolled = second_factor.confirmed_device(user)
    if enrolled is not None and not user.is_verified():
        # Replacing the authenticator needs the current one: sign in again with its code.
        raise PermissionDenied(
            _("Sign in again with the code from your current app to replace it.")
        )
    device = second_factor.pending_device(user)
    form = second_factor.EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["otp_token"].strip().replace(" ", "")
        if second_factor.device_confirm(user=user, device=device, token=token):
            device.refresh_from_db()
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on for your account."))
            return redirect(_next_url(request))
        form.add_error(
            "otp_token",
            _("This code is wrong or has expired. Enter the code now shown by your app."),
        )
    return render(
        request,
        "accounts/two_factor.html",
        {
            "form": form,
            "enrolled": enrolled,
            "qr_code": second_factor.qr_code_svg(device),
            "manual_key": second_factor.manual_key(device),
            "next": _next_url(request),
        },
    )
