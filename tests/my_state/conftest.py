"""Records of Türkiye and Senegal for the focal-point area's tests (the cast is in tests/conftest.py)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from resolutions.models import Commitment, Paragraph
from tests.factories import CommitmentFactory, ParagraphFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def paragraph_network(resolution) -> Paragraph:
    return ParagraphFactory(
        resolution=resolution, number=7, title="Network of mediators", theme="network"
    )


@pytest.fixture
def turkiye_commitment(turkiye, paragraph_training) -> Commitment:
    return CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        due_on=timezone.localdate() + datetime.timedelta(days=400),
    )


@pytest.fixture
def senegal_commitment(senegal, paragraph_training) -> Commitment:
    return CommitmentFactory(
        state=senegal, paragraph=paragraph_training, title="Host a simulation", target_quantity=1
    )


@pytest.fixture
def evidence_dir(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(root) -> list[str]:
    if not root.exists():
        return []
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
