"""Stored files, each behind a view that decides who may read it; nothing is served as a directory.

- evidence of a progress report: the Secretariat and the reporting state only (``files:evidence``);
- a conference document: public (``files:document``);
- a report rendered for a Secretariat download: the Secretariat only (``files:rendering``);
- published reports have their public views in ``oic_mediation.reports.views``, using ``serve``.

Files live in ``STORAGES["default"]``: the local disk, or an S3-compatible bucket shared by every
host. The response streams the file from the storage (``FileResponse``), or, when
``DJANGO_X_ACCEL_REDIRECT`` is set and the storage is the local disk, hands the transfer to nginx
with ``X-Accel-Redirect`` after the permission check.

``remove_orphan_files`` deletes files that no record refers to (a worker killed between writing a
report's PDF and committing its row leaves one); the schedule runs it hourly.
"""

from __future__ import annotations

import datetime
import logging
import mimetypes
import posixpath
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils import timezone
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)

# Folders of the storage that hold the portal's files (the upload_to of each FileField).
STORED_FOLDERS = ("evidence", "reports", "documents", "renderings")
# A file younger than this may belong to a record whose transaction is still open.
ORPHAN_MIN_AGE = datetime.timedelta(hours=1)


def serve(field_file, *, filename: str | None = None, attachment: bool = True):
    """The stored file as a response (streamed; or by nginx with X-Accel-Redirect)."""
    if not field_file:
        raise Http404("No file.")
    name = field_file.name
    filename = filename or posixpath.basename(name)
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    if settings.X_ACCEL_REDIRECT and isinstance(field_file.storage, FileSystemStorage):
        if not field_file.storage.exists(name):
            raise Http404("The file is missing.")
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = settings.X_ACCEL_REDIRECT + quote(name)
        disposition = "attachment" if attachment else "inline"
        response["Content-Disposition"] = f"{disposition}; filename*=UTF-8''{quote(filename)}"
        return response
    try:
        file = field_file.storage.open(name, "rb")
    except (FileNotFoundError, OSError) as missing:
        raise Http404("The file is missing.") from missing
    return FileResponse(
        file, as_attachment=attachment, filename=filename, content_type=content_type
    )


@require_safe
def evidence(request, pk: int):
    from resolutions.models import ProgressReport

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    report = get_object_or_404(ProgressReport.objects.select_related("commitment"), pk=pk)
    # Another state's report answers like a missing one: ids cannot be probed.
    if not report.evidence_file or not request.user.has_perm(
        "resolutions.read_evidence_progressreport", report
    ):
        raise Http404("No such evidence.")
    return serve(report.evidence_file)


@require_safe
def document(request, pk: int):
    from conferences.models import Document

    return serve(get_object_or_404(Document, pk=pk).file, attachment=False)


@require_safe
def rendering(request, pk: int):
    from oic_mediation.background.models import ReportRendering

    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("resolutions.publish_publishedreport"):
        raise Http404("No such file.")
    found = get_object_or_404(ReportRendering, pk=pk, status=ReportRendering.Status.READY)
    return serve(found.file)


app_name = "files"
urlpatterns = [
    path("evidence/<int:pk>/", evidence, name="evidence"),
    path("documents/<int:pk>/", document, name="document"),
    path("renderings/<int:pk>/", rendering, name="rendering"),
]


def referenced_files() -> set[str]:
    """Every name a record of the portal refers to."""
    from conferences.models import Document
    from oic_mediation.background.models import ReportRendering
    from resolutions.models import ProgressReport, PublishedReport

    names: set[str] = set()
    for model, field in (
        (ProgressReport, "evidence_file"),
        (PublishedReport, "pdf_file"),
        (Document, "file"),
        (ReportRendering, "file"),
    ):
        names.update(model.objects.exclude(**{field: ""}).values_list(field, flat=True))
    # Historical rows keep the evidence of earlier versions reachable for a revert.
    historical = getattr(ProgressReport, "history", None)
    if historical is not None:
        names.update(
            historical.model.objects.exclude(evidence_file="").values_list(
                "evidence_file", flat=True
            )
        )
    return names


def stored_files(folder: str, storage=None):
    storage = storage or default_storage
    try:
        directories, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield posixpath.join(folder, name)
    for directory in directories:
        yield from stored_files(posixpath.join(folder, directory), storage)


def remove_orphan_files(*, now: datetime.datetime | None = None, storage=None) -> list[str]:
    """Delete the stored files no record refers to, older than ``ORPHAN_MIN_AGE``."""
    storage = storage or default_storage
    now = now or timezone.now()
    referenced = referenced_files()
    removed = []
    for folder in STORED_FOLDERS:
        for name in stored_files(folder, storage):
            if name in referenced:
                continue
            try:
                modified = storage.get_modified_time(name)
            except (NotImplementedError, FileNotFoundError):
                continue
            if timezone.is_naive(modified):
                modified = timezone.make_aware(modified)
            if now - modified < ORPHAN_MIN_AGE:
                continue
            storage.delete(name)
            removed.append(name)
    if removed:
        logger.warning("Removed %d orphan files: %s", len(removed), ", ".join(removed[:20]))
    return removed
