#!/usr/bin/env bash
# Basis without Docker (DEPLOYMENT_GUIDE "Non-Docker Deployment"): the built 'basis serve' in the background, its
# health monitor beside it, and the web dashboard it serves.
#
#   ./platform.sh start                     backend + frontend (web/dist, built if missing) + health monitor
#   ./platform.sh backend                   backend + health monitor (BASIS_EXECUTION_MODE from the env files)
#   ./platform.sh backtest                  backend + health monitor, always BASIS_EXECUTION_MODE=backtest
#   ./platform.sh stop                      the monitor, then the backend (SIGTERM, SIGKILL after 15 s)
#   ./platform.sh restart                   stop, then start again the way they were last started
#   ./platform.sh status                    each service; exit 0 healthy, 1 running but not answering, 3 stopped
#   ./platform.sh logs [backend|monitor]    follow the log on a terminal, else print its last 100 lines
#
# Settings are layered as the server layers them (configs/env.unified ← configs/.env.$BASIS_ENVIRONMENT ← the process
# environment): BASIS_API_PORT (7071), BASIS_API_BIND (127.0.0.1), HEALTH_CHECK_INTERVAL (30s; 30, 30s, 2m, 1h),
# HEALTH_CHECK_ENDPOINT (/health). The server reads the same files itself, so only what this script decides is passed
# on: the port and address it probes, and BASIS_EXECUTION_MODE=backtest for 'backtest'.
# Process environment only: BASIS_ENVIRONMENT (dev), BASIS_CONFIG_DIR (configs/), BASIS_LOGS_DIR (logs/: the logs,
# PID files and the last start's mode), BASIS_SERVER_BIN (a built basis; default functions/Basis.Server/bin/Release/
# net10.0/basis, built with 'dotnet build -c Release functions/Basis.Server' when missing), BASIS_START_TIMEOUT (60 s).
# PLATFORM_SERVICES_ONLY=1 is how the health monitor restarts the services without stopping itself.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SELF="$ROOT/platform.sh"
MONITOR_SCRIPT="$ROOT/infra/scripts/health_monitor.sh"
DEFAULT_BIN="$ROOT/functions/Basis.Server/bin/Release/net10.0/basis"
STOP_GRACE_SECONDS=15

die() {
    printf 'platform.sh: %s\n' "$*" >&2
    exit "${EXIT_CODE:-1}"
}

usage() {
    sed -n '5,11s/^# \{0,1\}//p' "$SELF"
}

# --- settings ------------------------------------------------------------------------------------------------------

# A bad setting stops start and status (exit 2, every problem listed); stop and logs never need one.
PROBLEMS=()
problem() { PROBLEMS+=("$*"); }

