#!/usr/bin/env bash
# The Docker deployment of the deployment guide:
#
#   ./deploy.sh [ENVIRONMENT] [SERVICES] [ACTION]
#     ENVIRONMENT  local | staging | prod                 default local (reads .env.dev | .env.staging | .env.prod)
#     SERVICES     backend | frontend | all               default all
#                  backend: the server with PostgreSQL and Azurite; frontend: Caddy (and the backend behind it); the
#                  server serves the web dashboard at / and the API reference at /docs/ (web/dist, built when missing)
#     ACTION       start | stop | restart | status | logs default start
#
# The environment's file is copied to .env (what docker-compose reads), with the two values derived from it: CADDY_SITE
# (localhost or domain, from APP_DOMAIN) and BASIC_AUTH (on when BASIC_AUTH_HASH is set). Secrets never go in those
# files: POSTGRES_PASSWORD and BASIS_API_KEY_HASHES come from the environment, or from secrets.env beside this script
# (git-ignored, KEY=VALUE lines). A variable left empty stops the deployment before anything starts, by name.
# After start and restart, /health must answer on 127.0.0.1 and, when APP_DOMAIN is not localhost, on the domain.
set -euo pipefail
cd "$(dirname "$0")"

usage() {
  echo "deploy.sh: $1" >&2
  echo "usage: deploy.sh [local|staging|prod] [backend|frontend|all] [start|stop|restart|status|logs]" >&2
  exit 2
}
fail() {
  echo "deploy.sh: $*" >&2
  exit 1
}

environment="${1:-local}"
services="${2:-all}"
action="${3:-start}"
case "$environment" in
  local) env_file=.env.dev ;;
  staging) env_file=.env.staging ;;
  prod) env_file=.env.prod ;;
  *) usage "unknown environment '$environment'" ;;
esac
case "$services" in
  backend) selected=(server postgres azurite) ;;
  frontend) selected=(caddy) ;;
  all) selected=(server postgres azurite caddy) ;;
  *) usage "unknown services '$services'" ;;
esac
case "$action" in
  start | stop | restart | status | logs) ;;
  *) usage "unknown action '$action'" ;;
esac
[ -f "$env_file" ] || fail "$env_file is missing (it comes with the repository; restore it with git)"

