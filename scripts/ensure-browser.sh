#!/usr/bin/env bash
# Makes sure the browser tests can run: Debian's Chromium (or $CHROMIUM_PATH) and the Noto CJK fonts, without
# which Chinese text renders as boxes in screenshots. Installs them when running as root with apt; otherwise
# says how.
set -euo pipefail

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"

has_browser() { [ -x "$chromium_path" ]; }
# Not `grep -q`: it exits at the first match, fc-list then dies of SIGPIPE, and pipefail fails the check.
has_cjk_fonts() { command -v fc-list >/dev/null 2>&1 && fc-list : family | grep -i 'Noto Sans CJK' >/dev/null; }

if has_browser && has_cjk_fonts; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-browser: installing chromium and fonts-noto-cjk with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y chromium fonts-noto-cjk fontconfig
  if has_browser && has_cjk_fonts; then
    exit 0
  fi
  echo "ensure-browser: installed, but $chromium_path or the Noto Sans CJK fonts are still missing" >&2
  exit 1
fi

has_browser || echo "ensure-browser: no Chromium at $chromium_path" >&2
has_cjk_fonts || echo "ensure-browser: the Noto Sans CJK fonts are not installed" >&2
echo "Install them with:" >&2
echo "  sudo apt-get install -y chromium fonts-noto-cjk" >&2
echo "(or point CHROMIUM_PATH at another Chromium)" >&2
exit 1
