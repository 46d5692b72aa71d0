#!/usr/bin/env bash
# The test command: installs what the tests need, starts PostgreSQL when it is down,
# then runs the linters, the type checker and the whole test suite.
# Usage: scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
need_deb() {  # need_deb PACKAGE...: install Debian packages that are missing
  local missing=()
  for pkg in "$@"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
  if [ ${#missing[@]} -gt 0 ]; then
    if [ $apt_updated = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
}

# Build needs of PyICU (via rigour/normality), the PostgreSQL server for storage tests,
# and Debian's chromium for the browser tests (Playwright drives it; no browser download).
need_deb libicu-dev pkg-config g++ postgresql chromium

if ! pg_isready -h localhost -p 5432 -q 2>/dev/null; then
  echo "starting PostgreSQL"
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_isready -h localhost -p 5432 -q && break; sleep 1; done
fi
pg_isready -h localhost -p 5432 || { echo "PostgreSQL did not start" >&2; exit 1; }
# Trust auth for the test role on localhost is the machine's default; make sure the role exists.
psql -h localhost -U postgres -d postgres -tAc "select 1" >/dev/null

python3 -m pip install -q --disable-pip-version-check -e ".[dev]"

echo "== ruff check";  python3 -m ruff check src tests bench
echo "== ruff format"; python3 -m ruff format --check src tests bench
echo "== mypy";        python3 -m mypy src
echo "== pytest";      python3 -m pytest -q -n 2 --dist loadfile "$@"
