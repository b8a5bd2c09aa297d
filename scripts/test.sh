#!/usr/bin/env bash
# Everything `make test` checks after setting up: lint, then the suite on PostgreSQL, on SQLite,
# and in headless Chromium. Every stage runs even when an earlier one fails, so one run shows
# everything that is wrong; the summary says which stage failed and the exit status is non-zero.
#
# Narrow a run with PYTEST_ARGS, e.g. `make test PYTEST_ARGS="-k staffing"`.
#
# Redis is started and exported as REDIS_URL only. CELERY_BROKER_URL stays unset, so tasks run
# in-process (eagerly) in the main suite as in the demo; tests of real queued jobs set
# CELERY_BROKER_URL="$REDIS_URL" for themselves.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# shellcheck source=scripts/services.sh
source scripts/services.sh

PY=.venv/bin/python
read -r -a extra_args <<<"${PYTEST_ARGS:-}"
PYTEST=(.venv/bin/pytest -p no:cacheprovider "${extra_args[@]}")
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
unset CELERY_BROKER_URL

names=()
results=()
seconds=()
failed=0

# stage NAME EXPECT_TESTS COMMAND...: runs COMMAND and records how it went and how long it took.
# pytest's exit status 5 means it collected nothing: a failure when the stage must have tests,
# unless PYTEST_ARGS narrowed the selection on purpose.
stage() {
  local name="$1" expect_tests="$2" started rc=0 result
  shift 2
  printf '\n==> %s\n' "$name"
  started="$(date +%s.%N)"
  "$@" || rc=$?
  if ((rc == 0)); then
    result="passed"
  elif ((rc == 5)) && [[ "$expect_tests" == "tests" ]]; then
    if [[ -n "${PYTEST_ARGS:-}" ]]; then
      result="no tests selected"
    else
      result="FAILED (no tests collected)"
      failed=1
    fi
  else
    result="FAILED (exit $rc)"
    failed=1
  fi
  names+=("$name")
  results+=("$result")
  seconds+=("$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')")
}

summary() {
  local i
  printf '\n%-44s %-28s %8s\n' "stage" "result" "seconds"
  for i in "${!names[@]}"; do
    printf '%-44s %-28s %8s\n' "${names[$i]}" "${results[$i]}" "${seconds[$i]}"
  done
  if ((failed)); then
    printf '\nmake test: FAILED\n'
  else
    printf '\nmake test: all passed\n'
  fi
}

trap services_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stage "ruff check" none .venv/bin/ruff check .
stage "ruff format --check" none .venv/bin/ruff format --check .

stage "start PostgreSQL and Redis" none services_start
if [[ "${results[-1]}" != "passed" ]]; then
  summary
  exit 1
fi

stage "makemigrations --check" none "$PY" manage.py makemigrations --check --dry-run
stage "pytest on PostgreSQL (not browser)" tests "${PYTEST[@]}" -m "not browser"
stage "pytest on SQLite (not browser)" tests \
  env DATABASE_URL="sqlite:///$SERVICES_DIR/sqlite.db" "${PYTEST[@]}" -m "not browser"
stage "pytest browser (Chromium, PostgreSQL)" tests "${PYTEST[@]}" -m browser

summary
exit "$failed"
