"""Producing and publishing the implementation report."""

from __future__ import annotations

import datetime
import io
import zipfile

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from network.rules import is_secretariat
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


def published_report_publish(
    *, user, since: datetime.date, until: datetime.date, language: str
) -> PublishedReport:
    """Draw the report now, in ``language``, and publish it on the public site as drawn."""
    if not is_secretariat(user):
        raise PermissionDenied(_("Only the Secretariat may publish an implementation report."))
    _check_period(since, until)
    report = implementation_report(since=since, until=until, language=language)
    pdf = render_pdf(report)
    published = PublishedReport(
        language=language,
        period_start=since,
        period_end=until,
        title=report.title,
        html=render_html(report),
        published_by=user,
    )
    with transaction.atomic():
        published.pdf_file.save(
            report_filename(since=since, until=until, language=language, ext="pdf"),
            ContentFile(pdf),
            save=False,
        )
        published.full_clean()
        published.save()
    return published
