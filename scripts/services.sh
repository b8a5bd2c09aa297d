#!/usr/bin/env bash
# Throwaway PostgreSQL and Redis for the tests: each in its own `mktemp -d` directory, on a
# free port of 127.0.0.1, with durability switched off for speed. Nothing outside that
# directory is touched, so the machine's own servers (if any) are left alone.
#
# Source it and call services_start / services_stop (scripts/test.sh does), or run
#   scripts/services.sh run -- COMMAND...
# to get both for the length of one command, with DATABASE_URL and REDIS_URL exported.
#
# A run killed with SIGKILL cannot stop its servers. Each directory records the pid of the
# shell that owns it, and services_reap stops the servers of any directory whose owner is
# gone, so leftovers never pile up and a new run never trips over them.

SERVICES_PREFIX="${TMPDIR:-/tmp}/scrutiny-services."

_services_log() { echo "services: $*" >&2; }

_services_pg_bindir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null |
    sort -V | tail -n 1)"
  if [[ -z "$dir" ]]; then
    _services_log "PostgreSQL is not installed (run scripts/system-packages.sh test)"
    return 1
  fi
  echo "$dir"
}

# Runs a command as the unprivileged owner of the data directory: PostgreSQL refuses root.
_services_as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_services_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

_services_stop_dir() {
  local dir="$1" bindir pid
  if [[ -f "$dir/pg/postmaster.pid" ]] && bindir="$(_services_pg_bindir)"; then
    _services_as_pg "$bindir/pg_ctl" -D "$dir/pg" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [[ -f "$dir/redis.pid" ]]; then
    pid="$(cat "$dir/redis.pid")"
    if [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
    fi
  fi
  rm -rf "$dir"
}

services_reap() {
  local dir owner
  for dir in "$SERVICES_PREFIX"*; do
    [[ -d "$dir" ]] || continue
    owner="$(cat "$dir/owner.pid" 2>/dev/null || true)"
    if [[ "$owner" =~ ^[0-9]+$ ]] && kill -0 "$owner" 2>/dev/null; then
      continue
    fi
    _services_log "stopping the leftovers of an earlier run in $dir"
    _services_stop_dir "$dir"
  done
}

services_start() {
  local bindir pg_port redis_port
  services_reap
  # Callers may run this where `set -e` does not apply (`services_start || ...`): every step
  # that can fail returns explicitly.
  bindir="$(_services_pg_bindir)" || return 1
  SERVICES_DIR="$(mktemp -d "${SERVICES_PREFIX}XXXXXX")"
  echo "$$" >"$SERVICES_DIR/owner.pid"
  chmod 755 "$SERVICES_DIR"

  mkdir "$SERVICES_DIR/pg"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$SERVICES_DIR/pg"
  fi
  _services_as_pg "$bindir/initdb" -D "$SERVICES_DIR/pg" -U postgres --auth=trust \
    --encoding=UTF8 --locale=C.UTF-8 --no-sync >"$SERVICES_DIR/initdb.log" 2>&1 || {
    cat "$SERVICES_DIR/initdb.log" >&2
    return 1
  }
  pg_port="$(_services_free_port)"
  # fsync and friends off: the cluster lives for one test run and is never recovered.
  _services_as_pg "$bindir/pg_ctl" -D "$SERVICES_DIR/pg" -l "$SERVICES_DIR/pg/server.log" -w \
    -t 60 -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $SERVICES_DIR/pg \
      -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
      -c max_connections=100" start >/dev/null || {
    cat "$SERVICES_DIR/pg/server.log" >&2
    return 1
  }
  _services_as_pg "$bindir/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres scrutiny || return 1

  mkdir "$SERVICES_DIR/redis"
  redis_port="$(_services_free_port)"
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no \
    --dir "$SERVICES_DIR/redis" --daemonize yes --pidfile "$SERVICES_DIR/redis.pid" \
    --logfile "$SERVICES_DIR/redis/server.log" >/dev/null || return 1
  for _ in $(seq 100); do
    if redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null | grep -q PONG; then
      break
    fi
    sleep 0.1
  done
  redis-cli -h 127.0.0.1 -p "$redis_port" ping >/dev/null || {
    cat "$SERVICES_DIR/redis/server.log" >&2
    return 1
  }

  export DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/scrutiny"
  export REDIS_URL="redis://127.0.0.1:$redis_port/0"
  _services_log "PostgreSQL on 127.0.0.1:$pg_port, Redis on 127.0.0.1:$redis_port ($SERVICES_DIR)"
}

services_stop() {
  if [[ -n "${SERVICES_DIR:-}" && -d "$SERVICES_DIR" ]]; then
    _services_stop_dir "$SERVICES_DIR"
    _services_log "stopped"
  fi
  SERVICES_DIR=""
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -euo pipefail
  if [[ "${1:-}" != "run" || "${2:-}" != "--" || $# -lt 3 ]]; then
    echo "usage: $0 run -- COMMAND..." >&2
    exit 2
  fi
  shift 2
  trap services_stop EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  services_start
  "$@"
fi
