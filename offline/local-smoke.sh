#!/usr/bin/env bash
# Proves the run without Docker (local/shop.sh) end to end, as a user runs it, on a state directory
# of its own (so a developer's own run keeps its data):
#
#   1. local/shop.sh start: the broker, GreenMail and the five services, ready within SHOP_LOCAL_SMOKE_BUDGET
#      seconds (default 90; on 2 cores about 30 s when idle), each service from its CDS archive, every
#      JVM trimming its native heap where its JDK can
#   2. alice's keyboards -> CONFIRMED, bob's monitor -> CANCELLED; balances, stock, sales, mails
#   3. one part on its own: stop payment-service, place an order (it waits), start payment-service,
#      the order completes; status shows each part
#   4. the peak memory of the seven processes (VmHWM), then local/shop.sh stop: no process left
#
#   offline/local-smoke.sh         (from CI; needs the ports 8080-8084, 8025, 3025, 9092-9093)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/.." && pwd)"
cd "$REPO_ROOT"

BUDGET="${SHOP_LOCAL_SMOKE_BUDGET:-90}"
SHOP_LOCAL_DIR="$(mktemp -d "${TMPDIR:-/tmp}/kafka-shop-local-smoke.XXXXXX")"
export SHOP_LOCAL_DIR
PARTS=(kafka mail order-service payment-service inventory-service email-service insights-service)

T_START=$(date +%s)
TIMINGS=()
log() { echo "[local-smoke] $(date +%T) $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
stage() { STAGE="$1"; STAGE_T0=$(date +%s); log "=== $1"; }
stage_done() { local s=$(( $(date +%s) - STAGE_T0 )); TIMINGS+=("$(printf '%-52s %4d s' "$STAGE" "$s")"); log "=== $STAGE: ${s} s"; }

# shellcheck source=offline/smoke-lib.sh
. "$HERE/smoke-lib.sh"

teardown() {
  local rc=$? part
  trap - EXIT
  if [ "$rc" -ne 0 ]; then
    local/shop.sh status || true
    for part in "${PARTS[@]}"; do
      log "--- last lines of $part.log"; tail -n 40 "$SHOP_LOCAL_DIR/logs/$part.log" 2>/dev/null || true
    done
  fi
  local/shop.sh stop >/dev/null 2>&1 || log "warning: local/shop.sh stop failed"
  rm -rf "$SHOP_LOCAL_DIR"
  if [ "${#TIMINGS[@]}" -gt 0 ]; then log "--- timings"; printf '%s\n' "${TIMINGS[@]}" >&2; fi
  log "total $(( $(date +%s) - T_START )) s: $([ "$rc" -eq 0 ] && echo PASSED || echo "FAILED (exit $rc)")"
  exit "$rc"
}
trap teardown EXIT

pid_of() { cat "$SHOP_LOCAL_DIR/pids/$1.pid"; }

# the Maven fetch of Kafka and GreenMail and the jars' build are not part of the start-up budget
stage "Kafka and GreenMail jars, service jars"
if [ ! -f local/target/kafka/kafka_2.13-4.1.2.jar ] || [ ! -f local/target/greenmail/greenmail-standalone.jar ]; then
  ./mvnw -B -q -ntp -f local/pom.xml package
fi
for s in order-service payment-service inventory-service email-service insights-service; do
  [ -f "$s/target/$s-0.1.0-SNAPSHOT.jar" ] || { ./mvnw -B -ntp -DskipTests package; break; }
done
# the class data sharing archives belong to the build too: once a build, not on every start
local/shop.sh prepare
stage_done

stage "local/shop.sh start, until all are ready"
local/shop.sh start >/dev/null
started=$(( $(date +%s) - STAGE_T0 ))
[ "$started" -le "$BUDGET" ] || fail "the shop took $started s to start, more than the $BUDGET s budget"
stage_done

stage "every service started from its class data sharing archive"
for s in order-service payment-service inventory-service email-service insights-service; do
  # asked of the JVM, with the service's own arguments, from its working directory
  pid="$(pid_of "$s")"
  archive_check_command <"/proc/$pid/cmdline" \
    || fail "$s was not started with -XX:SharedArchiveFile and -jar: $(ps -ww -o command= -p "$pid")"
  (cd "/proc/$pid/cwd" && "${ARCHIVE_CHECK[@]}") >"$SHOP_LOCAL_DIR/logs/$s.cds-check.log" 2>&1 \
    || fail "$s cannot map its CDS archive: $(archive_check_reason "$SHOP_LOCAL_DIR/logs/$s.cds-check.log")"
done
stage_done

stage "every JVM trims its native heap, if its JDK can"
for part in "${PARTS[@]}"; do
  pid="$(pid_of "$part")"
  jdk_bin="$(dirname "$(readlink "/proc/$pid/exe")")"
  if ! "$jdk_bin/java" -XX:TrimNativeHeapInterval=10000 -version >/dev/null 2>&1; then
    log "$part: its JDK has no -XX:TrimNativeHeapInterval, so local/shop.sh started it without"
    continue
  fi
  # asked of the running JVM, so an option that did not take effect fails too
  "$jdk_bin/jcmd" "$pid" VM.flags | tr ' ' '\n' | grep -qx -- '-XX:TrimNativeHeapInterval=10000' \
    || fail "$part does not trim its native heap every 10 s: $(ps -ww -o command= -p "$pid")"
done
stage_done

stage "orders: alice CONFIRMED, bob CANCELLED, mails"
run_scenarios
stage_done

stage "payment-service stopped and started on its own"
local/shop.sh stop payment-service
status_table="$(local/shop.sh status)"
grep -q '^payment-service .* stopped ' <<<"$status_table" || fail "status should show payment-service stopped:"$'\n'"$status_table"
waiting_order="$(place_order carol keyboard 1 49.90)"
sleep 2
status="$(field_of "$ORDERS_URL/$waiting_order" status)"
[ "$status" = PENDING ] || fail "without payment-service the order should wait (PENDING), it is '$status'"
log "order $waiting_order waits while payment-service is down: $status"
local/shop.sh start payment-service
await_order_status "$waiting_order" CONFIRMED
await_number "carol's balance" 450.10 field_of http://localhost:8081/api/customers/carol balance
stage_done

stage "peak memory, stop"
total_kb=0
for part in "${PARTS[@]}"; do
  hwm_kb="$(awk '/^VmHWM:/ { print $2 }' "/proc/$(pid_of "$part")/status" 2>/dev/null || echo 0)"
  log "$(printf '%-18s peak RSS %5d MB' "$part" $(( hwm_kb / 1024 )))"
  total_kb=$(( total_kb + hwm_kb ))
done
log "$(printf '%-18s peak RSS %5d MB' "all seven" $(( total_kb / 1024 )))"
pids="$(for part in "${PARTS[@]}"; do pid_of "$part"; done)"
local/shop.sh stop
# gone, or a zombie waiting for its parent (init) to collect its exit status
gone() { ! kill -0 "$1" 2>/dev/null || [[ "$(ps -o stat= -p "$1" 2>/dev/null)" == *Z* ]]; }
for pid in $pids; do
  for _ in 1 2 3 4 5 6 7 8 9 10; do gone "$pid" && break; sleep 0.5; done
  gone "$pid" || fail "process $pid still runs after local/shop.sh stop: $(ps -o command= -p "$pid")"
done
status_table="$(local/shop.sh status)"
if grep -q -E ' (ready|starting) ' <<<"$status_table"; then fail "status should show every part stopped:"$'\n'"$status_table"; fi
stage_done

log "local smoke test passed"
