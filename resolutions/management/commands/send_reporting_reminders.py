"""Cron job: remind focal points of the reports their commitments are due, before and after the
due date, and tell the Secretariat which states are still silent; each once per period."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from resolutions.reminders import send_reporting_reminders


class Command(BaseCommand):
    help = (
        "E-mail focal points the reports due soon or overdue on their state's commitments, and "
        "the Secretariat the states silent past the reporting schedule's escalation; each "
        "reminder at most once per commitment and reporting period. Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, today: str | None, **options):
        day = None
        if today:
            try:
                day = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError(f"--today: {today!r} is not a date (YYYY-MM-DD).") from None
        sent = send_reporting_reminders(today=day)
        self.stdout.write(f"Reporting reminders sent: {sent}")
