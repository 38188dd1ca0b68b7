from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CoreConfig(AppConfig):
    """The ground floor every domain app stands on (see ``core/__init__.py``)."""

    name = "core"
    label = "core"

    def ready(self) -> None:
        from core.groups import sync_secretariat_group

        # After every migrate, so that models added later are covered without a data migration.
        post_migrate.connect(sync_secretariat_group, sender=self)
