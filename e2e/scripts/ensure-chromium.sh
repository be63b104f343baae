#!/usr/bin/env bash
# Debian's chromium for the end-to-end tests (playwright's own download cannot be reached).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ]; then exit 0; fi
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
echo "Installing Debian's chromium (apt-get)…"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
