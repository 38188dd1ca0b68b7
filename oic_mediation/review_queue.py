"""The Secretariat's review queue: what member states submitted and awaits a decision, and where
the record disagrees with itself (a measure and a recommendation on it)."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from conferences.selectors import contradictions
from resolutions.models import ProgressReport
from trainings.models import Edition

# Each kind of report waiting, the latest first: the queue shows this many of each.
QUEUE_LENGTH = 20


def review_queue(request):
    if not request.user.has_perm("resolutions.review_progressreport"):
        raise PermissionDenied
    reports = ProgressReport.objects.filter(review_status=ProgressReport.Review.SUBMITTED)
    editions = Edition.objects.filter(review_status=Edition.Review.SUBMITTED)
    context = {
        **admin.site.each_context(request),
        "title": _("Review queue"),
        "report_count": reports.count(),
        "reports": list(
            reports.select_related(
                "commitment__state", "commitment__organisation", "reported_by"
            ).order_by("reported_at", "id")[:QUEUE_LENGTH]
        ),
        "edition_count": editions.count(),
        "editions": list(
            editions.select_related("programme", "reported_by_state").order_by("starts_on", "id")[
                :QUEUE_LENGTH
            ]
        ),
        "contradictions": contradictions(),
    }
    return TemplateResponse(request, "admin/secretariat/review_queue.html", context)
