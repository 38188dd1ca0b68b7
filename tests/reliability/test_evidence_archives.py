"""Checking an uploaded office document reads as little of the archive as the check needs
(issue 13, finding 7): an 800 KB ``.odt`` whose ``mimetype`` member inflates to 800 MB made a
worker read all of it. The check now streams at most a few hundred bytes of that member."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from resolutions.evidence import detect_kind, validate_evidence_file

INFLATED_MB = 200


def odt_with_a_bomb(mimetype_prefix: bytes) -> bytes:
    """An OpenDocument-shaped archive whose ``mimetype`` inflates to ``INFLATED_MB`` MB."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        with archive.open("mimetype", "w", force_zip64=True) as member:
            member.write(mimetype_prefix)
            chunk = b"\0" * (1024 * 1024)
            for _ in range(INFLATED_MB):
                member.write(chunk)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb() -> bytes:
    return odt_with_a_bomb(b"application/vnd.oasis.opendocument.text")


def test_a_mimetype_member_that_inflates_to_hundreds_of_megabytes_is_checked_in_bounded_memory(
    bomb, settings
):
    settings.EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
    upload = SimpleUploadedFile("report.odt", bomb)
    assert len(bomb) < 1024 * 1024  # the file itself is small

    tracemalloc.start()
    started = time.perf_counter()
    kind = detect_kind(upload)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert kind == "opendocument"
    assert peak < 5 * 1024 * 1024, f"{peak / 1024 / 1024:.0f} MB"
    assert seconds < 2


def test_an_archive_whose_mimetype_is_not_opendocument_is_refused_without_inflating_it(settings):
    settings.EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
    upload = SimpleUploadedFile("report.odt", odt_with_a_bomb(b"text/html"))

    tracemalloc.start()
    with pytest.raises(ValidationError) as refused:
        validate_evidence_file(upload)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert "not a PDF, an office document or an image" in str(refused.value)
    assert peak < 5 * 1024 * 1024


def test_an_encrypted_or_unreadable_member_is_refused_not_a_crash(settings):
    settings.EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    data = bytearray(buffer.getvalue())
    data[6] |= 0x01  # the local header's "encrypted" flag
    central = data.rfind(b"PK\x01\x02")
    data[central + 8] |= 0x01  # and the central directory's

    with pytest.raises(ValidationError):
        validate_evidence_file(SimpleUploadedFile("locked.odt", bytes(data)))
