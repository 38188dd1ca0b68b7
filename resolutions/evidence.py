"""Checking evidence files by what they contain, not by what their name claims.

Accepted: PDF, office documents (Word, Excel, PowerPoint, OpenDocument; current and legacy
formats) and images (PNG, JPEG, GIF, WebP). The first bytes decide the real type; the extension
must agree with it, so a renamed executable or HTML page is refused.
"""

from __future__ import annotations

import datetime
import zipfile
from pathlib import PurePath

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

# Real type -> extensions a file of that type may carry.
_EXTENSIONS = {
    "pdf": {".pdf"},
    "png": {".png"},
    "jpeg": {".jpg", ".jpeg"},
    "gif": {".gif"},
    "webp": {".webp"},
    "ooxml-word": {".docx"},
    "ooxml-excel": {".xlsx"},
    "ooxml-powerpoint": {".pptx"},
    "opendocument": {".odt", ".ods", ".odp"},
    "ole": {".doc", ".xls", ".ppt"},
}
ACCEPTED_EXTENSIONS = sorted(set().union(*_EXTENSIONS.values()))


# An OpenDocument file starts with a "mimetype" member naming its type in a few dozen bytes.
OPENDOCUMENT_TYPE = b"application/vnd.oasis.opendocument"
MIMETYPE_READ_LIMIT = 256


def _member_head(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """The first ``limit`` bytes of a member, decompressed as a stream: a member that inflates
    to gigabytes (a zip bomb) costs no more than ``limit`` bytes of memory and a moment."""
    with archive.open(name) as member:
        return member.read(limit)


def _zip_kind(uploaded) -> str | None:
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and _member_head(
                archive, "mimetype", MIMETYPE_READ_LIMIT
            ).startswith(OPENDOCUMENT_TYPE):
                return "opendocument"
            if "[Content_Types].xml" in names:
                if any(name.startswith("word/") for name in names):
                    return "ooxml-word"
                if any(name.startswith("xl/") for name in names):
                    return "ooxml-excel"
                if any(name.startswith("ppt/") for name in names):
                    return "ooxml-powerpoint"
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        KeyError,
        OSError,
        EOFError,
        ValueError,
        RuntimeError,  # an encrypted member
        NotImplementedError,  # a compression method Python does not have
    ):
        return None
    finally:
        uploaded.seek(0)
    return None


def detect_kind(uploaded) -> str | None:
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(uploaded)
    return None


def validate_evidence_file(uploaded) -> None:
    """Raise ValidationError (on the ``evidence_file`` field) unless the file is acceptable."""
    limit = settings.EVIDENCE_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            {
                "evidence_file": _("The file is %(size)s; evidence files may be at most %(limit)s.")
                % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)}
            }
        )
    if uploaded.size == 0:
        raise ValidationError({"evidence_file": _("The file is empty.")})
    kind = detect_kind(uploaded)
    extension = PurePath(uploaded.name or "").suffix.lower()
    if kind is None:
        raise ValidationError(
            {
                "evidence_file": _(
                    "This file is not a PDF, an office document or an image. Accepted: %(types)s."
                )
                % {"types": ", ".join(ACCEPTED_EXTENSIONS)}
            }
        )
    if extension not in _EXTENSIONS[kind]:
        raise ValidationError(
            {
                "evidence_file": _(
                    "The file's name ends in “%(extension)s” but its content is not of that type."
                )
                % {"extension": extension or _("(no extension)")}
            }
        )


UPLOAD_QUOTA_WINDOW = datetime.timedelta(hours=24)


def check_upload_quota(*, user, uploaded) -> None:
    """Refuse an upload past the person's allowance: ``DJANGO_EVIDENCE_DAILY_FILES`` files and
    ``DJANGO_EVIDENCE_DAILY_MB`` megabytes in 24 hours (ten 10 MB files in a second from one
    token would otherwise fill the disk). Call inside the transaction that stores the file: the
    person's row is locked, so that uploads sent together are counted one after the other."""
    from resolutions.models import ProgressReport

    get_user_model()._default_manager.select_for_update().filter(pk=user.pk).first()
    recent = ProgressReport.objects.filter(
        reported_by=user, reported_at__gte=timezone.now() - UPLOAD_QUOTA_WINDOW
    ).exclude(evidence_file="")
    names = list(recent.values_list("evidence_file", flat=True)[: settings.EVIDENCE_DAILY_FILES])
    used = 0
    for name in names:
        try:
            used += default_storage.size(name)
        except OSError:
            continue  # a file removed since: it no longer takes room
    max_files, max_bytes = settings.EVIDENCE_DAILY_FILES, settings.EVIDENCE_DAILY_BYTES
    if len(names) >= max_files or used + uploaded.size > max_bytes:
        raise ValidationError(
            {
                "evidence_file": _(
                    "You have uploaded %(count)d files (%(used)s) in the last 24 hours; the "
                    "allowance is %(files)d files or %(bytes)s. Send this report without the "
                    "file, or try again tomorrow."
                )
                % {
                    "count": len(names),
                    "used": filesizeformat(used),
                    "files": max_files,
                    "bytes": filesizeformat(max_bytes),
                }
            }
        )
