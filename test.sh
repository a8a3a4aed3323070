#!/usr/bin/env bash
# Runs the whole test suite against real parts: RabbitMQ, an SMTP server and Chromium.
# On a fresh Debian machine (as root, or with sudo) it installs what is missing, starts RabbitMQ
# and the SMTP server on loopback, runs `dotnet test Referral.sln`, stops what it started, and
# ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
run="$root/.test-run"
results="$run/results"
rm -rf "$results" && mkdir -p "$results"
started_rabbit=0
smtp_pid=

log() { printf '\n== %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

cleanup() {
  [ -n "$smtp_pid" ] && kill "$smtp_pid" 2>/dev/null
  if [ "$started_rabbit" = 1 ]; then as_root rabbitmqctl stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

log "Debian packages"
packages=(rabbitmq-server python3-aiosmtpd chromium fonts-noto-cjk)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || { echo "apt-get install failed"; exit 1; }
fi

log "RabbitMQ"
if as_root rabbitmqctl -q status >/dev/null 2>&1; then
  echo "already running; reusing it"
else
  as_root rabbitmq-plugins -q enable --offline rabbitmq_management >/dev/null
  as_root rabbitmq-server -detached
  started_rabbit=1
fi
# `rabbitmq-server -detached` returns before the node registers with epmd, and await_startup
# fails at once on a node it cannot reach: wait for the node to answer a ping first.
for _ in $(seq 1 120); do as_root rabbitmqctl -q ping >/dev/null 2>&1 && break; sleep 1; done
as_root rabbitmqctl -q await_startup --timeout 120 || { echo "RabbitMQ did not start; its log:"; tail -n 40 /var/log/rabbitmq/*.log 2>/dev/null; exit 1; }
as_root rabbitmq-plugins -q enable rabbitmq_management >/dev/null
for _ in $(seq 1 60); do curl -fsS -u guest:guest http://localhost:15672/api/overview >/dev/null 2>&1 && break; sleep 1; done
export REFERRAL_TEST_RABBITMQ_HOST=localhost REFERRAL_TEST_RABBITMQ_PORT=5672 REFERRAL_TEST_RABBITMQ_MANAGEMENT=http://localhost:15672/

log "SMTP server"
mailbox="$run/mailbox"
rm -rf "$mailbox" && mkdir -p "$mailbox"/{tmp,new,cur}
# A port below the ephemeral range (which the OS hands to outgoing connections), tried until one serves.
for _ in $(seq 1 20); do
  smtp_port=$(python3 -c 'import random, socket
while True:
    p = random.randrange(20000, 32000); s = socket.socket()
    try: s.bind(("127.0.0.1", p)); print(p); break
    except OSError: pass
    finally: s.close()')
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$mailbox" >"$run/smtp.log" 2>&1 &
  smtp_pid=$!
  for _ in $(seq 1 50); do
    kill -0 "$smtp_pid" 2>/dev/null || break
    (exec 3<>"/dev/tcp/127.0.0.1/$smtp_port") 2>/dev/null && break 2
    sleep 0.2
  done
  kill "$smtp_pid" 2>/dev/null; smtp_pid=
done
[ -n "$smtp_pid" ] || { echo "the SMTP server did not start; its log:"; cat "$run/smtp.log"; exit 1; }
export REFERRAL_TEST_SMTP_HOST=127.0.0.1 REFERRAL_TEST_SMTP_PORT=$smtp_port REFERRAL_TEST_SMTP_MAILDIR="$mailbox"
export REFERRAL_TEST_CHROMIUM=/usr/bin/chromium
echo "aiosmtpd on 127.0.0.1:$smtp_port, mailbox $mailbox; Chromium $("$REFERRAL_TEST_CHROMIUM" --version 2>/dev/null)"

log "dotnet test"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$(date +%s)
dotnet build Referral.sln -warnaserror -nologo -v:q
build=$?
test_status=1
if [ $build = 0 ]; then
  dotnet test Referral.sln --no-build -nologo --results-directory "$results" --logger "trx" --logger "console;verbosity=normal"
  test_status=$?
fi
echo "dotnet test took $(( $(date +%s) - start )) s"

summary=$(python3 - "$results" <<'PY'
import sys, glob, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout")) + int(c.get("aborted"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
)
[ $build != 0 ] && summary="0 passed, 1 failed, 0 skipped (the build failed)"
status=0
{ [ $build != 0 ] || [ $test_status != 0 ] || ! grep -q " 0 failed" <<<"$summary"; } && status=1
echo
echo "$summary"
exit $status
