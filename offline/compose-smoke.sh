#!/usr/bin/env bash
# Proves docker-compose.yml end to end, as a user runs it: builds the images, starts the shop, drives
# it over REST and checks the outcome in the services and in the mails, then restarts it with
# payment-service scaled to three instances and checks that they share the work and one database.
#
#   offline/compose-smoke.sh        (from CI after the Maven build; on a machine of this kind run
#                                     offline/docker-engine.sh start first)
#
#   1. the service jars (./mvnw -DskipTests package when one is missing), the stand-in images of
#      offline/build-images.sh, then "docker-compose build"
#   2. up; all containers healthy, each service from its CDS archive; alice's keyboards -> CONFIRMED,
#      bob's monitor -> CANCELLED (he has 50.00); balances, stock, sales; the mails in GreenMail
#      (received + confirmed, cancelled); the H2 server has opened the four databases to compact them
#   3. down (volumes kept), up again without the override file and with 3 payment-service instances:
#      the first order and alice's balance survived; the payment-service group has 3 members with
#      one partition each; six orders of carol's are all confirmed and every instance reports the
#      same balance for her
#   4. down -v, also when a step failed (after printing the containers' state and logs)
#
# Compose project "kafka-shop" (SHOP_COMPOSE_PROJECT); "docker compose" when present, else
# docker-compose (SHOP_COMPOSE overrides). SHOP_SMOKE_SKIP_IMAGES=1 skips offline/build-images.sh.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/.." && pwd)"
cd "$REPO_ROOT"

PROJECT="${SHOP_COMPOSE_PROJECT:-kafka-shop}"
HEALTHY_TIMEOUT="${SHOP_SMOKE_HEALTHY_TIMEOUT:-480}"
ORDER_TIMEOUT="${SHOP_SMOKE_ORDER_TIMEOUT:-60}"
SERVICES=(order-service payment-service inventory-service email-service insights-service)

if [ -n "${SHOP_COMPOSE:-}" ]; then read -r -a COMPOSE_CMD <<<"$SHOP_COMPOSE"
elif docker compose version >/dev/null 2>&1; then COMPOSE_CMD=(docker compose)
else COMPOSE_CMD=(docker-compose); fi
# The classic builder where there is no BuildKit (buildx), as on these machines.
docker buildx version >/dev/null 2>&1 || export DOCKER_BUILDKIT=0

