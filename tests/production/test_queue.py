"""The queue as production runs it: tasks stored in the database, run by the worker; e-mails
retried with a growing delay; a request never fails because a mail does; periodic tasks once per
slot; tasks of a dead worker given back."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from oic_mediation.background.models import ScheduledRun, Worker
from oic_mediation.background.queue import retry_delay
from oic_mediation.background.schedule import SCHEDULE
from oic_mediation.background.worker import enqueue_due_periodic_tasks, requeue_abandoned_tasks
from oic_mediation.mail.tasks import DELIVERY_RETRIES
from resolutions.models import ProgressReport
from tests.factories import CommitmentFactory
from tests.my_state.conftest import PDF_BYTES
from tests.production import flaky_mail
from tests.production.conftest import run_worker

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_queue")]


def send_one(subject="Hello") -> None:
    mail.EmailMessage(subject, "Body", None, ["someone@example.org"]).send()


def make_due_now() -> None:
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_an_email_is_a_task_until_a_worker_delivers_it():
    send_one()

    [task] = DBTaskResult.objects.all()
    assert task.task_path == "oic_mediation.mail.tasks.deliver_email"
    assert task.status == TaskResultStatus.READY
    assert mail.outbox == []

    run_worker()

    assert [message.subject for message in mail.outbox] == ["Hello"]
    task.refresh_from_db()
    assert task.status == TaskResultStatus.SUCCESSFUL


def test_a_failed_delivery_is_retried_later_with_a_growing_delay(settings):
    settings.EMAIL_DELIVERY_BACKEND = "tests.production.flaky_mail.FlakyBackend"
    flaky_mail.FAILURES["left"] = 2
    send_one()

    run_worker()
    first_retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    waited = first_retry.run_after - timezone.now()
    assert datetime.timedelta(seconds=50) < waited <= datetime.timedelta(seconds=60)
    assert mail.outbox == []
    run_worker()  # not due yet: nothing happens
    assert mail.outbox == []

    make_due_now()
    run_worker()
    second_retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert second_retry.run_after - timezone.now() > datetime.timedelta(seconds=230)
    make_due_now()
    run_worker()

    assert [message.subject for message in mail.outbox] == ["Hello"]
    outcomes = [t.return_value for t in DBTaskResult.objects.order_by("enqueued_at")]
    assert [isinstance(o, dict) and o["retrying"] for o in outcomes] == [True, True, False]


def test_a_delivery_that_keeps_failing_fails_for_good_after_its_retries(settings, caplog):
    settings.EMAIL_DELIVERY_BACKEND = "tests.production.flaky_mail.FlakyBackend"
    flaky_mail.FAILURES["left"] = 100
    send_one()

    for _attempt in range(DELIVERY_RETRIES + 1):
        make_due_now()
        run_worker()

    statuses = list(DBTaskResult.objects.order_by("enqueued_at").values_list("status", flat=True))
    assert statuses == [TaskResultStatus.SUCCESSFUL] * DELIVERY_RETRIES + [TaskResultStatus.FAILED]
    assert DBTaskResult.objects.get(status=TaskResultStatus.FAILED).exception_class_path == (
        "smtplib.SMTPServerDisconnected"
    )
    assert [retry_delay(n, base=60).total_seconds() for n in range(1, 6)] == [
        60,
        240,
        960,
        3840,
        15360,
    ]


def test_a_request_never_fails_because_the_mail_server_is_down(
    client, settings, turkiye_focal_point, secretariat, turkiye_commitment, media_root
):
    settings.EMAIL_DELIVERY_BACKEND = "tests.production.flaky_mail.FlakyBackend"
    flaky_mail.FAILURES["left"] = 100
    client.force_login(turkiye_focal_point)

    response = client.post(
        f"/en/my-state/commitments/{turkiye_commitment.pk}/report/",
        {
            "status": "in_progress",
            "quantity_delivered": "4",
            "narrative": "Four diplomats trained.",
            "language": "en",
            "evidence_file": SimpleUploadedFile("ankara.pdf", PDF_BYTES),
        },
    )
    run_worker()

    assert response.status_code == 302
    assert ProgressReport.objects.count() == 1


def test_each_periodic_task_is_enqueued_once_per_slot_however_many_workers_ask():
    now = timezone.now()

    first = enqueue_due_periodic_tasks(now=now)
    second = enqueue_due_periodic_tasks(now=now)
    next_day = enqueue_due_periodic_tasks(now=now + datetime.timedelta(days=1))

    assert sorted(first) == sorted(entry.name for entry in SCHEDULE)
    assert second == []
    assert sorted(next_day) == sorted(entry.name for entry in SCHEDULE)
    assert ScheduledRun.objects.count() == 2 * len(SCHEDULE)
    assert DBTaskResult.objects.count() == 2 * len(SCHEDULE)


def test_the_scheduled_tasks_run_reminders_and_the_clean_ups(
    turkiye_focal_point, turkiye, paragraph_training
):
    from django.contrib.sessions.models import Session

    CommitmentFactory(
        state=turkiye,
        paragraph=paragraph_training,
        due_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    Session.objects.create(
        session_key="expired", session_data="", expire_date=timezone.now() - datetime.timedelta(1)
    )
    enqueue_due_periodic_tasks()

    run_worker()

    assert not DBTaskResult.objects.exclude(status=TaskResultStatus.SUCCESSFUL).exists()
    # The reminders' e-mails are tasks of their own, delivered by the next run: the commitment's
    # due date, and its report due since 2020 (resolutions.reminders.send_reporting_reminders).
    run_worker()
    assert [message.to for message in mail.outbox] == [[turkiye_focal_point.email]] * 2
    assert not Session.objects.filter(session_key="expired").exists()


def test_a_task_left_running_by_a_dead_worker_is_given_back_and_run():
    send_one("After the crash")
    task = DBTaskResult.objects.get()
    long_ago = timezone.now() - datetime.timedelta(minutes=5)
    Worker.objects.create(worker_id="dead", hostname="a", pid=1, last_seen_at=long_ago)
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING, started_at=long_ago, worker_ids=["dead"]
    )

    assert requeue_abandoned_tasks() == 1
    run_worker()

    assert [message.subject for message in mail.outbox] == ["After the crash"]


def test_a_task_of_a_live_worker_is_left_alone():
    send_one()
    task = DBTaskResult.objects.get()
    Worker.objects.create(worker_id="alive", hostname="a", pid=1)
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - datetime.timedelta(minutes=5),
        worker_ids=["alive"],
    )

    assert requeue_abandoned_tasks() == 0
