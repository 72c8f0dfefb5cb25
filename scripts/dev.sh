#!/usr/bin/env bash
# The one entry point, on a fresh machine or an old one. It sets up .venv with the pinned packages and the
# project (again only when a requirements file or pyproject.toml changed), then:
#   bash scripts/dev.sh serve    the site at http://127.0.0.1:8000 (Vietnamese; English under /en/),
#                                without PDFs unless SITE_PDF=1 (fast rebuilds while editing)
#   bash scripts/dev.sh build    a strict build into site/, with every PDF
#   bash scripts/dev.sh check    the content check alone: fast, no site build
#   bash scripts/dev.sh test     the whole test suite (extra arguments go to pytest)
set -euo pipefail
cd "$(dirname "$0")/.."

command=${1:-serve}
shift || true
venv=.venv
requirements=requirements.txt
[ "$command" = test ] && requirements=requirements-test.txt

# requirements.txt ends with `-e .`: one install brings the pinned packages and the project (sitekit).
stamp="$venv/.installed-$(cat "$requirements" requirements.txt pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "Setting up $venv from $requirements ..."
  [ -x "$venv/bin/python" ] || "${PYTHON:-python3}" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
  touch "$stamp"
fi

# The browser tests drive Debian's chromium (never a downloaded browser); the PDF tests read text with
# poppler's pdftotext; npm installs axe-core (below). Install what is missing from Debian's packages.
missing=""
[ "$command" = test ] && [ ! -x /usr/bin/chromium ] && missing="$missing chromium"
[ "$command" = test ] && ! command -v pdftotext >/dev/null && missing="$missing poppler-utils"
[ "$command" = test ] && ! command -v npm >/dev/null && missing="$missing npm"
if [ -n "$missing" ]; then
  echo "Installing Debian's$missing for the tests ..."
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq $missing >/dev/null
fi

# The accessibility tests inject axe-core (npm, pinned) into the pages.
axe_version=4.11.0
if [ "$command" = test ] && ! grep -q "\"version\": \"$axe_version\"" .cache/npm/node_modules/axe-core/package.json 2>/dev/null; then
  echo "Installing axe-core $axe_version from npm ..."
  npm install --silent --no-audit --no-fund --no-save --prefix .cache/npm "axe-core@$axe_version" >/dev/null
fi

# The generator: MkDocs 1.6.1; `properdocs` (its maintained continuation) builds the same pages once
# requirements.txt pins it too (README, "Switching to ProperDocs"; tests/test_engine.py).
engine=mkdocs
export NO_MKDOCS_2_WARNING=1  # the end-of-life notice of Material is known (see README)
case "$command" in
  serve) SITE_PDF=${SITE_PDF:-0} exec "$venv/bin/$engine" serve -f mkdocs.yml "$@" ;;
  build) exec "$venv/bin/$engine" build -f mkdocs.yml --strict "$@" ;;
  check) exec "$venv/bin/python" scripts/check_content.py "$@" ;;
  test)  exec "$venv/bin/python" -m pytest "$@" ;;
  *) echo "usage: bash scripts/dev.sh serve|build|check|test" >&2; exit 2 ;;
esac
