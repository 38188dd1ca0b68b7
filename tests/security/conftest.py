"""Helpers for the access tests: sign-in through the real forms, TOTP codes from the real algorithm."""

from __future__ import annotations

import time

import pytest
from django.utils import translation
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture(autouse=True)
def english_by_default():
    # A request to /ar/ or /fr/ leaves its language active in the thread.
    with translation.override("en"):
        yield


def current_code(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or ``steps_ahead`` periods of 30 s later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


@pytest.fixture
def secretariat_device(secretariat) -> TOTPDevice:
    return TOTPDevice.objects.create(user=secretariat, name="Authenticator app", confirmed=True)
