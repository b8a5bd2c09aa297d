#!/usr/bin/env bash
# Installs the Debian packages scrutiny needs, calling apt-get only when one is missing, so a
# second run costs a dpkg query and nothing else.
#
#   scripts/system-packages.sh runtime   what the app needs to run (WeasyPrint's libraries, fonts)
#   scripts/system-packages.sh test      runtime + PostgreSQL, Redis, Chromium, poppler, YAML
set -euo pipefail

# WeasyPrint 70 loads Pango (which brings GLib, HarfBuzz and Fontconfig) through CFFI and
# subsets fonts with HarfBuzz; it documents these three for Debian.
runtime=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
test_only=(postgresql redis-server chromium poppler-utils)

case "${1:-test}" in
  runtime) wanted=("${runtime[@]}") ;;
  test) wanted=("${runtime[@]}" "${test_only[@]}") ;;
  *)
    echo "usage: $0 [runtime|test]" >&2
    exit 2
    ;;
esac

missing=()
for package in "${wanted[@]}"; do
  status="$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)"
  if [[ "$status" != "installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

sudo=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! command -v sudo >/dev/null; then
    echo "Missing Debian packages: ${missing[*]}; install them as root." >&2
    exit 1
  fi
  sudo=(sudo)
fi

echo "Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
