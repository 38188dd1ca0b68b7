"""The implementation report for a period, drawn: as a PDF, as a ZIP of PDFs, and as
``resolutions.services`` publishes it (``draw_report``)."""

from __future__ import annotations

import datetime
import io
import zipfile

from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.rendering import render_html, render_pdf
from resolutions.services import DrawnReport, report_period_check


def report_filename(*, since: datetime.date, until: datetime.date, language: str, ext: str) -> str:
    return f"oic-mediation-implementation-report-{since:%Y%m%d}-{until:%Y%m%d}-{language}.{ext}"


def report_pdf(*, since: datetime.date, until: datetime.date, language: str) -> bytes:
    report_period_check(since, until)
    return render_pdf(implementation_report(since=since, until=until, language=language))


def report_pdfs_zip(*, since: datetime.date, until: datetime.date, languages) -> bytes:
    """The report's PDF in each language, in one ZIP archive."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for language in languages:
            name = report_filename(since=since, until=until, language=language, ext="pdf")
            archive.writestr(name, report_pdf(since=since, until=until, language=language))
    return buffer.getvalue()


def draw_report(*, since: datetime.date, until: datetime.date, language: str) -> DrawnReport:
    """The report drawn in ``language``, as ``resolutions.services.published_reports_publish``
    stores it (it is passed there as ``draw``)."""
    report = implementation_report(since=since, until=until, language=language)
    return DrawnReport(
        title=report.title,
        html=render_html(report),
        pdf=render_pdf(report),
        pdf_name=report_filename(since=since, until=until, language=language, ext="pdf"),
    )
