#!/bin/sh
# Installs what the tests drive besides Python packages, when it is missing: Debian packages (Chromium for browser
# tests, LibreOffice and poppler-utils' pdftotext for form checks, Java and npm for the HTML checker; needs root, as
# on CI — otherwise it says what to install), then the Nu HTML Checker (npm vnu-jar, pinned) into the git-ignored
# .cache/vnu/, not globally.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VNU_VERSION=26.9.27  # tests/site/test_html_validity.py reads .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
VNU_DIR="$ROOT/.cache/vnu"

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing="$missing fonts-noto-cjk"
command -v java >/dev/null 2>&1 || missing="$missing default-jre-headless"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "Missing Debian packages:$missing — run: sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# --ignore-scripts: vnu-jar's postinstall would fetch a Java runtime; the system's Java 17 runs the jar.
if ! grep -qs "\"version\": \"$VNU_VERSION\"" "$VNU_DIR/node_modules/vnu-jar/package.json" \
   || [ ! -f "$VNU_DIR/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  mkdir -p "$VNU_DIR"
  npm install --prefix "$VNU_DIR" --no-save --no-package-lock --no-audit --no-fund --ignore-scripts --silent \
    "vnu-jar@$VNU_VERSION"
fi
