#!/usr/bin/env bash
# Starts (or reuses) a throwaway local PostgreSQL server for the test suite and prints its
# DATABASE_URL on stdout. Used by `make test` when DATABASE_URL is not set, and by .ci/run.
#
# The cluster lives in /tmp (readable by the postgres user even when the checkout is not) and
# listens on 127.0.0.1 only, with trust authentication: it holds nothing but test databases.
set -euo pipefail

port="${OIC_TEST_PG_PORT:-54329}"
bindir=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bindir="$candidate"
done
if [ -z "$bindir" ] && command -v initdb >/dev/null 2>&1; then
  bindir="$(dirname "$(command -v initdb)")"
fi
if [ -z "$bindir" ]; then
  cat >&2 <<'MSG'
make test needs a PostgreSQL server, and none was found.
Either install the server binaries (Debian/Ubuntu, as root: apt-get install -y postgresql),
or point the suite at a server you have:
    DATABASE_URL=postgres://user:password@host:5432/oic_mediation make test
(the user needs the CREATEDB right: the suite creates and drops its own test database).
MSG
  exit 2
fi

datadir="/tmp/oic-mediation-pg-$port"
run_as=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  run_as=(runuser -u postgres --)
fi

if ! "${run_as[@]}" "$bindir/pg_ctl" -D "$datadir" status >/dev/null 2>&1; then
  if [ ! -f "$datadir/PG_VERSION" ]; then
    rm -rf "$datadir"
    mkdir -p "$datadir"
    [ "$(id -u)" = "0" ] && chown postgres: "$datadir"
    "${run_as[@]}" "$bindir/initdb" -D "$datadir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  "${run_as[@]}" "$bindir/pg_ctl" -D "$datadir" -l "$datadir/server.log" -w \
    -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$port/oic_mediation"
