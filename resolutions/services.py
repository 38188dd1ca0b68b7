"""Writes about commitments and their progress: the one place where they are checked and recorded.

Called alike by the admin, the focal-point area and the API. Every service takes the acting user,
checks the permission rules, validates, writes, and notifies. Errors are Django's
``PermissionDenied`` and ``ValidationError`` (with field messages), which each caller turns into a
form error or an HTTP 4xx.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.files import store_atomically
from core.groups import SECRETARIAT_GROUP
from core.mail import send_portal_email
from core.models import StaleVersionError, refuse_null_characters
from network.models import MemberState, Organisation
from resolutions.evidence import check_upload_quota, validate_evidence_file
from resolutions.models import (
    Commitment,
    CommitmentStatus,
    Paragraph,
    ProgressReport,
    PublishedReport,
)
from resolutions.selectors import validated_reports

logger = logging.getLogger(__name__)

COMMITMENT_EDITABLE_FIELDS = ("title", "description", "target_quantity", "unit", "due_on")


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise PermissionDenied(message)


def _full_clean_or_raise(instance, *, exclude=None) -> None:
    instance.full_clean(exclude=exclude)


def _stale_error(error: StaleVersionError) -> ValidationError:
    return ValidationError(
        _(
            "Someone else saved this commitment while you were editing it (your copy was version "
            "%(expected)s; it is now version %(current)s). Reload the page to see their changes, "
            "then apply yours again."
        )
        % {"expected": error.expected, "current": error.current},
        code="stale",
    )


@transaction.atomic
def commitment_create(
    *,
    user,
    paragraph: Paragraph,
    title: str,
    state: MemberState | None = None,
    organisation: Organisation | None = None,
    description: str = "",
    target_quantity: int | None = None,
    unit: str = Commitment.Unit.ACTIONS,
    due_on: datetime.date | None = None,
    pledged_on: datetime.date | None = None,
) -> Commitment:
    commitment = Commitment(
        state=state,
        organisation=organisation,
        paragraph=paragraph,
        title=title,
        description=description,
        target_quantity=target_quantity,
        unit=unit,
        due_on=due_on,
        pledged_on=pledged_on or timezone.localdate(),
        created_by=user,
    )
    if organisation is not None:
        _require(
            user.has_perm("resolutions.add_commitment", commitment),
            _("Only the Secretariat records organisations' pledges."),
        )
    else:
        _require(
            state is not None and user.has_perm("resolutions.add_commitment", commitment),
            _("You can only record commitments for your own state."),
        )
    _full_clean_or_raise(commitment)
    commitment.save()
    return commitment


@transaction.atomic
def commitment_update(
    *, user, commitment: Commitment, expected_version: int, **changes
) -> Commitment:
    """Change a commitment's editable fields, refusing a write based on a stale version."""
    _require(
        user.has_perm("resolutions.change_commitment", commitment),
        _("You can only change your own state's commitments."),
    )
    unknown = set(changes) - set(COMMITMENT_EDITABLE_FIELDS)
    if unknown:
        raise ValidationError(
            {name: _("This field cannot be changed here.") for name in sorted(unknown)}
        )
    for name, value in changes.items():
        setattr(commitment, name, value)
    _full_clean_or_raise(commitment)
    try:
        commitment.save_if_version(expected_version)
    except StaleVersionError as error:
        raise _stale_error(error) from None
    return commitment


@transaction.atomic
def progress_report_submit(
    *,
    user,
    commitment: Commitment,
    status: str,
    quantity_delivered: int,
    narrative: str,
    delivered_on: datetime.date | None = None,
    period_start: datetime.date | None = None,
    language: str | None = None,
    evidence_url: str = "",
    evidence_file=None,
) -> ProgressReport:
    """Record a progress report. It counts in public figures once the Secretariat validates it,
    as of its delivery date (``delivered_on``, today when not given). The rules of a report
    (not on a withdrawn commitment, not delivered in the future) are the model's."""
    _require(
        user.has_perm("resolutions.report_on_commitment", commitment),
        _("You can only report progress on your own state's commitments."),
    )
    if evidence_file is not None:
        validate_evidence_file(evidence_file)
        check_upload_quota(user=user, uploaded=evidence_file)
    report = ProgressReport(
        commitment=commitment,
        status=status,
        quantity_delivered=quantity_delivered,
        narrative=narrative,
        delivered_on=delivered_on or timezone.localdate(),
        period_start=period_start,
        language=language or translation.get_language() or settings.LANGUAGE_CODE,
        evidence_url=evidence_url,
        reported_by=user,
        reported_at=timezone.now(),
    )
    if evidence_file is not None:
        report.evidence_file = evidence_file
    _full_clean_or_raise(report, exclude=["evidence_file"])
    report.save()
    # robust: the report is committed; a failing notice is logged, never the request's error.
    transaction.on_commit(lambda: _notify_secretariat_of_submission(report), robust=True)
    return report


