"""What the background workers leave behind: who is alive, which scheduled runs were enqueued,
and the Secretariat's report renderings with their status."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# A worker writes its heartbeat every HEARTBEAT_SECONDS; one silent for WORKER_TIMEOUT is gone.
HEARTBEAT_SECONDS = 10
WORKER_TIMEOUT = datetime.timedelta(seconds=60)


class WorkerQuerySet(models.QuerySet):
    def alive(self, *, now: datetime.datetime | None = None):
        return self.filter(last_seen_at__gte=(now or timezone.now()) - WORKER_TIMEOUT)


class Worker(models.Model):
    """One background worker process (``manage.py run_worker``), as last heard from."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    last_seen_at = models.DateTimeField(_("last seen at"), default=timezone.now, db_index=True)

    objects = WorkerQuerySet.as_manager()

    class Meta:
        verbose_name = _("background worker")
        verbose_name_plural = _("background workers")
        ordering = ["-last_seen_at"]

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid}"


class ScheduledRun(models.Model):
    """A periodic task enqueued for one slot (a day, an hour): unique, so that however many workers
    run on however many hosts, each slot's task is enqueued once."""

    name = models.CharField(_("task"), max_length=100)
    slot = models.CharField(_("slot"), max_length=40)
    enqueued_at = models.DateTimeField(_("enqueued at"), default=timezone.now)

    class Meta:
        verbose_name = _("scheduled run")
        verbose_name_plural = _("scheduled runs")
        constraints = [
            models.UniqueConstraint(fields=["name", "slot"], name="scheduled_run_once_per_slot")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.slot}"


class ReportRendering(models.Model):
    """The implementation report drawn in the background for the Secretariat: a download (one PDF,
    or a ZIP of PDFs) or a publication on the public site."""

    class Purpose(models.TextChoices):
        DOWNLOAD = "download", _("Download")
        PUBLISH = "publish", _("Publication")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting for a worker")
        RUNNING = "running", _("Rendering")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose)
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    languages = models.JSONField(_("languages"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    # A download's PDF or ZIP; a publication's files belong to its published reports.
    file = models.FileField(_("file"), upload_to="renderings/%Y/", max_length=255, blank=True)
    published_reports = models.ManyToManyField(
        "resolutions.PublishedReport",
        blank=True,
        related_name="+",
        verbose_name=_("published reports"),
    )
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("report rendering")
        verbose_name_plural = _("report renderings")
        ordering = ["-requested_at", "-id"]

    def __str__(self) -> str:
        return (
            f"{self.get_purpose_display()} {self.period_start}–{self.period_end} {self.languages}"
        )

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.READY, self.Status.FAILED}
