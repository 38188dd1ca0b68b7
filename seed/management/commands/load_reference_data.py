"""Load the reference facts of the portal (states, organisations, resolutions, conferences, …)."""

from django.core.management.base import BaseCommand

from seed.reference_data.loader import OUTCOMES, load_reference_data


class Command(BaseCommand):
    help = (
        "Load the reference data (member states, organisations, Resolution 53/45-POL, the contact "
        "group, conferences, trainings). Idempotent: a second run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change, then roll back."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        counts = load_reference_data(dry_run=dry_run)
        width = max(len(label) for label in counts)
        for label, outcome in counts.items():
            figures = ", ".join(f"{outcome[name]} {name}" for name in OUTCOMES)
            self.stdout.write(f"  {label:<{width}}  {figures}")
        totals = {name: sum(outcome[name] for outcome in counts.values()) for name in OUTCOMES}
        summary = ", ".join(f"{totals[name]} {name}" for name in OUTCOMES)
        if dry_run:
            self.stdout.write(self.style.WARNING(f"Dry run, nothing saved: {summary}."))
        else:
            self.stdout.write(self.style.SUCCESS(f"Reference data loaded: {summary}."))
