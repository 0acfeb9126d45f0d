#!/usr/bin/env bash
# The non-Docker health monitor (DEPLOYMENT_GUIDE "Automatic Health Monitoring and Restart"), started in the background
# by platform.sh with the settings it layered:
#
#   health_monitor.sh --url URL --interval SECONDS --platform PATH/platform.sh [--pid-file FILE]
#
# Every interval it GETs URL (3 s timeout; anything but a 2xx answer, a 503 included, is a failure). On a failure it
# restarts the services through 'platform.sh restart' with PLATFORM_SERVICES_ONLY=1, so the restart leaves this monitor
# running: up to 3 attempts, each after a backoff of 5, 10 and 20 s, checking the URL after each. On recovery it keeps
# monitoring; after the last failed attempt it logs that it gives up and exits 1. SIGTERM (platform.sh stop) ends it
# cleanly with status 0. Every line it writes starts with a UTC ISO-8601 timestamp; platform.sh sends them to
# logs/health_monitor.log. On exit it removes FILE if FILE still names it.
#
# For tests only: HEALTH_MONITOR_BACKOFF="1 1 1" replaces the backoff (seconds, one attempt each; default "5 10 20").
set -euo pipefail

URL=""
INTERVAL=""
PLATFORM=""
PID_FILE=""
BACKOFF="${HEALTH_MONITOR_BACKOFF:-5 10 20}"

log() {
    local line
    for line in "$@"; do
        printf '%s %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$line"
    done
}

die() {
    log "error: $*" >&2
    exit 2
}

while (($# > 0)); do
    case $1 in
        --url) URL=${2:-} ;;
        --interval) INTERVAL=${2:-} ;;
        --platform) PLATFORM=${2:-} ;;
        --pid-file) PID_FILE=${2:-} ;;
        *) die "unknown argument '$1' (usage: health_monitor.sh --url URL --interval SECONDS --platform PATH [--pid-file FILE])" ;;
    esac
    shift 2 || die "$1 needs a value"
done
[[ -n $URL ]] || die "--url is required"
if ! [[ $INTERVAL =~ ^[0-9]+$ ]] || ((INTERVAL == 0)); then
    die "--interval must be a whole number of seconds above 0, not '$INTERVAL'"
fi
[[ -x $PLATFORM ]] || die "--platform must name an executable platform.sh, not '$PLATFORM'"
read -r -a DELAYS <<<"$BACKOFF"
((${#DELAYS[@]} > 0)) || die "HEALTH_MONITOR_BACKOFF is empty"
for delay in "${DELAYS[@]}"; do
    [[ $delay =~ ^[0-9]+$ ]] || die "HEALTH_MONITOR_BACKOFF must be whole seconds, not '$BACKOFF'"
done

# The one child at a time (a sleep, a restart) that SIGTERM has to end too, so stopping never waits for it.
CHILD=""

on_exit() {
    local status=$?
    if [[ -n $PID_FILE && -f $PID_FILE && $(<"$PID_FILE") == "$$" ]]; then
        rm -f "$PID_FILE"
    fi
    exit "$status"
}

on_term() {
    trap - TERM INT
    if [[ -n $CHILD ]]; then
        kill -TERM "$CHILD" 2>/dev/null || true
    fi
    log "stopping (SIGTERM)"
    exit 0
}

trap on_exit EXIT
trap on_term TERM INT

# Waits in the background, so a SIGTERM is handled at once rather than after the sleep.
pause() {
    sleep "$1" &
    CHILD=$!
    wait "$CHILD" || true
    CHILD=""
}

# GETs the URL; on failure REASON says why (curl's message: a refused connection, a timeout, "error: 503").
REASON=""
healthy() {
    if REASON=$(curl -fsS --max-time 3 -o /dev/null "$URL" 2>&1); then
        return 0
    fi
    REASON=${REASON//$'\n'/ }
    REASON=${REASON:-no answer}
    return 1
}

# platform.sh restart for the services only; its output goes into this log line by line, timestamped.
restart_services() {
    local output status=0 line
    output=$(mktemp)
    PLATFORM_SERVICES_ONLY=1 "$PLATFORM" restart >"$output" 2>&1 </dev/null &
    CHILD=$!
    wait "$CHILD" || status=$?
    CHILD=""
    while IFS= read -r line; do
        log "  | $line"
    done <"$output"
    rm -f "$output"
    return "$status"
}

log "monitoring $URL every ${INTERVAL}s (pid $$; on failure: $PLATFORM restart, ${#DELAYS[@]} attempts after ${BACKOFF// /, } s)"
while true; do
    pause "$INTERVAL"
    healthy && continue
    log "health check failed: $URL: $REASON"
    attempt=0
    recovered=false
    for delay in "${DELAYS[@]}"; do
        attempt=$((attempt + 1))
        log "restart attempt $attempt/${#DELAYS[@]} in ${delay}s"
        pause "$delay"
        log "restarting: $PLATFORM restart (services only)"
        if restart_services; then
            log "platform.sh restart succeeded"
        else
            log "platform.sh restart failed (exit $?)"
        fi
        if healthy; then
            log "recovered after restart attempt $attempt/${#DELAYS[@]}: $URL answers"
            recovered=true
            break
        fi
        log "restart attempt $attempt/${#DELAYS[@]} failed: $URL: $REASON"
    done
    if [[ $recovered != true ]]; then
        log "ERROR: giving up after ${#DELAYS[@]} restart attempts; $URL still fails. Look at the backend log, then ./platform.sh start"
        exit 1
    fi
done