# Reads KEY=VALUE lines without executing them (values hold ';' and '$').
read_env_file() {
  local line key
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in '' | '#'*) continue ;; esac
    key="${line%%=*}"
    [[ "$key" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || fail "$1: '$line' is not a KEY=VALUE line"
    file_values["$key"]="${line#*=}"
  done <"$1"
}
declare -A file_values=()
read_env_file "$env_file"
if [ -f secrets.env ]; then
  [ "$(stat -c %a secrets.env)" = 600 ] || echo "deploy.sh: warning: secrets.env is readable by others (chmod 600 secrets.env)" >&2
  read_env_file secrets.env
fi

# The process environment wins over the files, as in docker-compose itself.
setting() {
  local name="$1"
  if [ -n "${!name:-}" ]; then printf '%s' "${!name}"; else printf '%s' "${file_values[$name]:-}"; fi
}
require() {
  local name
  for name in "$@"; do
    [ -n "$(setting "$name")" ] || fail "$name is not set: put it in $env_file, or export it (a secret: export it or put it in infra/docker/secrets.env)"
  done
}

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif command -v docker-compose >/dev/null; then
  compose=(docker-compose)
else
  fail "neither 'docker compose' nor 'docker-compose' is installed"
fi

domain="$(setting APP_DOMAIN)"
if [ "$action" = start ] || [ "$action" = restart ]; then
  command -v curl >/dev/null || fail "curl is needed to check /health after $action"
  require BASIS_ENVIRONMENT BASIS_API_PORT APP_DOMAIN HTTP_PORT POSTGRES_PASSWORD POSTGRES_PORT
  if [ "$domain" != localhost ]; then require ACME_EMAIL HTTPS_PORT; fi
  if [ "$environment" != local ]; then require BASIS_API_KEY_HASHES; fi
fi

# .env: the environment's file and what follows from it; compose reads it, the process environment still wins.
{
  echo "# Written by deploy.sh $environment from $env_file; edit $env_file, not this file."
  grep -v '^[[:space:]]*#' "$env_file" | grep -v '^[[:space:]]*$'
  if [ "${domain:-localhost}" = localhost ]; then echo "CADDY_SITE=localhost"; else echo "CADDY_SITE=domain"; fi
  if [ -n "$(setting BASIC_AUTH_HASH)" ]; then echo "BASIC_AUTH=on"; else echo "BASIC_AUTH=off"; fi
} >.env
# Secrets from secrets.env reach docker-compose through its environment, never through .env.
if [ -f secrets.env ]; then
  for name in POSTGRES_PASSWORD BASIS_API_KEY_HASHES BASIC_AUTH_HASH; do
    value="$(setting "$name")"
    if [ -n "$value" ]; then export "$name=$value"; fi
  done
fi

api_port="$(setting BASIS_API_PORT)"
health_path="$(setting HEALTH_CHECK_ENDPOINT)"
health_path="${health_path:-/health}"
http_port="$(setting HTTP_PORT)"
https_port="$(setting HTTPS_PORT)"
has() { local s; for s in "${selected[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

# The addresses that must answer: the server on the IP, and the site through Caddy.
health_urls() {
  if has server || has caddy; then echo "http://127.0.0.1:${api_port}${health_path}"; fi
  if has caddy; then
    if [ "$domain" = localhost ]; then
      echo "http://127.0.0.1:${http_port:-80}${health_path}"
    else
      echo "https://${domain}$([ "${https_port:-443}" = 443 ] || echo ":$https_port")${health_path}"
    fi
  fi
}

# Docker's own verdict on a service's container: its health check's status, or its state when it has none.
container_health() {
  local id
  id="$("${compose[@]}" ps -q "$1")"
  [ -n "$id" ] || { echo missing; return; }
  docker inspect --format '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$id"
}

# The server's image carries the web dashboard's build (web/dist); it is made here when missing, so a fresh checkout
# deploys in one command.
ensure_web_build() {
  local web=../../web
  if [ -f "$web/dist/index.html" ] && [ -f "$web/dist/docs/index.html" ]; then return 0; fi
  command -v npm >/dev/null \
    || fail "the web dashboard is not built ($web/dist) and npm is missing: install Node.js 20.19+ with npm, or run 'npm ci --prefix web && npm --prefix web run build' at the repository's root"
  echo "Building the web dashboard (web/dist) for the server's image"
  npm ci --prefix "$web" --no-audit --no-fund >/dev/null || fail "npm ci --prefix web failed"
  npm --prefix "$web" run build >/dev/null || fail "npm --prefix web run build failed"
}

# The dashboard answers at / of the server (and so through Caddy): its page, not the server's "not built" 404.
check_dashboard() {
  local url="http://127.0.0.1:${api_port}/"
  curl -fs --max-time 5 "$url" | grep -q 'id="root"' || fail "the web dashboard does not answer at $url"
  echo "dashboard: $url (API reference ${url}docs/)"
}

wait_healthy() {
  local deadline=$((SECONDS + ${DEPLOY_HEALTH_TIMEOUT:-180})) url service
  give_up() {
    "${compose[@]}" ps >&2 || true
    "${compose[@]}" logs --tail 50 "${selected[@]}" >&2 || true
    fail "$1 within ${DEPLOY_HEALTH_TIMEOUT:-180} s: the deployment failed"
  }
  for url in $(health_urls); do
    until curl -fs --max-time 3 -o /dev/null "$url"; do
      [ "$SECONDS" -lt "$deadline" ] || give_up "$url did not answer"
      sleep 2
    done
    echo "healthy: $url"
  done
  for service in "${selected[@]}"; do
    until [[ "$(container_health "$service")" =~ ^(healthy|running)$ ]]; do
      [ "$SECONDS" -lt "$deadline" ] || give_up "the $service container is not healthy ($(container_health "$service"))"
      sleep 2
    done
  done
  echo "healthy: ${selected[*]} (Docker's health checks)"
}

case "$action" in
  start)
    if has caddy && ! has server; then selected+=(server postgres azurite); fi
    ensure_web_build
    "${compose[@]}" up --detach --build "${selected[@]}"
    wait_healthy
    check_dashboard
    echo "Basis ($environment) is up: API http://127.0.0.1:${api_port}/api/v1, OpenAPI /openapi/v1.json$(has caddy && echo ", site via Caddy on ${domain}")"
    ;;
  stop)
    "${compose[@]}" stop "${selected[@]}"
    ;;
  restart)
    "${compose[@]}" restart "${selected[@]}"
    wait_healthy
    if has server; then check_dashboard; fi
    ;;
  status)
    "${compose[@]}" ps "${selected[@]}"
    down=0
    for url in $(health_urls); do
      if curl -fsS --max-time 3 -o /dev/null "$url"; then echo "healthy: $url"; else echo "not answering: $url"; down=1; fi
    done
    exit "$down"
    ;;
  logs)
    if [ -t 1 ]; then follow=(--follow); else follow=(); fi
    "${compose[@]}" logs --tail 200 "${follow[@]}" "${selected[@]}"
    ;;
esac
