#!/bin/sh
# Installs the Debian packages the tests drive (Chromium for browser tests, LibreOffice and poppler-utils'
# pdftotext for form checks) when they are missing. Needs root (as on CI); otherwise it says what to install.
set -e
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v soffice >/dev/null 2>&1 || missing="$missing libreoffice-writer-nogui libreoffice-calc-nogui"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
fc-list 2>/dev/null | grep -qi "noto sans cjk" || missing="$missing fonts-noto-cjk"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != "0" ]; then
  echo "Missing Debian packages:$missing — run: sudo apt-get update && sudo apt-get install -y$missing" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends $missing >/dev/null
