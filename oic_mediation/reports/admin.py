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
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from network.rules import is_secretariat
from oic_mediation.forms import add_service_errors
from oic_mediation.reports import services
from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.forms import ReportForm
from oic_mediation.reports.rendering import render_fragment
from resolutions.models import PublishedReport


@admin.register(PublishedReport)
class PublishedReportAdmin(admin.ModelAdmin):
    list_display = ("title", "language", "period_start", "period_end", "published_at", "pdf_link")
    list_filter = ("language", "period_end")
    list_select_related = ("published_by",)
    date_hierarchy = "published_at"
    fields = (
        "title",
        "language",
        "period_start",
        "period_end",
        "published_at",
        "published_by",
        "pdf_link",
    )
    readonly_fields = fields
    change_list_template = "reports/admin/publishedreport_change_list.html"

    @admin.display(description=gettext_lazy("PDF"))
    def pdf_link(self, obj):
        if not obj.pk:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("dashboard:report_pdf", kwargs={"pk": obj.pk}),
            _("Download"),
        )

    def has_change_permission(self, request, obj=None):
        return False

    def has_add_permission(self, request):
        return is_secretariat(request.user)

    def add_view(self, request, form_url="", extra_context=None):
        return self.report_view(request)

    def report_view(self, request):
        if not is_secretariat(request.user):
            raise PermissionDenied
        form = ReportForm(request.POST or None)
        previews = []
        if request.method == "POST" and form.is_valid():
            since, until = form.cleaned_data["since"], form.cleaned_data["until"]
            languages = form.cleaned_data["languages"]
            try:
                if "_pdf" in request.POST:
                    return self._pdf_response(since, until, languages)
                if "_publish" in request.POST:
                    return self._publish(request, since, until, languages)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                for language in languages:
                    report = implementation_report(since=since, until=until, language=language)
                    previews.append(
                        {"report": report, "html": render_fragment(report, prefix=f"{language}-")}
                    )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Implementation report"),
            "form": form,
            "previews": previews,
        }
        return TemplateResponse(request, "reports/admin/report_form.html", context)

    def _pdf_response(self, since, until, languages) -> HttpResponse:
        if len(languages) == 1:
            content = services.report_pdf(since=since, until=until, language=languages[0])
            name = services.report_filename(
                since=since, until=until, language=languages[0], ext="pdf"
            )
            content_type = "application/pdf"
        else:
            content = services.report_pdfs_zip(since=since, until=until, languages=languages)
            name = services.report_filename(since=since, until=until, language="all", ext="zip")
            content_type = "application/zip"
        response = HttpResponse(content, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response

    def _publish(self, request, since, until, languages) -> HttpResponse:
        for language in languages:
            services.published_report_publish(
                user=request.user, since=since, until=until, language=language
            )
        self.message_user(
            request,
            ngettext(
                "Published the report in %(count)d language; it is listed on the public site.",
                "Published the report in %(count)d languages; they are listed on the public site.",
                len(languages),
            )
            % {"count": len(languages)},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:resolutions_publishedreport_changelist"))
