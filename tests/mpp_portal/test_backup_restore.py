"""The README's backup and restore procedure, run for real: every row of every table survives."""
import shutil
import sqlite3
import subprocess
from io import StringIO

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from tests.conftest import IN_CI

ON_POSTGRESQL = django_settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def table_counts(cursor, tables) -> dict[str, int]:
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def populated(registry, settings):
    settings.DEBUG = True
    call_command("load_history", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    with connection.cursor() as cursor:
        return table_counts(cursor, connection.introspection.table_names(cursor))


@pytest.mark.django_db(transaction=True)
@pytest.mark.integration
@pytest.mark.skipif(not ON_POSTGRESQL, reason="the SQLite run tests the SQLite procedure instead")
def test_a_postgresql_dump_restored_into_an_empty_database_keeps_every_record(populated, tmp_path):
    if not shutil.which("pg_dump"):
        if IN_CI:
            pytest.fail("pg_dump is required under CI")
        pytest.skip("pg_dump is not installed")
    s = connection.settings_dict
    target = f"{s['NAME']}_restore"
    common = ["-h", s["HOST"] or "127.0.0.1", "-p", str(s["PORT"] or 5432), "-U", s["USER"]]
    dump = tmp_path / "portal.dump"
    subprocess.run(["pg_dump", *common, "--format=custom", f"--file={dump}", s["NAME"]], check=True)
    subprocess.run(["dropdb", *common, "--if-exists", target], check=True)
    subprocess.run(["createdb", *common, target], check=True)
    try:
        subprocess.run(["pg_restore", *common, "--no-owner", f"--dbname={target}", str(dump)], check=True)
        import psycopg

        with psycopg.connect(host=s["HOST"] or "127.0.0.1", port=s["PORT"] or 5432, user=s["USER"],
                             dbname=target) as restored:
            assert table_counts(restored.cursor(), populated) == populated
    finally:
        subprocess.run(["dropdb", *common, "--if-exists", target], check=True)
    assert populated["mpp_portal_changerecord"] > 0
    assert populated["regions_region"] == 514


@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(ON_POSTGRESQL, reason="the PostgreSQL run tests pg_dump/pg_restore instead")
def test_a_sqlite_backup_restored_into_an_empty_file_keeps_every_record(populated, tmp_path):
    backup = tmp_path / "backup.sqlite3"
    # The same online backup `sqlite3 var/db.sqlite3 ".backup var/backup.sqlite3"` performs.
    with sqlite3.connect(connection.settings_dict["NAME"]) as source, sqlite3.connect(backup) as target:
        source.backup(target)
    with sqlite3.connect(backup) as restored:
        assert table_counts(restored.cursor(), populated) == populated
    assert populated["regions_region"] == 514
