#!/usr/bin/env bash
# The JetStream broker's tests start Debian's nats-server (no npm package can
# supply it: they download it at install time). Installs it with apt-get when
# it is missing and we may.
set -euo pipefail
if command -v nats-server >/dev/null || [ -x /usr/sbin/nats-server ] || [ -x /usr/bin/nats-server ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "nats-server not found: installing Debian's nats-server package..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nats-server >/dev/null
  exit 0
fi
echo "nats-server not found. Install it (Debian: 'sudo apt-get install nats-server');" >&2
echo "without it the JetStream broker tests are skipped." >&2
exit 1