T_START=$(date +%s)
TIMINGS=()
log() { echo "[compose-smoke] $(date +%T) $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }
stage() { STAGE="$1"; STAGE_T0=$(date +%s); log "=== $1"; }
stage_done() { local s=$(( $(date +%s) - STAGE_T0 )); TIMINGS+=("$(printf '%-52s %4d s' "$STAGE" "$s")"); log "=== $STAGE: ${s} s"; }

compose() { "${COMPOSE_CMD[@]}" -p "$PROJECT" "$@"; }

teardown() {
  local rc=$?
  trap - EXIT
  if [ "$rc" -ne 0 ]; then
    log "--- state of the containers"
    compose -f docker-compose.yml ps || true
    log "--- last log lines of each container"
    compose -f docker-compose.yml logs --no-color --tail=60 || true
  fi
  log "=== down -v"
  compose -f docker-compose.yml -f docker-compose.override.yml down -v --remove-orphans >/dev/null 2>&1 \
    || log "warning: down -v failed; remove project '$PROJECT' by hand"
  if [ "${#TIMINGS[@]}" -gt 0 ]; then
    log "--- timings"
    printf '%s\n' "${TIMINGS[@]}" >&2
  fi
  log "total $(( $(date +%s) - T_START )) s: $([ "$rc" -eq 0 ] && echo PASSED || echo "FAILED (exit $rc)")"
  exit "$rc"
}

# --- helpers ------------------------------------------------------------------------------------------
# shellcheck source=offline/smoke-lib.sh
. "$HERE/smoke-lib.sh"

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Other builds on the machine may hold a port for a moment (tests pick free ports): wait a little.
await_free_ports() {
  local port deadline=$(( $(date +%s) + 120 ))
  for port in "$@"; do
    while port_in_use "$port"; do
      [ "$(date +%s)" -lt "$deadline" ] || fail "host port $port stays in use; the compose file needs it"
      log "host port $port is in use; waiting"; sleep 5
    done
  done
}

# Waits until every container of the project runs and is healthy; fails at once on one that exited
# or restarted. "unhealthy" only means slow here: on a busy machine a service can take longer than
# the healthcheck's start period, and Docker goes on checking it.
await_healthy() {
  local expected="$1" deadline=$(( $(date +%s) + HEALTHY_TIMEOUT )) ids states bad
  while :; do
    ids="$(compose -f docker-compose.yml ps -q)"
    states="$(for id in $ids; do docker inspect --format \
      '{{.Name}} {{.State.Status}} {{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}} {{.RestartCount}}' "$id"; done)"
    bad="$(awk '$2 == "exited" || $2 == "dead" || $4 > 0' <<<"$states")"
    [ -z "$bad" ] || fail "containers failed: $bad"
    if [ "$(grep -c ' running healthy ' <<<"$states")" -eq "$expected" ]; then
      log "all $expected containers healthy"; return 0
    fi
    [ "$(date +%s)" -lt "$deadline" ] || fail "not all healthy after ${HEALTHY_TIMEOUT} s:"$'\n'"$states"
    sleep 2
  done
}

# kafka_tool <script> <args...>: a Kafka command line tool inside the broker container
kafka_tool() {
  docker exec "$(compose -f docker-compose.yml ps -q kafka)" "/opt/kafka/bin/$1" --bootstrap-server localhost:9092 "${@:2}"
}

# in_container <container id> <port> <path>: GET from inside a container, for instances without a
# host port (bash's /dev/tcp: there is no curl in every base image)
in_container() {
  docker exec "$1" bash -c "exec 3<>/dev/tcp/127.0.0.1/$2 && printf 'GET $3 HTTP/1.0\r\n\r\n' >&3 && cat <&3"
}

balance_in() { in_container "$1" 8081 "/api/customers/$2" | json_field balance; }

# --- 1. build ------------------------------------------------------------------------------------------
docker info >/dev/null 2>&1 || fail "no Docker engine answers (offline/docker-engine.sh start)"
trap teardown EXIT

stage "service jars"
missing_jars=0
for s in "${SERVICES[@]}" h2-server; do
  compgen -G "$s/target/$s-*.jar" >/dev/null || missing_jars=1
done
if [ "$missing_jars" = 1 ]; then
  ./mvnw -B -ntp -DskipTests package
else
  log "jars present (./mvnw -DskipTests package builds them)"
fi
stage_done

if [ "${SHOP_SMOKE_SKIP_IMAGES:-0}" != 1 ]; then
  stage "stand-in images (offline/build-images.sh)"
  "$HERE/build-images.sh"
  stage_done
fi

# A previous run that was killed may have left its containers and volumes.
compose -f docker-compose.yml -f docker-compose.override.yml down -v --remove-orphans >/dev/null 2>&1 || true

stage "${COMPOSE_CMD[*]} build"
compose build
# the images these builds replaced, so that repeated runs do not fill the disk
docker image prune -f --filter label=com.javadoor.shop.image >/dev/null || true
stage_done

# --- 2. the two scenarios ---------------------------------------------------------------------------
stage "up, until 8 containers are healthy"
await_free_ports 8080 8081 8082 8083 8084 8025 3025 9094
compose up -d
await_healthy 8
stage_done

stage "every service started from its class data sharing archive"
for s in "${SERVICES[@]}"; do
  # asked of the JVM in the container, with the arguments and environment of the service (PID 1)
  archive_check_command < <(compose exec -T "$s" cat /proc/1/cmdline) \
    || fail "$s was not started with -XX:SharedArchiveFile and -jar"
  check_log="$(mktemp)"
  compose exec -T "$s" "${ARCHIVE_CHECK[@]}" >"$check_log" 2>&1 \
    || fail "$s cannot map its CDS archive: $(archive_check_reason "$check_log")"
  rm -f "$check_log"
done
stage_done

stage "orders: alice CONFIRMED, bob CANCELLED, mails"
topics="$(kafka_tool kafka-topics.sh --describe --topic orders)"
grep -q 'PartitionCount: *3' <<<"$topics" || fail "topic orders should have 3 partitions: $topics"
run_scenarios
stage_done

stage "the H2 server opened the databases the services created, to compact them"
h2_log="$(compose logs --no-color h2)"
for db in order-service/orders payment-service/payments inventory-service/inventory email-service/notifications; do
  grep -q "Compacting /data/$db.mv.db while it is open" <<<"$h2_log" \
    || fail "the h2 container does not compact /data/$db.mv.db"
done
stage_done

# --- 3. restart, scaled -----------------------------------------------------------------------------
stage "down, then up with 3 payment-service instances"
compose down
compose -f docker-compose.yml up -d --scale payment-service=3
await_healthy 10
stage_done

stage "scaled: data kept, group shared, one database"
await_order_status "$ALICE_ORDER" CONFIRMED
deadline=$(( $(date +%s) + 60 ))
while :; do
  # rows of members that own a partition: GROUP CONSUMER-ID HOST CLIENT-ID #PARTITIONS
  members="$(kafka_tool kafka-consumer-groups.sh --describe --group payment-service --members 2>/dev/null \
    | awk '$1 == "payment-service" && $NF ~ /^[0-9]+$/ && $NF > 0' || true)"
  [ "$(wc -l <<<"$members")" -eq 3 ] && [ -n "$members" ] && break
  [ "$(date +%s)" -lt "$deadline" ] || fail "payment-service group should have 3 members with a partition each:"$'\n'"$members"
  sleep 2
done
log "payment-service consumer group:"$'\n'"$members"
carol_orders=()
for _ in 1 2 3 4 5 6; do carol_orders+=("$(place_order carol keyboard 1 49.90)"); done
for id in "${carol_orders[@]}"; do await_order_status "$id" CONFIRMED; done
for id in $(compose -f docker-compose.yml ps -q payment-service); do
  name="$(docker inspect --format '{{.Name}}' "$id")"
  await_number "carol's balance seen by $name" 200.60 balance_in "$id" carol
  await_number "alice's balance seen by $name" 900.20 balance_in "$id" alice
done
stage_done

log "compose smoke test passed"
