#!/usr/bin/env bash
# make restore FILE=…: restore a pg_dump custom-format backup into the EMPTY database named by
# DATABASE_URL, in one transaction, stopping at the first error (nothing half-restored).
# It refuses a database that already has tables: restoring never overwrites data. The files of
# FILE.files.tar (if present) are then put back into the storage configured for the portal.
set -euo pipefail
file="${1:-}"
url="${DATABASE_URL:-}"
if [ -z "$file" ] || [ ! -f "$file" ]; then
  echo "Usage: make restore FILE=backups/oic-mediation-….dump (the file must exist)." >&2; exit 2
fi
case "$url" in
  postgres://*|postgresql://*) ;;
  *) echo "make restore needs DATABASE_URL=postgres://… pointing at an empty database." >&2; exit 2;;
esac
tables="$(psql "$url" -XAtc "select count(*) from pg_tables where schemaname = 'public'")"
if [ "$tables" != "0" ]; then
  echo "Refusing to restore: the target database already has $tables tables. Create an empty database (createdb) and point DATABASE_URL at it." >&2
  exit 3
fi
pg_restore --exit-on-error --single-transaction --no-owner --dbname="$url" "$file"
echo "Restored $file."
if [ -f "$file.files.tar" ]; then
  "${PORTAL_PYTHON:-.venv/bin/python}" manage.py restore_files "$file.files.tar"
else
  echo "No $file.files.tar beside the dump: no files restored." >&2
fi
