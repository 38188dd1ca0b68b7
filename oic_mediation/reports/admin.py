"""The Secretariat's report page in the admin: preview, PDF, publish; and the published reports.

"Add" on published implementation reports opens the report page: a report is never typed in, it is
drawn from the data and published as drawn. Published reports are read-only.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.forms import add_service_errors
from oic_mediation.background.models import ReportRendering
from oic_mediation.reports import services
from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.forms import ReportForm
from oic_mediation.reports.rendering import render_fragment
from resolutions.admin import PublishedReportAdmin
from resolutions.models import PublishedReport

# The report page lists the latest renderings, with their status and a link when ready.
RECENT_RENDERINGS = 10


@admin.register(PublishedReport)
class ImplementationReportAdmin(PublishedReportAdmin):
    """Published reports (``resolutions.admin.PublishedReportAdmin``) with the report page as
    "Add"."""

    def add_view(self, request, form_url="", extra_context=None):
        return self.report_view(request)

    def report_view(self, request):
        if not request.user.has_perm("resolutions.publish_publishedreport"):
            raise PermissionDenied
        form = ReportForm(request.POST or None)
        previews = []
        if request.method == "POST" and form.is_valid():
            since, until = form.cleaned_data["since"], form.cleaned_data["until"]
            languages = form.cleaned_data["languages"]
            try:
                if "_pdf" in request.POST or "_publish" in request.POST:
                    return self._render_in_background(request, since, until, languages)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                for language in languages:
                    report = implementation_report(since=since, until=until, language=language)
                    previews.append(
                        {"report": report, "html": render_fragment(report, prefix=f"{language}-")}
                    )
        renderings = list(
            ReportRendering.objects.select_related("requested_by").prefetch_related(
                "published_reports"
            )[:RECENT_RENDERINGS]
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Implementation report"),
            "form": form,
            "previews": previews,
            "renderings": renderings,
            # The page reloads itself (a meta refresh: no script) while a rendering is pending.
            "refresh_seconds": 5 if any(not r.is_finished for r in renderings) else None,
        }
        return TemplateResponse(request, "reports/admin/report_form.html", context)

    def _render_in_background(self, request, since, until, languages) -> HttpResponse:
        purpose = (
            ReportRendering.Purpose.PUBLISH
            if "_publish" in request.POST
            else ReportRendering.Purpose.DOWNLOAD
        )
        services.report_rendering_request(
            user=request.user, purpose=purpose, since=since, until=until, languages=languages
        )
        if purpose == ReportRendering.Purpose.PUBLISH:
            message = ngettext(
                "The report is being drawn in %(count)d language; it will be listed on the "
                "public site when it is ready (status below).",
                "The report is being drawn in %(count)d languages; they will be listed on the "
                "public site when they are ready (status below).",
                len(languages),
            )
        else:
            message = ngettext(
                "The PDF is being drawn in %(count)d language; a link to download it appears "
                "below when it is ready.",
                "The PDFs are being drawn in %(count)d languages; a link to download them appears "
                "below when they are ready.",
                len(languages),
            )
        self.message_user(request, message % {"count": len(languages)}, messages.INFO)
        return HttpResponseRedirect(reverse("admin:resolutions_publishedreport_add"))
