"""Asking a background worker to draw the implementation report (``tasks`` draws it; ``drawing``
is the report for a period as PDF or for publication). Publishing (a write of
``resolutions.PublishedReport``) is ``resolutions.services.published_reports_publish``, given
``drawing.draw_report``."""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from oic_mediation.background.models import ReportRendering
from oic_mediation.background.queue import enqueue
from oic_mediation.reports.tasks import render_report
from resolutions.services import report_period_check

# --- In the background: the admin's "Download" and "Publish" ----------------------------------


def report_rendering_request(
    *, user, purpose: str, since: datetime.date, until: datetime.date, languages
) -> ReportRendering:
    """Ask a worker to draw the report; the admin shows its status and then a link."""
    if not user.has_perm("resolutions.publish_publishedreport"):
        raise PermissionDenied(_("Only the Secretariat may publish an implementation report."))
    report_period_check(since, until)
    if purpose not in ReportRendering.Purpose.values:
        raise ValidationError(_("Unknown purpose."))
    rendering = ReportRendering.objects.create(
        purpose=purpose,
        period_start=since,
        period_end=until,
        languages=list(languages),
        requested_by=user,
    )
    enqueue(render_report, rendering.pk)
    return rendering
