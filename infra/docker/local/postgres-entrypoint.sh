#!/usr/bin/env bash
# The official postgres image's entry point contract on Debian's package: an empty PGDATA is initialised once with
# POSTGRES_USER (default postgres, the superuser), POSTGRES_PASSWORD (required) and POSTGRES_DB (default the user);
# then the command runs. Local socket connections are trusted; TCP ones need the password (scram-sha-256).
set -euo pipefail

if [ "${1:-}" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?must be set (the superuser password, as for the official postgres image)}"
  user="${POSTGRES_USER:-postgres}"
  database="${POSTGRES_DB:-$user}"
  password_file="$(mktemp)"
  printf '%s' "$POSTGRES_PASSWORD" >"$password_file"
  initdb --username="$user" --pwfile="$password_file" --auth-local=trust --auth-host=scram-sha-256 >/dev/null
  rm -f "$password_file"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  if [ "$database" != postgres ]; then
    # A server on the socket only, to create the database before anything can connect over TCP.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    psql -v ON_ERROR_STOP=1 --username "$user" --dbname postgres -c "CREATE DATABASE \"$database\"" >/dev/null
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "docker-entrypoint.sh: initialised $PGDATA (user $user, database $database)"
fi

exec "$@"
