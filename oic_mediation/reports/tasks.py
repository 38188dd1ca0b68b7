"""Report rendering in the background (28–45 s for three PDFs: longer than a request may take)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from core.files import store_atomically
from oic_mediation.background.models import ReportRendering
from oic_mediation.background.queue import portal_task
from oic_mediation.reports.drawing import draw_report, report_filename, report_pdf, report_pdfs_zip
from resolutions.services import published_reports_publish


@portal_task()
def render_report(rendering_id: int) -> None:
    report_rendering_run(rendering_id)


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
                user=rendering.requested_by,
                since=since,
                until=until,
                languages=languages,
                draw=draw_report,
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
            store_atomically([(rendering, "file", name, content)])
    except Exception as error:
        ReportRendering.objects.filter(pk=rendering.pk).update(
            status=ReportRendering.Status.FAILED,
            finished_at=timezone.now(),
            error=f"{error.__class__.__name__}: {error}"[:2000],
        )
        raise
