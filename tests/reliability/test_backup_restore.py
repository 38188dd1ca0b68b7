"""`make backup` and `make restore` round-trip the reference data and the stored files exactly,
and restore never overwrites a database that has data."""

import os
import subprocess
from pathlib import Path

import psycopg
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def database_url(name: str) -> str:
    settings = connection.settings_dict
    password = f":{settings['PASSWORD']}" if settings["PASSWORD"] else ""
    return (
        f"postgres://{settings['USER']}{password}@{settings['HOST'] or '127.0.0.1'}:"
        f"{settings['PORT'] or 5432}/{name}"
    )


def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Row count and an md5 of the sorted rows of every table."""
    with psycopg.connect(url) as conn, conn.cursor() as cursor:
        cursor.execute("select tablename from pg_tables where schemaname = 'public' order by 1")
        tables = [row[0] for row in cursor.fetchall()]
        result = {}
        for table in tables:
            cursor.execute(
                f"select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                f' from "{table}" t'
            )
            result[table] = cursor.fetchone()
    conn.close()
    return result


@pytest.fixture
def empty_database():
    name = connection.settings_dict["NAME"] + "_restore"
    admin = psycopg.connect(database_url("postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'drop database if exists "{name}"')
        cursor.execute(f'create database "{name}"')
    yield database_url(name)
    with admin.cursor() as cursor:
        cursor.execute(f'drop database if exists "{name}" with (force)')
    admin.close()


def make(
    target: str, url: str, file: Path, media: Path | None = None
) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": url}
    if media is not None:
        env["DJANGO_MEDIA_ROOT"] = str(media)
    return subprocess.run(
        ["make", "--no-print-directory", target, f"FILE={file}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def files_under(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def test_backup_then_restore_into_an_empty_database_gives_identical_tables_and_files(
    tmp_path, empty_database, settings
):
    call_command("load_reference_data", verbosity=0)
    # Files as the portal stores them: evidence, a published report, a conference document.
    settings.MEDIA_ROOT = source_media = tmp_path / "media-before"
    for name, content in {
        "evidence/2026/11/ankara.pdf": b"%PDF- evidence",
        "reports/2026/report-en.pdf": b"%PDF- report",
        "documents/2018/summary.pdf": b"%PDF- summary",
    }.items():
        default_storage.save(name, ContentFile(content))
    source = database_url(connection.settings_dict["NAME"])
    dump = tmp_path / "oic.dump"
    restored_media = tmp_path / "media-after"

    backup = make("backup", source, dump, source_media)
    assert backup.returncode == 0, backup.stderr
    restore = make("restore", empty_database, dump, restored_media)
    assert restore.returncode == 0, restore.stderr

    before, after = fingerprint(source), fingerprint(empty_database)
    assert after == before
    assert before["network_memberstate"][0] >= 57
    assert before["conferences_conference"][0] == 4
    assert files_under(restored_media) == files_under(source_media)
    assert len(files_under(restored_media)) == 3
    assert "3 files restored" in restore.stdout


def test_restore_refuses_a_database_that_already_has_tables(tmp_path):
    call_command("load_reference_data", verbosity=0)
    source = database_url(connection.settings_dict["NAME"])
    dump = tmp_path / "oic.dump"
    assert make("backup", source, dump).returncode == 0
    counts = fingerprint(source)

    refused = make("restore", source, dump)

    assert refused.returncode != 0
    assert "Refusing to restore: the target database already has" in refused.stderr
    assert fingerprint(source) == counts
