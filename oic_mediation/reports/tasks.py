"""Report rendering in the background (28–45 s for three PDFs: longer than a request may take)."""

from __future__ import annotations

from oic_mediation.background.queue import portal_task


@portal_task()
def render_report(rendering_id: int) -> None:
    from oic_mediation.reports.services import report_rendering_run

    report_rendering_run(rendering_id)
