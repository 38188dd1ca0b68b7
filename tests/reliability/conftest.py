"""Records and clients for the reliability tests (audit, lost updates, personal data, fuzzing).

The cast (secretariat, turkiye_focal_point, senegal_focal_point) comes from tests/conftest.py.
"""

from __future__ import annotations

import pytest
from django.utils import translation
from knox.models import AuthToken
from rest_framework.test import APIClient

from resolutions.models import Commitment
from tests.factories import CommitmentFactory

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


@pytest.fixture(autouse=True)
def english_by_default():
    # A request to /ar/ or /fr/ leaves its language active in the thread.
    with translation.override("en"):
        yield


@pytest.fixture
def turkiye_commitment(turkiye, paragraph_training) -> Commitment:
    return CommitmentFactory(state=turkiye, paragraph=paragraph_training)


@pytest.fixture
def focal_client(client, turkiye_focal_point):
    client.force_login(turkiye_focal_point, backend=MODEL_BACKEND)
    return client


@pytest.fixture
def api_client_for():
    def build(user) -> APIClient:
        api = APIClient()
        _token, key = AuthToken.objects.create(user=user)
        api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return api

    return build
