#!/usr/bin/env bash
# Installs what the platform needs on a Debian machine without a container runtime, when missing:
# Debian's PostgreSQL and RabbitMQ (the AppHost runs private instances of them; the system-wide
# servers the packages start are stopped again), ICU for the pages and the mail to residents,
# aiosmtpd (the SMTP sink), and with --tests also Chromium (browser tests).
set -euo pipefail

missing=()
command -v rabbitmq-server >/dev/null 2>&1 || [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || missing+=(rabbitmq-server)
compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || missing+=(postgresql)
# The resident pages write dates and times in each reader's language: ICU.
compgen -G "/usr/lib/*/libicuuc.so.*" >/dev/null || missing+=(libicu72)
# The local SMTP sink that keeps the mail to residents (and the tests' SMTP server).
[[ -d /usr/lib/python3/dist-packages/aiosmtpd ]] || missing+=(python3-aiosmtpd)
if [[ ${1:-} == --tests ]]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fi

if ((${#missing[@]} > 0)); then
  if ((EUID != 0)); then
    echo "Missing Debian packages: ${missing[*]} (run as root, or: sudo apt-get install ${missing[*]})" >&2
    exit 1
  fi
  echo "Installing ${missing[*]} ..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # The platform runs its own instances on their own ports; the packages' system-wide servers are not used.
  systemctl disable --now postgresql rabbitmq-server >/dev/null 2>&1 || true
  service postgresql stop >/dev/null 2>&1 || true
  service rabbitmq-server stop >/dev/null 2>&1 || true
fi
