#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium; Playwright never downloads a
# browser of its own. Installs it with apt-get when it is missing and we may.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium not found at $browser: installing Debian's chromium package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium not found at $browser. Install it (Debian: 'sudo apt-get install chromium')," >&2
echo "or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
exit 1