check_settings() {
    if ((${#PROBLEMS[@]} > 0)); then
        printf 'platform.sh: %s\n' "${PROBLEMS[@]}" >&2
        exit 2
    fi
}

ENVIRONMENT="${BASIS_ENVIRONMENT:-dev}"
CONFIGS="${BASIS_CONFIG_DIR:-$ROOT/configs}"
ENV_FILE="$CONFIGS/.env.$ENVIRONMENT"
if ! [[ $ENVIRONMENT =~ ^[A-Za-z0-9_-]+$ ]]; then
    problem "BASIS_ENVIRONMENT='$ENVIRONMENT' is not an environment name (dev, staging, production)"
    ENV_FILE=""
fi
[[ -f $CONFIGS/env.unified ]] || problem "no env.unified in $CONFIGS"

# The value an env file gives NAME, read as the server reads it (KEY=VALUE lines; blank lines and # comments skipped;
# an optional 'export '; 'single' or "double" quotes stripped). Parsed, never sourced: connection strings hold ';'.
# Status 1 when the file does not set NAME.
env_file_value() {
    local file=$1 name=$2 line value
    [[ -r $file ]] || return 1
    while IFS= read -r line || [[ -n $line ]]; do
        line=${line%$'\r'}
        [[ $line =~ ^[[:space:]]*(export[[:space:]]+)?([A-Za-z_][A-Za-z0-9_]*)[[:space:]]*=[[:space:]]*(.*)$ ]] || continue
        [[ ${BASH_REMATCH[2]} == "$name" ]] || continue
        value=${BASH_REMATCH[3]}
        value=${value%"${value##*[![:space:]]}"}
        if [[ $value == \'* ]]; then
            value=${value:1}
            value=${value%%\'*}
        elif [[ $value == \"* ]]; then
            value=${value:1}
            value=${value%%\"*}
        fi
        printf '%s' "$value"
        return 0
    done <"$file"
    return 1
}

# NAME's layered value: the process environment (even empty) beats the .env file, which beats env.unified; an empty
# value means DEFAULT, as it does for the server.
setting() {
    local name=$1 default=$2 value=""
    if [[ -n ${!name+set} ]]; then
        value=${!name}
    elif value=$(env_file_value "$ENV_FILE" "$name"); then
        :
    elif value=$(env_file_value "$CONFIGS/env.unified" "$name"); then
        :
    fi
    printf '%s' "${value:-$default}"
}

API_PORT="$(setting BASIS_API_PORT 7071)"
if [[ $API_PORT =~ ^[0-9]{1,5}$ ]] && ((10#$API_PORT >= 1 && 10#$API_PORT <= 65535)); then
    API_PORT=$((10#$API_PORT))
else
    problem "BASIS_API_PORT='$API_PORT' is not a port (1-65535)"
    API_PORT=7071
fi
API_BIND="$(setting BASIS_API_BIND 127.0.0.1)"
# Seconds in 30, 30s, 2m or 1h.
CHECK_INTERVAL="$(setting HEALTH_CHECK_INTERVAL 30s)"
CHECK_SECONDS=30
if [[ $CHECK_INTERVAL =~ ^([0-9]+)([smh]?)$ ]] && ((10#${BASH_REMATCH[1]} > 0)); then
    case ${BASH_REMATCH[2]} in
        m) CHECK_SECONDS=$((10#${BASH_REMATCH[1]} * 60)) ;;
        h) CHECK_SECONDS=$((10#${BASH_REMATCH[1]} * 3600)) ;;
        *) CHECK_SECONDS=$((10#${BASH_REMATCH[1]})) ;;
    esac
else
    problem "HEALTH_CHECK_INTERVAL='$CHECK_INTERVAL' is not a duration above 0 (30, 30s, 2m, 1h)"
fi
CHECK_ENDPOINT="$(setting HEALTH_CHECK_ENDPOINT /health)"
[[ $CHECK_ENDPOINT == /* ]] || problem "HEALTH_CHECK_ENDPOINT='$CHECK_ENDPOINT' must start with / (/health or /health/detailed)"
START_TIMEOUT="${BASIS_START_TIMEOUT:-60}"
if ! [[ $START_TIMEOUT =~ ^[0-9]{1,5}$ ]]; then
    problem "BASIS_START_TIMEOUT='$START_TIMEOUT' is not a number of seconds"
    START_TIMEOUT=60
fi

# Where a client reaches the server: a wildcard address is probed on loopback, an IPv6 one in brackets.
case $API_BIND in
    0.0.0.0) PROBE_HOST=127.0.0.1 ;;
    ::) PROBE_HOST="[::1]" ;;
    *:*) PROBE_HOST="[$API_BIND]" ;;
    *) PROBE_HOST=$API_BIND ;;
esac
BASE_URL="http://$PROBE_HOST:$API_PORT"
HEALTH_URL="$BASE_URL/health"
MONITOR_URL="$BASE_URL$CHECK_ENDPOINT"

LOGS="${BASIS_LOGS_DIR:-$ROOT/logs}"
mkdir -p "$LOGS"
LOGS="$(cd "$LOGS" && pwd)"
BACKEND_PID="$LOGS/backend.pid"
BACKEND_LOG="$LOGS/backend.log"
MONITOR_PID="$LOGS/health_monitor.pid"
MONITOR_LOG="$LOGS/health_monitor.log"
MODE_FILE="$LOGS/platform.mode"
LOCK_FILE="$LOGS/platform.lock"

# --- processes -----------------------------------------------------------------------------------------------------

now() { date -u +%Y-%m-%dT%H:%M:%SZ; }

# True while PID runs and its command line mentions PATTERN (a reused PID is not ours). A zombie counts as gone: the
# reaper of a detached process may never collect it.
alive() {
    local pid=$1 pattern=$2 state cmdline
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r /proc/$pid/stat ]]; then
        state=$(cut -d' ' -f3 "/proc/$pid/stat" 2>/dev/null) || return 1
        [[ $state != Z ]] || return 1
        cmdline=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 1
        [[ $cmdline == *"$pattern"* ]] || return 1
    fi
    return 0
}

# The PID a PID file names, when that process still runs; status 1 otherwise.
running_pid() {
    local file=$1 pattern=$2 pid
    [[ -f $file ]] || return 1
    pid=$(<"$file")
    alive "$pid" "$pattern" || return 1
    printf '%s' "$pid"
}

# SIGTERM, then SIGKILL after the grace period; the PID file goes either way.
stop_process() {
    local name=$1 file=$2 pattern=$3 pid end
    if ! pid=$(running_pid "$file" "$pattern"); then
        if [[ -f $file ]]; then
            rm -f "$file"
            echo "$name: not running (stale PID file removed)"
        else
            echo "$name: not running"
        fi
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    end=$((SECONDS + STOP_GRACE_SECONDS))
    while alive "$pid" "$pattern" && ((SECONDS < end)); do
        sleep 0.2
    done
    if alive "$pid" "$pattern"; then
        echo "$name: still running after ${STOP_GRACE_SECONDS} s, sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        end=$((SECONDS + 5))
        while alive "$pid" "$pattern" && ((SECONDS < end)); do
            sleep 0.2
        done
    fi
    rm -f "$file"
    echo "$name: stopped (pid $pid)"
}

# Starting and stopping the backend is serialised, so an operator's stop and the monitor's restart cannot interleave.
# The lock is an open file (fd 9), taken once however deeply nested; every long-lived child closes it (9>&-) so it
# never outlives this script.
LOCK_DEPTH=0
take_lock() {
    LOCK_DEPTH=$((LOCK_DEPTH + 1))
    if ((LOCK_DEPTH == 1)) && command -v flock >/dev/null; then
        exec 9>"$LOCK_FILE"
        flock -w $((START_TIMEOUT + 30)) 9 || die "another platform.sh holds $LOCK_FILE"
    fi
}

release_lock() {
    LOCK_DEPTH=$((LOCK_DEPTH - 1))
    if ((LOCK_DEPTH == 0)) && command -v flock >/dev/null; then
        flock -u 9 2>/dev/null || true
        exec 9>&-
    fi
}

# The health answer's "status" field, or why there is none; status 1 when /health does not answer 2xx.
health_status() {
    local body
    if body=$(curl -fsS --max-time 3 "$HEALTH_URL" 2>&1); then
        if [[ $body =~ \"status\"[[:space:]]*:[[:space:]]*\"([^\"]*)\" ]]; then
            printf '%s' "${BASH_REMATCH[1]}"
        else
            printf 'answers'
        fi
        return 0
    fi
    printf '%s' "${body//$'\n'/ }"
    return 1
}

# True when something already accepts connections on the port (curl's 7 is "could not connect"): a server that cannot
# bind would exit, but whatever holds the port might answer /health in its place.
port_taken() {
    local rc=0
    curl -s -o /dev/null --max-time 2 "$BASE_URL/" || rc=$?
    ((rc != 7))
}

server_binary() {
    local bin="${BASIS_SERVER_BIN:-}"
    if [[ -n $bin ]]; then
        [[ -x $bin ]] || die "BASIS_SERVER_BIN='$bin' is not an executable file"
        printf '%s' "$bin"
        return 0
    fi
    if [[ ! -x $DEFAULT_BIN ]]; then
        echo "backend: not built yet: dotnet build -c Release functions/Basis.Server" >&2
        (cd "$ROOT" && dotnet build -c Release functions/Basis.Server --nologo -v quiet 9>&-) >&2 || die "the build failed"
        [[ -x $DEFAULT_BIN ]] || die "the build did not produce $DEFAULT_BIN"
    fi
    printf '%s' "$DEFAULT_BIN"
}

# Starts 'basis serve' detached (its own session, stdin closed, output appended to the log) and waits for /health.
start_backend() {
    local mode=$1 bin pid end
    local -a server_env=("BASIS_API_BIND=$API_BIND")
    rm -f "$BACKEND_PID"
    if port_taken; then
        die "backend: $BASE_URL is already taken by a process platform.sh did not start (ss -ltnp 'sport = :$API_PORT' names it)"
    fi
    bin=$(server_binary)
    # backtest forces the mode over the env files; backend and start leave it to them (the server reads them itself).
    [[ $mode != backtest ]] || server_env+=("BASIS_EXECUTION_MODE=backtest")
    printf '=== %s platform.sh %s: %s serve --port %s (environment %s) ===\n' "$(now)" "$mode" "$bin" "$API_PORT" "$ENVIRONMENT" >>"$BACKEND_LOG"
    # From the repository root, so the server finds this checkout's configs/ (CliPaths) as this script does. setsid,
    # nohup and env each exec the next, so $! is the server itself.
    (cd "$ROOT" && exec setsid nohup env "${server_env[@]}" "$bin" serve --port "$API_PORT" </dev/null >>"$BACKEND_LOG" 2>&1 9>&-) &
    pid=$!
    echo "$pid" >"$BACKEND_PID"
    echo "backend: started (pid $pid), waiting for $HEALTH_URL"
    end=$((SECONDS + START_TIMEOUT))
    while ! { health_status >/dev/null && alive "$pid" basis; }; do
        if ! alive "$pid" basis; then
            rm -f "$BACKEND_PID"
            echo "backend: exited during start-up; the last 30 lines of $BACKEND_LOG:" >&2
            tail -n 30 "$BACKEND_LOG" >&2
            exit 1
        fi
        if ((SECONDS >= end)); then
            echo "backend: no answer from $HEALTH_URL within ${START_TIMEOUT} s; the last 30 lines of $BACKEND_LOG:" >&2
            tail -n 30 "$BACKEND_LOG" >&2
            stop_process backend "$BACKEND_PID" basis >&2
            exit 1
        fi
        sleep 0.5
    done
    echo "backend: healthy (pid $pid)"
}

start_monitor() {
    local pid
    if pid=$(running_pid "$MONITOR_PID" health_monitor); then
        echo "monitor: already running (pid $pid)"
        return 0
    fi
    [[ -x $MONITOR_SCRIPT ]] || die "$MONITOR_SCRIPT is missing or not executable"
    setsid nohup "$MONITOR_SCRIPT" --url "$MONITOR_URL" --interval "$CHECK_SECONDS" --platform "$SELF" --pid-file "$MONITOR_PID" \
        </dev/null >>"$MONITOR_LOG" 2>&1 9>&- &
    pid=$!
    echo "$pid" >"$MONITOR_PID"
    echo "monitor: started (pid $pid), $MONITOR_URL every $CHECK_INTERVAL"
}

# The frontend is the web dashboard's build (web/dist, or BASIS_WEB_DIR), which the backend itself serves at / (and
# the API reference at /docs/): 'start' builds it first when it is missing (npm, log in $LOGS), since the server reads
# the folder when it starts. No process of its own, so nothing more to stop.
web_build() { printf '%s' "${BASIS_WEB_DIR:-$ROOT/web/dist}"; }

build_frontend() {
    local dist log=$LOGS/frontend_build.log
    dist=$(web_build)
    if [[ -f $dist/index.html ]]; then
        echo "frontend: $dist"
        return 0
    fi
    [[ -z ${BASIS_WEB_DIR:-} ]] || die "frontend: BASIS_WEB_DIR=$BASIS_WEB_DIR holds no index.html (a build of web/)"
    command -v npm >/dev/null || die "frontend: web/dist is not built and npm is missing (Node.js 20.19+), or start the backend alone: ./platform.sh backend"
    echo "frontend: building web/ into $dist (npm ci, npm run build; log $log)"
    if ! { npm ci --prefix "$ROOT/web" --no-audit --no-fund && npm --prefix "$ROOT/web" run build; } >>"$log" 2>&1; then
        tail -n 20 "$log" >&2
        die "frontend: the build failed (the last 20 lines of $log are above)"
    fi
}

# After the backend is up: the dashboard must answer at /, not the server's "not built" 404.
check_frontend() {
    if curl -fs --max-time 5 "$BASE_URL/" | grep -q 'id="root"'; then
        echo "frontend: the dashboard at $BASE_URL/, the API reference at $BASE_URL/docs/"
    else
        echo "frontend: warning: no dashboard at $BASE_URL/ (see $BACKEND_LOG)" >&2
    fi
}

access_points() {
    cat <<EOF

Access points:
  Backend API:  $BASE_URL/api/v1
  Health:       $HEALTH_URL (monitored: $MONITOR_URL every $CHECK_INTERVAL)
  OpenAPI:      $BASE_URL/openapi/v1.json, API reference $BASE_URL/docs/
  Dashboard:    $BASE_URL/ (when started with 'start', or once web/ is built)
  Logs:         $BACKEND_LOG, $MONITOR_LOG (./platform.sh logs [backend|monitor])
EOF
}

services_only() { [[ ${PLATFORM_SERVICES_ONLY:-} == 1 ]]; }

# start | backend | backtest. With PLATFORM_SERVICES_ONLY=1 (the monitor's restart) the monitor is left alone.
start_all() {
    local mode=$1 pid env_note
    check_settings
    take_lock
    if pid=$(running_pid "$BACKEND_PID" basis); then
        die "backend: already running (pid $pid); ./platform.sh stop first, or ./platform.sh restart"
    fi
    if ! services_only && pid=$(running_pid "$MONITOR_PID" health_monitor); then
        die "monitor: already running (pid $pid); ./platform.sh stop first, or ./platform.sh restart"
    fi
    env_note=$ENV_FILE
    [[ -f $ENV_FILE ]] || env_note="no $ENV_FILE: env.unified and the process environment only"
    echo "environment: $ENVIRONMENT ($env_note), started as: $mode"
    # Remembered before the start, so a restart after a failed start tries the same thing again.
    echo "$mode" >"$MODE_FILE"
    [[ $mode != start ]] || build_frontend
    start_backend "$mode"
    release_lock
    [[ $mode != start ]] || check_frontend
    services_only || { start_monitor && access_points; }
}

# The monitor first (it would restart the backend), then the backend under the lock. The caller releases it.
stop_all() {
    services_only || stop_process monitor "$MONITOR_PID" health_monitor
    take_lock
    stop_process backend "$BACKEND_PID" basis
}

status() {
    local pid health code=3 mode="(never)"
    check_settings
    [[ ! -f $MODE_FILE ]] || mode=$(<"$MODE_FILE")
    echo "environment: $ENVIRONMENT, last started as: $mode, logs: $LOGS"
    if pid=$(running_pid "$BACKEND_PID" basis); then
        if health=$(health_status); then
            echo "backend:  running (pid $pid), health: $health ($HEALTH_URL)"
            code=0
        else
            echo "backend:  running (pid $pid), health: no answer ($HEALTH_URL: $health)"
            code=1
        fi
    else
        echo "backend:  stopped ($BASE_URL when started)"
    fi
    if pid=$(running_pid "$MONITOR_PID" health_monitor); then
        echo "monitor:  running (pid $pid), $MONITOR_URL every $CHECK_INTERVAL"
    else
        echo "monitor:  stopped ($MONITOR_URL every $CHECK_INTERVAL when started)"
    fi
    if [[ -f $(web_build)/index.html ]]; then
        echo "frontend: $(web_build), served by the backend at $BASE_URL/ (API reference $BASE_URL/docs/)"
    else
        echo "frontend: not built ($(web_build)); ./platform.sh start builds it"
    fi
    return "$code"
}

show_logs() {
    local which=$1 file
    case $which in
        backend) file=$BACKEND_LOG ;;
        monitor) file=$MONITOR_LOG ;;
        *) EXIT_CODE=2 die "logs: backend or monitor, not '$which'" ;;
    esac
    [[ -f $file ]] || die "no $file yet"
    if [[ -t 1 ]]; then
        exec tail -n 100 -F "$file"
    fi
    tail -n 100 "$file"
}

case ${1:-} in
    start | backend | backtest)
        start_all "$1"
        ;;
    stop)
        stop_all
        release_lock
        ;;
    restart)
        last=start
        [[ ! -f $MODE_FILE ]] || last=$(<"$MODE_FILE")
        [[ $last =~ ^(start|backend|backtest)$ ]] || last=start
        # One lock over both halves: nothing else starts or stops the backend in between.
        stop_all
        start_all "$last"
        ;;
    status)
        status
        ;;
    logs)
        show_logs "${2:-backend}"
        ;;
    -h | --help | help)
        usage
        ;;
    *)
        usage >&2
        exit 2
        ;;
esac