@transaction.atomic
def progress_report_nothing_new(
    *, user, commitment: Commitment, note: str = "", language: str | None = None
) -> ProgressReport:
    """Record that nothing changed on a commitment since its last report. It restates the
    commitment's status and delivered quantity, counts as reporting once validated
    (``resolutions.selectors.commitments_reporting``) and never changes a delivered figure
    (``validated_reports`` leaves it out)."""
    _require(
        user.has_perm("resolutions.report_on_commitment", commitment),
        _("You can only report on your own state's commitments."),
    )
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    if not note.strip():
        with translation.override(language):
            note = _("Nothing new to report.")
    report = ProgressReport(
        commitment=commitment,
        status=commitment.status,
        quantity_delivered=commitment.delivered_quantity,
        delivered_on=commitment.progress_as_of or timezone.localdate(),
        narrative=note,
        language=language,
        nothing_new=True,
        reported_by=user,
        reported_at=timezone.now(),
    )
    _full_clean_or_raise(report, exclude=["evidence_file"])
    report.save()
    transaction.on_commit(lambda: _notify_secretariat_of_submission(report), robust=True)
    return report


def _apply_latest_validated_report(commitment: Commitment) -> None:
    """The commitment's stored figures are those of its latest validated report by delivery date
    (``resolutions.selectors.validated_reports``), so today's figures and figures "as of
    today" are the same."""
    latest = validated_reports().filter(commitment=commitment).first()
    if latest is None:
        commitment.status = CommitmentStatus.PLEDGED
        commitment.delivered_quantity = 0
        commitment.progress_as_of = None
    else:
        commitment.status = latest.status
        commitment.delivered_quantity = latest.quantity_delivered
        commitment.progress_as_of = latest.delivered_on
    commitment.save(
        update_fields=["status", "delivered_quantity", "progress_as_of", "version", "updated_at"]
    )


def _review(*, user, report: ProgressReport, outcome: str, comment: str) -> ProgressReport:
    _require(
        user.has_perm("resolutions.review_progressreport", report),
        _("Only the Secretariat reviews progress reports."),
    )
    # Lock the row: two reviewers acting at once must not both succeed.
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.review_status != ProgressReport.Review.SUBMITTED:
        raise ValidationError(
            _("This report was already %(state)s; only a submitted report can be reviewed.")
            % {"state": report.get_review_status_display().lower()},
            code="invalid_transition",
        )
    if (
        outcome == ProgressReport.Review.VALIDATED
        and not report.commitment.accepts_progress_reports
    ):
        raise ValidationError(
            _(
                "This commitment was withdrawn: a report on it can no longer be validated. "
                "Return it to the focal point instead."
            ),
            code="withdrawn",
        )
    report.review_status = outcome
    report.reviewed_by = user
    report.reviewed_at = timezone.now()
    report.review_comment = comment
    refuse_null_characters(report)
    report.save(update_fields=["review_status", "reviewed_by", "reviewed_at", "review_comment"])
    if outcome == ProgressReport.Review.VALIDATED:
        commitment = Commitment.objects.select_for_update().get(pk=report.commitment_id)
        _apply_latest_validated_report(commitment)
    transaction.on_commit(lambda: _notify_reporter_of_review(report), robust=True)
    return report


@transaction.atomic
def progress_report_validate(*, user, report: ProgressReport, comment: str = "") -> ProgressReport:
    return _review(
        user=user, report=report, outcome=ProgressReport.Review.VALIDATED, comment=comment
    )


