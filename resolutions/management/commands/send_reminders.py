"""Cron job: remind focal points of overdue and soon-due commitments, once per period."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError

from resolutions.reminders import DEFAULT_SOON_DAYS, send_commitment_reminders


class Command(BaseCommand):
    help = (
        "E-mail each active focal point their state's overdue or soon-due commitments, at most "
        "once per period (by default the calendar month). Safe to run daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--soon-days",
            type=int,
            default=DEFAULT_SOON_DAYS,
            help=f"Also list commitments due within this many days (default {DEFAULT_SOON_DAYS}).",
        )
        parser.add_argument(
            "--period",
            help="Name of the period, e.g. 2026-11 (default: the current month).",
        )
        parser.add_argument("--today", help="Pretend today is this date (YYYY-MM-DD).")

    def handle(self, *args, soon_days: int, period: str | None, today: str | None, **options):
        if soon_days < 0:
            raise CommandError("--soon-days cannot be negative.")
        day = None
        if today:
            try:
                day = datetime.date.fromisoformat(today)
            except ValueError:
                raise CommandError(f"--today: {today!r} is not a date (YYYY-MM-DD).") from None
        if period is not None and not (1 <= len(period) <= 20):
            raise CommandError("--period must be 1 to 20 characters long.")
        sent = send_commitment_reminders(today=day, period=period, soon_days=soon_days)
        self.stdout.write(f"Reminders sent: {sent}")
