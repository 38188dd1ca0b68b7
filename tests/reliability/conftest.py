"""Records and clients for the reliability tests (audit, lost updates, personal data, fuzzing).

The cast (secretariat, focal_turkiye, focal_senegal) comes from tests/conftest.py.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import translation
from knox.models import AuthToken
from rest_framework.test import APIClient

from resolutions.models import Commitment

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def pledge(state, paragraph, *, title="Train 10 diplomats", target=10) -> Commitment:
    return Commitment.objects.create(
        state=state,
        paragraph=paragraph,
        title=title,
        target_quantity=target,
        unit=Commitment.Unit.DIPLOMATS_TRAINED,
        pledged_on=datetime.date(2019, 1, 1),
    )


@pytest.fixture(autouse=True)
def english_by_default():
    # A request to /ar/ or /fr/ leaves its language active in the thread.
    with translation.override("en"):
        yield


@pytest.fixture
def turkiye_commitment(turkiye, paragraph_training) -> Commitment:
    return pledge(turkiye, paragraph_training)


@pytest.fixture
def secretariat_client(client, secretariat):
    client.force_login(secretariat, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def focal_client(client, focal_turkiye):
    client.force_login(focal_turkiye, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def api_client_for():
    def build(user) -> APIClient:
        api = APIClient()
        _token, key = AuthToken.objects.create(user=user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return api

    return build
