#!/usr/bin/env bash
# The demo's two processes (`make demo` runs this after loading the demo data): a Celery
# worker, in the background, and the web server, in the foreground. They share a broker that
# needs no server: kombu's filesystem transport, each message a file under var/broker/
# (scrutiny/broker.py). A pack is then built by the worker, outside the request, and its page
# shows the progress bar move. When the web server stops (Ctrl-C), the worker is stopped too.
#
# CELERY_BROKER_URL set to a redis:// URL uses that broker instead, as production does.
# The worker does not reload when the code changes: stop the demo and start it again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

PY=.venv/bin/python
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
export CELERY_BROKER_URL="${CELERY_BROKER_URL:-filesystem://}"
export CELERY_FILESYSTEM_DIR="${CELERY_FILESYSTEM_DIR:-$PWD/var/broker}"
WORKER_LOG="${WORKER_LOG:-var/worker.log}"
mkdir -p "$(dirname "$WORKER_LOG")"

# In a session of its own, so that stopping it reaches its pool child too.
setsid "$PY" -m celery -A scrutiny worker --concurrency 1 --pool prefork \
  --without-gossip --without-mingle --without-heartbeat --loglevel INFO >>"$WORKER_LOG" 2>&1 &
worker=$!

# stop_worker: a warm shutdown (the worker finishes its current task) for up to 20 seconds,
# then SIGKILL to it and its pool child; a pack it was building is taken over by the next worker (packs/worker.py).
stop_worker() {
  local waited=0
  kill -TERM "$worker" 2>/dev/null || return 0
  while kill -0 "$worker" 2>/dev/null && ((waited < 200)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -KILL -- -"$worker" 2>/dev/null || true
  wait "$worker" 2>/dev/null || true
}
trap stop_worker EXIT

echo "Celery worker started (process $worker, log in $WORKER_LOG)."
DEBUG="${DEBUG:-true}" "$PY" manage.py runserver "$HOST:$PORT" "$@"
