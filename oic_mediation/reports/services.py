"""Producing and publishing the implementation report."""

from __future__ import annotations

import datetime
import io
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from oic_mediation.background.models import ReportRendering
from oic_mediation.background.queue import enqueue
from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.rendering import render_html, render_pdf
from resolutions.models import PublishedReport


def report_filename(*, since: datetime.date, until: datetime.date, language: str, ext: str) -> str:
    return f"oic-mediation-implementation-report-{since:%Y%m%d}-{until:%Y%m%d}-{language}.{ext}"


def _check_period(since: datetime.date, until: datetime.date) -> None:
    if until < since:
        raise ValidationError({"until": _("The period cannot end before it starts.")})


def report_pdf(*, since: datetime.date, until: datetime.date, language: str) -> bytes:
    _check_period(since, until)
    return render_pdf(implementation_report(since=since, until=until, language=language))


def report_pdfs_zip(*, since: datetime.date, until: datetime.date, languages) -> bytes:
    """The report's PDF in each language, in one ZIP archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for language in languages:
            name = report_filename(since=since, until=until, language=language, ext="pdf")
            archive.writestr(name, report_pdf(since=since, until=until, language=language))
    return buffer.getvalue()


def _store_atomically(records_and_files) -> None:
    """Save each record with its file in one transaction. If the transaction fails, the files
    already written are deleted; if the process dies meanwhile, they are left without a record
    and ``oic_mediation.files.remove_orphan_files`` deletes them later."""
    written = []
    try:
        with transaction.atomic():
            for record, field_name, filename, content in records_and_files:
                field = getattr(record, field_name)
                field.save(filename, ContentFile(content), save=False)
                written.append((field.storage, field.name))
                record.full_clean()
                record.save()
    except BaseException:
        for storage, name in written:
            storage.delete(name)
        raise


def published_reports_publish(
    *, user, since: datetime.date, until: datetime.date, languages
) -> list[PublishedReport]:
    """Draw the report in each language, then publish them all as drawn, or none of them."""
    if not user.has_perm("resolutions.publish_publishedreport"):
        raise PermissionDenied(_("Only the Secretariat may publish an implementation report."))
    _check_period(since, until)
    drawn = []
    for language in languages:
        report = implementation_report(since=since, until=until, language=language)
        published = PublishedReport(
            language=language,
            period_start=since,
            period_end=until,
            title=report.title,
            html=render_html(report),
            published_by=user,
        )
        name = report_filename(since=since, until=until, language=language, ext="pdf")
        drawn.append((published, "pdf_file", name, render_pdf(report)))
    _store_atomically(drawn)
    return [published for published, *_rest in drawn]


def published_report_publish(
    *, user, since: datetime.date, until: datetime.date, language: str
) -> PublishedReport:
    """Draw the report now, in ``language``, and publish it on the public site as drawn."""
    return published_reports_publish(user=user, since=since, until=until, languages=[language])[0]


# --- In the background: the admin's "Download" and "Publish" ----------------------------------


def report_rendering_request(
    *, user, purpose: str, since: datetime.date, until: datetime.date, languages
) -> ReportRendering:
    """Ask a worker to draw the report; the admin shows its status and then a link."""
    if not user.has_perm("resolutions.publish_publishedreport"):
        raise PermissionDenied(_("Only the Secretariat may publish an implementation report."))
    _check_period(since, until)
    if purpose not in ReportRendering.Purpose.values:
        raise ValidationError(_("Unknown purpose."))
    rendering = ReportRendering.objects.create(
        purpose=purpose,
        period_start=since,
        period_end=until,
        languages=list(languages),
        requested_by=user,
    )
    from oic_mediation.reports.tasks import render_report

    enqueue(render_report, rendering.pk)
    return rendering


def report_rendering_run(rendering_id: int) -> None:
    """The worker's part: draw, store, and record the outcome on the rendering."""
    with transaction.atomic():
        rendering = ReportRendering.objects.select_for_update().filter(pk=rendering_id).first()
        if rendering is None or rendering.is_finished:
            return  # already done (a task run twice after a worker died) or deleted
        rendering.status = ReportRendering.Status.RUNNING
        rendering.started_at = timezone.now()
        rendering.attempts += 1
        rendering.save(update_fields=["status", "started_at", "attempts"])
    since, until, languages = rendering.period_start, rendering.period_end, rendering.languages
    try:
        if rendering.purpose == ReportRendering.Purpose.PUBLISH:
            published = published_reports_publish(
                user=rendering.requested_by, since=since, until=until, languages=languages
            )
            rendering.published_reports.set(published)
            rendering.status = ReportRendering.Status.READY
            rendering.finished_at = timezone.now()
            rendering.save(update_fields=["status", "finished_at"])
        else:
            if len(languages) == 1:
                content = report_pdf(since=since, until=until, language=languages[0])
                name = report_filename(since=since, until=until, language=languages[0], ext="pdf")
            else:
                content = report_pdfs_zip(since=since, until=until, languages=languages)
                name = report_filename(since=since, until=until, language="all", ext="zip")
            rendering.status = ReportRendering.Status.READY
            rendering.finished_at = timezone.now()
            _store_atomically([(rendering, "file", name, content)])
    except Exception as error:
        ReportRendering.objects.filter(pk=rendering.pk).update(
            status=ReportRendering.Status.FAILED,
            finished_at=timezone.now(),
            error=f"{error.__class__.__name__}: {error}"[:2000],
        )
        raise
