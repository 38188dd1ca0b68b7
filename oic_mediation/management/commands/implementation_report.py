"""Write the implementation report for a period, as HTML or PDF, in one or more languages."""

from __future__ import annotations

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from oic_mediation.reports.data import implementation_report
from oic_mediation.reports.rendering import render_html, render_pdf

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"Not a date in the form YYYY-MM-DD: {value!r}") from error


class Command(BaseCommand):
    help = (
        "Write the annual implementation report of Resolution 53/45-POL for a period. "
        "Several languages at once need {lang} in the output name, e.g. report-{lang}.pdf."
    )

    def add_arguments(self, parser):
        last_year = datetime.date.today().year - 1
        parser.add_argument(
            "--lang",
            nargs="+",
            choices=LANGUAGES,
            default=["en"],
            help="ar, en or fr; several may be given.",
        )
        parser.add_argument("--format", choices=["html", "pdf"], default="pdf")
        parser.add_argument(
            "--since",
            default=f"{last_year}-01-01",
            help="First day of the period, YYYY-MM-DD (default: 1 January of last year).",
        )
        parser.add_argument(
            "--until",
            default=f"{last_year}-12-31",
            help="Last day of the period, included (default: 31 December of last year).",
        )
        parser.add_argument("--output", required=True, help="The file to write.")

    def handle(self, *args, lang, format, since, until, output, **options):
        since, until = iso_date(since), iso_date(until)
        if until < since:
            raise CommandError("The period cannot end before it starts (--until < --since).")
        languages = list(dict.fromkeys(lang))
        if len(languages) > 1 and "{lang}" not in output:
            raise CommandError("Several languages need {lang} in --output, e.g. report-{lang}.pdf.")
        for language in languages:
            path = Path(output.replace("{lang}", language))
            if not path.parent.is_dir():
                raise CommandError(f"No such directory: {path.parent}")
            report = implementation_report(since=since, until=until, language=language)
            if format == "pdf":
                path.write_bytes(render_pdf(report))
            else:
                path.write_text(render_html(report), encoding="utf-8")
            self.stdout.write(self.style.SUCCESS(f"Wrote {path} ({language}, {format})."))
