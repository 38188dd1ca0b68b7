#!/usr/bin/env bash
# make backup: dump the PostgreSQL database named by DATABASE_URL in pg_dump's custom format, and
# copy every stored file (evidence, published reports, documents; from the disk or the bucket)
# into OUTPUT_FILE.files.tar beside it.
# Usage: scripts/backup.sh [OUTPUT_FILE]   (default: backups/oic-mediation-<UTC timestamp>.dump)
set -euo pipefail
url="${DATABASE_URL:-}"
case "$url" in
  postgres://*|postgresql://*) ;;
  *) echo "make backup needs DATABASE_URL=postgres://… (the SQLite development file is var/db.sqlite3: copy it)." >&2; exit 2;;
esac
output="${1:-backups/oic-mediation-$(date -u +%Y%m%dT%H%M%SZ).dump}"
mkdir -p "$(dirname "$output")"
pg_dump --format=custom --no-owner --dbname="$url" --file="$output.partial"
mv "$output.partial" "$output"
"${PORTAL_PYTHON:-.venv/bin/python}" manage.py backup_files --output "$output.files.tar"
echo "Backup written to $output ($(du -h "$output" | cut -f1)) and $output.files.tar ($(du -h "$output.files.tar" | cut -f1))."
