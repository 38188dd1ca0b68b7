"""The migrations that name classes moved to the ground floor (``core.models.HttpsURLField``,
``core.text_search.PostgresGinIndex``) still work: backwards and forwards on an existing database,
and nothing is left for ``makemigrations``. (A fresh ``migrate`` is what every test database is
made by, on PostgreSQL, and ``tests/test_sqlite_smoke.py`` on SQLite.)"""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

ROOT = Path(__file__).resolve().parent.parent.parent
DOMAIN_APPS = ("network", "resolutions", "trainings", "conferences")

# For each domain app, the last migration before the first that names a class of ``core``: going
# back there unapplies every migration that imports ``core.models`` or ``core.text_search``.
BEFORE_CORE = {
    "network": "0005_roster_member_admin_indexes",
    "resolutions": "0004_commitment_and_report_order_indexes",
    "trainings": "0003_edition_order_index",
    "conferences": "0002_historicalcitedfigure_source_ar_and_more",
}


@pytest.mark.django_db(databases="__all__")
def test_no_migration_is_missing():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def test_no_migration_names_a_module_of_the_interfaces():
    for app in DOMAIN_APPS:
        for path in sorted((ROOT / app / "migrations").glob("0*.py")):
            assert "oic_mediation." not in path.read_text(), path


def index_names(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return set(connection.introspection.get_constraints(cursor, table))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_the_domain_apps_migrate_back_to_before_core_and_forward_again():
    executor = MigrationExecutor(connection)
    leaves = executor.loader.graph.leaf_nodes()
    assert "member_state_search_ar" in index_names("network_memberstate")

    executor.migrate(list(BEFORE_CORE.items()))
    executor.loader.build_graph()
    applied = executor.loader.applied_migrations
    assert ("network", "0006_https_links") not in applied
    assert ("conferences", "0004_search_indexes") not in applied
    assert ("network", BEFORE_CORE["network"]) in applied
    assert "member_state_search_ar" not in index_names("network_memberstate")

    executor = MigrationExecutor(connection)
    executor.migrate(leaves)
    executor.loader.build_graph()
    assert set(leaves) <= set(executor.loader.applied_migrations)
    assert "member_state_search_ar" in index_names("network_memberstate")
    state = executor.loader.project_state()
    website = state.apps.get_model("network", "Organisation")._meta.get_field("website")
    assert type(website).__module__ == "core.models"
    assert not executor.migration_plan(leaves)
