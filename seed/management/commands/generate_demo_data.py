"""Fill a database with a reproducible decade of demo activity (see ``seed.demo_data``)."""

import sys
import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from seed import demo_data


def scale_value(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CommandError(f"--scale must be a number, not {text!r}.") from None
    if not (0 < value <= 100):
        raise CommandError("--scale must be more than 0 and at most 100 (1 is about a decade).")
    return value


class Command(BaseCommand):
    help = (
        "Generate demo data: at --scale 1 about a decade of activity (600 commitments, 6,000 "
        "progress reports, 1,500 roster members, 300 training editions with 12,000 participants, "
        "12 conferences with 400 recommendations, meetings, documents); --scale 10 is ten times "
        "as much. The same --seed gives the same data. Refuses a database holding real data "
        "unless --force. Demo rows get no django-simple-history records (bulk inserts)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=scale_value, default=1.0, help="1 = a decade; 0.01 for a quick try."
        )
        parser.add_argument("--seed", type=int, default=2018, help="Random seed (default 2018).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Generate even though the database holds real commitments, reports or people.",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, scale: float, seed: int, force: bool, no_progress: bool, **options):
        bar = tqdm(
            total=demo_data.estimated_rows(scale),
            unit=" rows",
            desc="Demo data",
            file=sys.stderr,
            disable=no_progress or None,
        )
        started = time.monotonic()
        try:
            created = demo_data.generate(scale=scale, seed=seed, force=force, progress=bar.update)
        except demo_data.DemoDataRefused as refusal:
            raise CommandError(str(refusal)) from None
        finally:
            bar.close()
        seconds = time.monotonic() - started
        for label, count in created.items():
            self.stdout.write(f"  {label:<40} {count:>8,}")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data generated at scale {scale:g} with seed {seed}: "
                f"{sum(created.values()):,} rows in {seconds:.1f} s."
            )
        )
