from django.apps import AppConfig


class SeedConfig(AppConfig):
    """Holds the ``load_reference_data`` and ``generate_demo_data`` commands."""

    name = "seed"
    label = "seed"