@transaction.atomic
def progress_report_return(*, user, report: ProgressReport, comment: str) -> ProgressReport:
    if not comment.strip():
        raise ValidationError(
            {"review_comment": _("Say what needs to change when returning a report.")}
        )
    return _review(
        user=user, report=report, outcome=ProgressReport.Review.RETURNED, comment=comment
    )


@transaction.atomic
def progress_report_confirm(
    *, user, report: ProgressReport, source: str, source_url: str = ""
) -> ProgressReport:
    """Record that a source document or a reviewer outside the reporting state confirms a
    validated report: its delivery is then graded "independently confirmed"."""
    _require(
        user.has_perm("resolutions.confirm_progressreport", report),
        _("Only the Secretariat records independent confirmations."),
    )
    report = ProgressReport.objects.select_for_update().get(pk=report.pk)
    if report.review_status != ProgressReport.Review.VALIDATED:
        raise ValidationError(
            {"independent_source": _("Only a validated report can be independently confirmed.")}
        )
    if not source.strip():
        raise ValidationError(
            {"independent_source": _("Name the source document or the independent reviewer.")}
        )
    report.independent_source = source.strip()
    report.independent_source_url = source_url
    report.confirmed_at = timezone.now()
    report.confirmed_by = user
    report.full_clean(exclude=["evidence_file"])
    report.save(
        update_fields=[
            "independent_source",
            "independent_source_url",
            "confirmed_at",
            "confirmed_by",
        ]
    )
    return report


def secretariat_recipients() -> list[str]:
    configured = list(settings.SECRETARIAT_EMAILS)
    if configured:
        return configured
    return list(
        get_user_model()
        .objects.filter(groups__name=SECRETARIAT_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def _notify_secretariat_of_submission(report: ProgressReport) -> None:
    """One message per recipient, each in that person's language (their account's, when the
    address is a user's; the portal's default otherwise)."""
    for address in secretariat_recipients():
        send_portal_email(
            template="emails/progress_submitted",
            subject=lambda: (
                _("Progress report to review: %(commitment)s") % {"commitment": report.commitment}
            ),
            context={"report": report},
            to=address,
        )


def _notify_reporter_of_review(report: ProgressReport) -> None:
    reporter = report.reported_by
    if reporter is None or not reporter.email:
        return

    def subject() -> str:
        if report.review_status == ProgressReport.Review.VALIDATED:
            return _("Your progress report was validated")
        return _("Your progress report was returned for changes")

    send_portal_email(
        template="emails/progress_reviewed",
        subject=subject,
        context={"report": report},
        to=reporter,
    )


# --- Published implementation reports --------------------------------------------------------


@dataclass(frozen=True)
class DrawnReport:
    """The implementation report for a period, drawn in one language, as it will be published."""

    title: str
    html: str
    pdf: bytes
    pdf_name: str


# Draws the report (``since``, ``until``, ``language`` as keywords): the report interface's
# ``oic_mediation.reports.drawing.draw_report``, which the caller passes in.
ReportDrawer = Callable[..., DrawnReport]


def report_period_check(since: datetime.date, until: datetime.date) -> None:
    if until < since:
        raise ValidationError({"until": _("The period cannot end before it starts.")})


def published_reports_publish(
    *,
    user,
    since: datetime.date,
    until: datetime.date,
    languages: Iterable[str],
    draw: ReportDrawer,
) -> list[PublishedReport]:
    """Draw the report in each language, then publish them all as drawn, or none of them."""
    if not user.has_perm("resolutions.publish_publishedreport"):
        raise PermissionDenied(_("Only the Secretariat may publish an implementation report."))
    report_period_check(since, until)
    drawn = []
    for language in languages:
        report = draw(since=since, until=until, language=language)
        published = PublishedReport(
            language=language,
            period_start=since,
            period_end=until,
            title=report.title,
            html=report.html,
            published_by=user,
        )
        drawn.append((published, "pdf_file", report.pdf_name, report.pdf))
    store_atomically(drawn)
    return [published for published, *_rest in drawn]


def published_report_publish(
    *, user, since: datetime.date, until: datetime.date, language: str, draw: ReportDrawer
) -> PublishedReport:
    """Draw the report now, in ``language``, and publish it on the public site as drawn."""
    return published_reports_publish(
        user=user, since=since, until=until, languages=[language], draw=draw
    )[0]
