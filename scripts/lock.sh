#!/usr/bin/env bash
# Refresh requirements.lock: install the newest versions pyproject.toml allows into a throw-away
# environment, run nothing else, and write their exact versions. Run the tests before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"${PYTHON:-python3}" -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check '.[test]'
{
  echo "# Exact versions that scripts/setup.sh installs (pip constraints). Refresh: bash scripts/lock.sh"
  "$tmp/venv/bin/python" -m pip freeze --disable-pip-version-check | grep -v -i '^kehoach'
} > requirements.lock
echo "requirements.lock: $(grep -vc '^#' requirements.lock) packages"
