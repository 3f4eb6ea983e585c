#!/usr/bin/env bash
# Set up everything kehoach and its tests need, on a fresh Debian/Ubuntu machine or a developer's:
#   - LibreOffice Writer (PDF export, page checks) and the Liberation fonts (metric-compatible with
#     Times New Roman), from the distribution's packages;
#   - a virtual environment in .venv with kehoach installed (editable) and the test tools.
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer-nogui)
fc-list 2>/dev/null | grep -qi "Liberation Serif" || need_apt+=(fonts-liberation2)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)  # yaml-language-server for tests/test_editor.py
# LibreOffice's Python bridge for the system python3: tests/workflow edit documents through UNO
/usr/bin/python3 -c "import uno" >/dev/null 2>&1 || need_apt+=(python3-uno)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing ${need_apt[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install: ${need_apt[*]} (apt-get install ...)" >&2
    exit 1
  fi
fi

PY=${PYTHON:-python3}
VENV=${KEHOACH_VENV:-.venv}
[ -x "$VENV/bin/python" ] || "$PY" -m venv "$VENV"
# Exact versions from requirements.lock, so a fresh machine gets what the tests were run with.
# KEHOACH_LATEST=1 installs the newest versions pyproject.toml allows instead (see .ci/run).
if [ "${KEHOACH_LATEST:-0}" = 1 ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade --upgrade-strategy eager -e '.[test]'
else
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -c requirements.lock -e '.[test]'
fi
# An editable install is not byte-compiled, and where PYTHONDONTWRITEBYTECODE is set every kehoach
# start would compile the package again (~0.35 s): compile it once (Python checks the sources' times).
"$VENV/bin/python" -m compileall -q generator >/dev/null
# The YAML editor engine the schema is checked against (tests/test_editor.py), pinned by its lock file.
[ -x tools/editor/node_modules/.bin/yaml-language-server ] \
  || npm ci --prefix tools/editor --no-audit --no-fund --silent
echo "setup: ok ($("$VENV/bin/kehoach" --version))"
