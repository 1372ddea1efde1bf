#!/bin/sh
# Makes dump-copy.sql and dump-inserts.sql from schema.sql with a real pg_dump, on a throwaway local
# PostgreSQL server (Debian's postgresql-15 and postgresql-client-15). The build does not run this: the
# dumps are committed, so the tests need no pg_dump. initdb refuses to run as root: run it as another user,
# such as `runuser -u postgres -- env OUT=/tmp/dumps sh make-dumps.sh`, then copy the dumps here.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${OUT:-$here}
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
data=$(mktemp -d)
port=${PG_PORT:-54329}
trap '"$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$data"' EXIT
"$bin/initdb" -D "$data" -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
"$bin/pg_ctl" -D "$data" -o "-p $port -k $data -c listen_addresses=''" -w start >/dev/null
"$bin/psql" -h "$data" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE fixture' >/dev/null
"$bin/psql" -h "$data" -p "$port" -U postgres -d fixture -q -v ON_ERROR_STOP=1 -f - < "$here/schema.sql" >/dev/null
"$bin/pg_dump" -h "$data" -p "$port" -U postgres -d fixture --schema=shop > "$out/dump-copy.sql"
"$bin/pg_dump" -h "$data" -p "$port" -U postgres -d fixture --schema=shop --inserts > "$out/dump-inserts.sql"
"$bin/pg_dump" --version > "$out/pg_dump-version.txt"
