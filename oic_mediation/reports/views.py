"""The public pages of published implementation reports (in the dashboard's URL namespace)."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView

from network.models import MemberState
from oic_mediation.files import serve
from oic_mediation.reports.drawing import report_filename
from resolutions.models import PublishedReport


class PublishedReportsView(TemplateView):
    template_name = "reports/published_reports.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["section"] = "reports"
        # Only what the list shows: the stored HTML may be large.
        context["reports"] = list(
            PublishedReport.objects.defer("html").order_by(
                "-period_end", "-period_start", "language", "-published_at"
            )
        )
        context["states"] = list(MemberState.objects.order_by("name"))
        return context


def published_report_pdf(request, pk: int):
    """Public: a published report's PDF, from the storage (the disk or the bucket)."""
    report = get_object_or_404(PublishedReport.objects.defer("html"), pk=pk)
    name = report_filename(
        since=report.period_start, until=report.period_end, language=report.language, ext="pdf"
    )
    return serve(report.pdf_file, filename=name, attachment=False)


def published_report_html(request, pk: int):
    report = get_object_or_404(PublishedReport, pk=pk)
    return HttpResponse(report.html, content_type="text/html; charset=utf-8")
