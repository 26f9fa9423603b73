#!/usr/bin/env bash
# The whole shop on this machine without Docker, each part its own process: a single-node Kafka
# broker (KRaft, broker and controller in one), GreenMail catching the mails, and the five services.
# Needs a JDK 17+ and bash; Kafka and GreenMail come from Maven Central through the Maven wrapper.
#
#   local/shop.sh start                  everything; builds what is missing, returns when all are ready
#   local/shop.sh stop                   everything (services first, the broker last)
#   local/shop.sh start|stop|restart payment-service ...    only those parts
#   local/shop.sh status                 what runs, its pid, memory and health
#   local/shop.sh logs order-service     follows one log
#   local/shop.sh reset                  stops everything and deletes the broker's and services' data
#   local/shop.sh prepare                builds what is missing and records the CDS archives, starts nothing
#
# Parts: kafka (localhost:9092), mail (SMTP localhost:3025, web and API http://localhost:8025),
# order-service (8080), payment-service (8081), inventory-service (8082), email-service (8083),
# insights-service (8084).
# The services run with their own defaults (application.yml): broker localhost:9092, SMTP
# localhost:3025, H2 files under ./data/<service>/ of their working directory, which is the state
# directory ./data/local/ (SHOP_LOCAL_DIR moves it). So everything a run keeps is there: logs/,
# pids/, the broker's kafka/ and the services' data/, and "reset" deletes just that.
# JVM options: SHOP_PRESET=small (the default: within 1.5 GiB) or fast (C2 everywhere, 2.0 GiB), or
# each part's own: SHOP_SERVICE_JAVA_OPTS, SHOP_ORDER_SERVICE_JAVA_OPTS and SHOP_INSIGHTS_SERVICE_JAVA_OPTS
# (added for those two), SHOP_KAFKA_JAVA_OPTS, SHOP_MAIL_JAVA_OPTS; every JVM trims its native heap
# every 10 s (SHOP_TRIM_INTERVAL_MS=0: not) and maps the JDK's class data sharing archive at its own
# address, so the seven share one copy (SHOP_CDS_FIXED_ADDRESS=0: each relocates its own). The
# services start with class data sharing, from an archive recorded after each build (SHOP_CDS=0: without).
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

STATE_DIR="${SHOP_LOCAL_DIR:-data/local}"
[[ $STATE_DIR == /* ]] || STATE_DIR="$REPO_ROOT/$STATE_DIR"
LOG_DIR="$STATE_DIR/logs"
PID_DIR="$STATE_DIR/pids"
KAFKA_DIR="$STATE_DIR/kafka"
LIB_DIR="$REPO_ROOT/local/target"
VERSION="0.1.0-SNAPSHOT"
SERVICES=(order-service payment-service inventory-service email-service insights-service)
PARTS=(kafka mail "${SERVICES[@]}")
# Two sets of JVM settings for the seven JVMs on a 2-core machine (docs/BENCHMARKS.md, "The shop within
# 1.5 GiB at full speed"); SHOP_PRESET picks one, and each SHOP_*_JAVA_OPTS replaces a part of it.
#  small (the default): within 1.5 GiB together under full load. Small heaps, and the optimising JIT
#    compiler (C2) only in order-service (the REST edge) and the broker, whose work is done once per
#    request and which C2 makes more than twice as fast; the other services and GreenMail run C1 only
#    (-XX:TieredStopAtLevel=1), each of them some 50 MiB smaller for it, and spending 60-95 % more CPU
#    an order: 0.8 CPU-ms an order more over the five.
#  fast: C2 everywhere and larger heaps: about a quarter more orders a second, at 2.0 GiB.
# A service that runs out of heap exits, and "status" shows it down, rather than living on with a
# listener that died of it. order-service's and insights-service's options are added after the
# services' own, so theirs win: order-service holds the connections of the REST edge, hundreds of them
# under overload, and its C2 code needs a larger code cache; insights-service keeps the history of the
# last 10,000 orders in its heap (44 MiB live after a load test; it ran out of a 72 MiB heap). GreenMail
# keeps every mail in its heap until someone deletes them (the load generator does, every 5 s).
PRESET="${SHOP_PRESET:-small}"
case "$PRESET" in
  small)
    DEFAULT_SERVICE_JAVA_OPTS="-Xmx72m -XX:+UseSerialGC -Xss256k -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=160m -XX:+ExitOnOutOfMemoryError"
    DEFAULT_ORDER_SERVICE_JAVA_OPTS="-Xmx112m -XX:TieredStopAtLevel=4 -XX:ReservedCodeCacheSize=64m"
    DEFAULT_INSIGHTS_SERVICE_JAVA_OPTS="-Xmx80m"
    DEFAULT_KAFKA_JAVA_OPTS="-Xmx96m -Xms96m -XX:+UseSerialGC -Xss256k"
    DEFAULT_MAIL_JAVA_OPTS="-Xmx48m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"
    ;;
  fast)
    # C2's code needs room: up to 37 MiB of code cache after ten minutes of load.
    DEFAULT_SERVICE_JAVA_OPTS="-Xmx112m -XX:+UseSerialGC -Xss256k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -XX:+ExitOnOutOfMemoryError"
    # at 112 MiB, order-service spent a sixth of an overloaded run in full collections
    DEFAULT_ORDER_SERVICE_JAVA_OPTS="-Xmx192m"
    DEFAULT_INSIGHTS_SERVICE_JAVA_OPTS="-Xmx112m"
    DEFAULT_KAFKA_JAVA_OPTS="-Xmx128m -Xms128m -XX:+UseSerialGC -Xss256k"
    DEFAULT_MAIL_JAVA_OPTS="-Xmx128m -XX:+UseSerialGC"
    ;;
  *) echo "[shop] ERROR: SHOP_PRESET is '$PRESET'; it is one of: small, fast" >&2; exit 1 ;;
esac
SERVICE_JAVA_OPTS="${SHOP_SERVICE_JAVA_OPTS:-$DEFAULT_SERVICE_JAVA_OPTS}"
ORDER_SERVICE_JAVA_OPTS="${SHOP_ORDER_SERVICE_JAVA_OPTS:-$DEFAULT_ORDER_SERVICE_JAVA_OPTS}"
INSIGHTS_SERVICE_JAVA_OPTS="${SHOP_INSIGHTS_SERVICE_JAVA_OPTS:-$DEFAULT_INSIGHTS_SERVICE_JAVA_OPTS}"
KAFKA_JAVA_OPTS="${SHOP_KAFKA_JAVA_OPTS:-$DEFAULT_KAFKA_JAVA_OPTS}"
MAIL_JAVA_OPTS="${SHOP_MAIL_JAVA_OPTS:-$DEFAULT_MAIL_JAVA_OPTS}"
# glibc's malloc keeps up to 8 arenas per core for a JVM's many threads; two are enough here, and the
# others are resident memory for nothing.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# Every 10 s each JVM gives back what its native heap has freed. glibc keeps freed memory for the
# process to reuse, and the JIT compilers free tens of MiB at a time: one trim took 25-41 MiB from each
# JVM after a load test, 220 MiB over the seven (docs/BENCHMARKS.md, "Memory"). In every JVM, whatever
# SHOP_*_JAVA_OPTS say; SHOP_TRIM_INTERVAL_MS=0 turns it off, and a JDK without the option (older
# updates of 17) runs without it.
TRIM_INTERVAL_MS="${SHOP_TRIM_INTERVAL_MS:-10000}"
# Every JVM maps the JDK's own class data sharing archive (lib/server/classes.jsa, 12 MiB). Since 17.0.x
# (and 20) the JVM maps it at a random address by default and rewrites its pointers, which makes every
# page of it private to the process: 10 MiB in each of the seven. Mapped at the address it was made for,
# it needs no rewriting and the seven JVMs share most of its pages (5.4 MiB of it each, measured). The
# price is that this archive's address is the same in every run, one region fewer that address space
# layout randomisation moves: fine for a shop on a laptop, a choice to make for production.
# SHOP_CDS_FIXED_ADDRESS=0 leaves the JDK's default.
CDS_FIXED_ADDRESS="${SHOP_CDS_FIXED_ADDRESS:-1}"
# Fixed, so the broker's storage (formatted once, with this id) stays valid across runs.
KAFKA_CLUSTER_ID="Wt1QvKhuSh2y8yYcP6ZbXA"
READY_TIMEOUT="${SHOP_READY_TIMEOUT:-120}"

JAVA="java"
[ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && JAVA="$JAVA_HOME/bin/java"

log() { echo "[shop] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

port_of() {
  case "$1" in
    kafka) echo 9092 ;; mail) echo 8025 ;;
    order-service) echo 8080 ;; payment-service) echo 8081 ;;
    inventory-service) echo 8082 ;; email-service) echo 8083 ;; insights-service) echo 8084 ;;
    *) die "unknown part '$1' (one of: ${PARTS[*]})" ;;
  esac
}

is_service() { case " ${SERVICES[*]} " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }

# --- processes ------------------------------------------------------------------------------------
# Every process carries -Dkafka-shop.part=<name>, so a pid file that outlived its process (and a pid
# the system gave to something else since) is never mistaken for the part.
pid_of() {
  local pid command
  [ -f "$PID_DIR/$1.pid" ] || return 1
  pid="$(cat "$PID_DIR/$1.pid")"
  command="$(ps -ww -o command= -p "$pid" 2>/dev/null)" || return 1
  [[ $command == *"-Dkafka-shop.part=$1 "* ]] || return 1
  echo "$pid"
}

running() { pid_of "$1" >/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# http_ok <port> <path>: a GET answered with 200, with nothing but bash (no curl needed)
http_ok() {
  local status
  (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\n\r\n' "$2" >&3 && read -r status <&3 \
    && [[ $status == *" 200 "* ]]) 2>/dev/null
}

ready() {
  case "$1" in
    kafka) port_open 9092 ;;  # the broker opens its listener once it can serve
    mail) http_ok 8025 /api/service/readiness ;;
    *) http_ok "$(port_of "$1")" /actuator/health ;;
  esac
}

# The options every JVM gets (native heap trimming, the JDK's archive at its own address), each if this
# JDK has it: asked once, before the first launch or training run.
set_jvm_wide_options() {
  JVM_WIDE_OPTIONS=""
  if [ "$TRIM_INTERVAL_MS" != 0 ] \
      && "$JAVA" -XX:TrimNativeHeapInterval="$TRIM_INTERVAL_MS" -version >/dev/null 2>&1; then
    JVM_WIDE_OPTIONS="-XX:TrimNativeHeapInterval=$TRIM_INTERVAL_MS"
  fi
  local fixed="-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
  # shellcheck disable=SC2086  # two options
  if [ "$CDS_FIXED_ADDRESS" != 0 ] && "$JAVA" $fixed -version >/dev/null 2>&1; then
    JVM_WIDE_OPTIONS="$JVM_WIDE_OPTIONS $fixed"
  fi
}

# launch <part> <java arguments...>: starts the JVM in the state directory, detached from this
# shell, output to its log
launch() {
  local part="$1"; shift
  local port; port="$(port_of "$part")"
  ! port_open "$port" || die "port $port is taken by another program; $part needs it"
  mkdir -p "$LOG_DIR" "$PID_DIR"
  echo "=== $(date '+%Y-%m-%d %H:%M:%S') start" >>"$LOG_DIR/$part.log"
  # its own session (setsid where there is one), so a Ctrl-C in this terminal later does not reach it
  local detach=nohup
  command -v setsid >/dev/null 2>&1 && detach=setsid
  [ -n "${JVM_WIDE_OPTIONS+set}" ] || set_jvm_wide_options
  # shellcheck disable=SC2086  # empty or several words
  (cd "$STATE_DIR" && exec "$detach" "$JAVA" "-Dkafka-shop.part=$part" $JVM_WIDE_OPTIONS "$@") \
    >>"$LOG_DIR/$part.log" 2>&1 </dev/null &
  echo $! >"$PID_DIR/$part.pid"
}

# await_ready <part>...: until each is ready; stops at the first one whose process ended
await_ready() {
  local deadline=$(( $(date +%s) + READY_TIMEOUT )) waiting part
  while :; do
    waiting=""
    for part in "$@"; do
      running "$part" || { tail -n 30 "$LOG_DIR/$part.log" >&2; die "$part ended during start-up; log: $LOG_DIR/$part.log"; }
      ready "$part" || waiting="$waiting $part"
    done
    [ -n "$waiting" ] || return 0
    [ "$(date +%s)" -lt "$deadline" ] || die "not ready after ${READY_TIMEOUT} s:$waiting (logs in $LOG_DIR)"
    sleep 0.5
  done
}

# --- what each part needs -------------------------------------------------------------------------
require_libs() {
  if [ ! -f "$LIB_DIR/greenmail/greenmail-standalone.jar" ] || [ ! -f "$LIB_DIR/kafka/kafka_2.13-4.1.2.jar" ]; then
    log "fetching Kafka and GreenMail from Maven Central (once)"
    ./mvnw -B -q -ntp -f local/pom.xml package || die "./mvnw -f local/pom.xml package failed"
  fi
}

service_jar() { echo "$REPO_ROOT/$1/target/$1-$VERSION.jar"; }

# --- class data sharing ---------------------------------------------------------------------------
# A service starts from its jar unpacked (Boot's "extract") with a CDS archive of the classes its
# start-up loads: the JVM maps them from the archive instead of finding, parsing and verifying each
# one in a jar nested in the jar. Five services starting together on two cores are CPU-bound, and
# that is about two thirds of each one's start-up CPU (docs/BENCHMARKS.md). The archive is made by a training
# run once per build: Spring creates the application context and exits before anything connects
# (spring.context.exit=onRefresh). SHOP_CDS=0 starts the plain executable jars instead.
CDS="${SHOP_CDS:-1}"

cds_dir() { echo "$REPO_ROOT/$1/target/cds"; }

# The JVM uses an archive only with the class path, the JVM build and the options it was made with;
# any other starts without it, slowly, with a warning in its log at most. So a new build, another JDK
# or other JVM options (system properties aside) train again.
cds_stamp() {
  "$JAVA" -version 2>&1
  # shellcheck disable=SC2086  # one option a line
  printf '%s\n' $SERVICE_JAVA_OPTS | grep -v '^-D' || true
}

# cds_current <service> <stamp>
cds_current() {
  local dir; dir="$(cds_dir "$1")"
  [ -f "$dir/$1.jsa" ] && [ "$dir/$1.jsa" -nt "$(service_jar "$1")" ] \
    && [ "$2" = "$(cat "$dir/stamp" 2>/dev/null)" ]
}

# train_cds <service> <stamp>: unpacks the jar and records the archive, in a scratch directory (the training
# run creates its database like a real start). A service whose training fails starts from its jar.
train_cds() {
  local service="$1" stamp="$2" dir work
  dir="$(cds_dir "$service")"
  work="$(mktemp -d)"
  rm -rf "$dir"
  # shellcheck disable=SC2086
  if "$JAVA" -Djarmode=tools -jar "$(service_jar "$service")" extract --destination "$dir" >"$work/training.log" 2>&1 \
      && (cd "$work" && exec "$JAVA" $SERVICE_JAVA_OPTS $JVM_WIDE_OPTIONS -XX:ArchiveClassesAtExit="$dir/$service.jsa" \
        -Dspring.context.exit=onRefresh -Dspring.kafka.admin.auto-create=false -jar "$dir/$service-$VERSION.jar") \
        >>"$work/training.log" 2>&1 \
      && [ -f "$dir/$service.jsa" ]; then
    echo "$stamp" >"$dir/stamp"
    mv "$work/training.log" "$dir/training.log"
  else
    rm -rf "$dir"
    mv "$work/training.log" "$REPO_ROOT/$service/target/cds-training.log"
    log "warning: no CDS archive for $service, it starts from its jar ($service/target/cds-training.log)"
  fi
  rm -rf "$work"
}

require_cds() {
  [ "$CDS" = 1 ] || return 0
  local service stamp pending=()
  stamp="$(cds_stamp)"
  # a running service keeps its archive: training replaces the unpacked jars it is loading classes from
  for service in "$@"; do
    running "$service" || cds_current "$service" "$stamp" || pending+=("$service")
  done
  [ ${#pending[@]} -gt 0 ] || return 0
  log "recording class data sharing archives for ${pending[*]} (once a build, about a minute)"
  [ -n "${JVM_WIDE_OPTIONS+set}" ] || set_jvm_wide_options
  for service in "${pending[@]}"; do train_cds "$service" "$stamp" & done
  wait
}

# service_command <service>: the java arguments that start it, into the array SERVICE_COMMAND
service_command() {
  local dir; dir="$(cds_dir "$1")"
  if [ "$CDS" = 1 ] && [ -f "$dir/$1.jsa" ]; then
    SERVICE_COMMAND=(-XX:SharedArchiveFile="$dir/$1.jsa" -jar "$dir/$1-$VERSION.jar")
  else
    SERVICE_COMMAND=(-jar "$(service_jar "$1")")
  fi
}

require_jars() {
  local service
  for service in "$@"; do
    if [ ! -f "$(service_jar "$service")" ]; then
      log "building the services (./mvnw -DskipTests package)"
      ./mvnw -B -q -ntp -DskipTests package || die "the build failed"
      return
    fi
  done
}

write_kafka_config() {
  local data
  mkdir -p "$KAFKA_DIR/data" "$LOG_DIR"
  data="$(cd "$KAFKA_DIR/data" && pwd)"
  cat >"$KAFKA_DIR/server.properties" <<EOF
# Written by local/shop.sh on every start of the broker.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=PLAINTEXT://localhost:9092,CONTROLLER://localhost:9093
advertised.listeners=PLAINTEXT://localhost:9092
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$data
# one broker: internal topics cannot have more than one replica
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
# the services create their topics with 3 partitions; a topic created by accident would have 1
auto.create.topics.enable=false
group.initial.rebalance.delay.ms=0
# the log cleaner's buffer for compacted topics (__consumer_offsets, product-sales, changelogs), which
# are small here: Kafka's default of 128 MiB is more than the broker's heap. 8 MiB holds some 300,000
# keys; a log with more is cleaned in several passes.
log.cleaner.dedupe.buffer.size=8388608
EOF
  cat >"$KAFKA_DIR/log4j2.yaml" <<'EOF'
Configuration:
  Appenders:
    Console:
      name: STDOUT
      PatternLayout:
        pattern: "[%d] %p %m (%c)%n"
  Loggers:
    Root:
      level: INFO
      AppenderRef:
        - ref: STDOUT
    Logger:
      - name: kafka.request.logger
        level: WARN
EOF
}

start_part() {
  local part="$1"
  if running "$part"; then log "$part is already running (pid $(pid_of "$part"))"; return 0; fi
  case "$part" in
    kafka)
      write_kafka_config
      if [ ! -f "$KAFKA_DIR/data/meta.properties" ]; then
        # KRaft storage is formatted once, with the cluster id; later starts find it formatted.
        "$JAVA" -Xmx128m -XX:TieredStopAtLevel=1 -cp "$LIB_DIR/kafka/*" \
          -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.yaml" kafka.tools.StorageTool format \
          -t "$KAFKA_CLUSTER_ID" -c "$KAFKA_DIR/server.properties" >>"$LOG_DIR/kafka.log" 2>&1 \
          || die "formatting the broker's storage failed; see $LOG_DIR/kafka.log"
      fi
      # shellcheck disable=SC2086  # the options are several words
      launch kafka $KAFKA_JAVA_OPTS -cp "$LIB_DIR/kafka/*" \
        -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.yaml" -Dkafka.logs.dir="$LOG_DIR" \
        kafka.Kafka "$KAFKA_DIR/server.properties"
      ;;
    mail)
      # SMTP on 3025 (what email-service sends to) and the web page and REST API on 8025, on
      # localhost only, any recipient accepted. A start-up timeout above GreenMail's 2 s, which a
      # busy machine can miss (the server then fails to start but the process lives on). The stream
      # provider named, as email-service does: Jakarta Mail otherwise looks it up with a ServiceLoader
      # scan of the class path for every mail it parses, a third of GreenMail's CPU (docs/BENCHMARKS.md).
      # shellcheck disable=SC2086
      launch mail $MAIL_JAVA_OPTS -Dgreenmail.setup.test.smtp -Dgreenmail.hostname=127.0.0.1 \
        -Dgreenmail.api.port=8025 -Dgreenmail.auth.disabled -Dgreenmail.startup.timeout=30000 \
        -Djakarta.mail.util.StreamProvider=org.eclipse.angus.mail.util.MailStreamProvider \
        -jar "$LIB_DIR/greenmail/greenmail-standalone.jar"
      ;;
    *)
      local extra=""
      case "$part" in
        order-service) extra="$ORDER_SERVICE_JAVA_OPTS" ;;
        insights-service) extra="$INSIGHTS_SERVICE_JAVA_OPTS" ;;
      esac
      service_command "$part"
      # shellcheck disable=SC2086
      launch "$part" $SERVICE_JAVA_OPTS $extra "${SERVICE_COMMAND[@]}"
      ;;
  esac
  log "started $part (pid $(cat "$PID_DIR/$part.pid")), log: $LOG_DIR/$part.log"
}

stop_part() {
  local part="$1" pid
  port_of "$part" >/dev/null
  if ! pid="$(pid_of "$part")"; then
    rm -f "$PID_DIR/$part.pid"; log "$part is not running"; return 0
  fi
  kill -TERM "$pid" 2>/dev/null || true
  # graceful: the services finish the records in hand and commit their offsets
  for _ in $(seq 1 60); do
    running "$part" || break
    sleep 0.5
  done
  if running "$part"; then
    log "$part (pid $pid) did not stop within 30 s; killing it"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_DIR/$part.pid"
  log "stopped $part"
}

# --- commands --------------------------------------------------------------------------------------
start_all() {
  local t0 s
  t0=$(date +%s)
  require_libs
  require_jars "${SERVICES[@]}"
  require_cds "${SERVICES[@]}"
  # The services create their topics when they start, so the broker must be there first; the mail
  # server starts alongside it.
  start_part kafka
  start_part mail
  await_ready kafka
  log "kafka ready after $(( $(date +%s) - t0 )) s; starting the services"
  for s in "${SERVICES[@]}"; do start_part "$s"; done
  await_ready mail "${SERVICES[@]}"
  log "the shop is ready after $(( $(date +%s) - t0 )) s"
  print_help
}

start_some() {
  local part
  require_libs
  for part in "$@"; do
    port_of "$part" >/dev/null
    if is_service "$part"; then
      require_jars "$part"
      require_cds "$part"
      running kafka || log "warning: kafka is not running; $part needs it (local/shop.sh start kafka)"
    fi
  done
  for part in "$@"; do start_part "$part"; done
  await_ready "$@"
  log "ready: $*"
}

stop_parts() {
  local part
  for part in "$@"; do stop_part "$part"; done
}

status() {
  local part pid state rss
  printf '%-18s %-8s %-9s %-8s %s\n' PART PID STATE RSS ADDRESS
  for part in "${PARTS[@]}"; do
    if pid="$(pid_of "$part")"; then
      if ready "$part"; then state=ready; else state=starting; fi
      rss="$(( $(ps -o rss= -p "$pid" | tr -d ' ') / 1024 ))M"
    else
      pid="-"; state=stopped; rss="-"
    fi
    printf '%-18s %-8s %-9s %-8s %s\n' "$part" "$pid" "$state" "$rss" "$(address_of "$part")"
  done
}

address_of() {
  case "$1" in
    kafka) echo "localhost:9092" ;;
    mail) echo "http://localhost:8025 (SMTP localhost:3025)" ;;
    *) echo "http://localhost:$(port_of "$1")" ;;
  esac
}

print_help() {
  cat <<EOF

  Mails the shop sent:  http://localhost:8025  (GreenMail; API: /api/user/alice@example.com/messages/INBOX)
  Place an order:
    curl -si localhost:8080/api/orders -H 'Content-Type: application/json' -d '{
      "customerId": "alice", "customerEmail": "alice@example.com", "currency": "EUR",
      "items": [{"productId": "keyboard", "quantity": 2, "unitPrice": "49.90"}]}'
  Follow it:            curl -s localhost:8080/api/orders/<id>
  Balance, stock:       curl -s localhost:8081/api/customers/alice ; curl -s localhost:8082/api/products/keyboard
  Mails sent, by order: curl -s 'localhost:8083/api/notifications?orderId=<id>'
  Sales, activity:      curl -s localhost:8084/api/sales ; curl -s localhost:8084/api/activity
  Kafka:                localhost:9092
  Manage:               local/shop.sh status | stop [part] | start <part> | logs <part>   (logs in $LOG_DIR)

EOF
}

reset() {
  stop_parts "${SERVICES[@]}" mail kafka
  # only what this script puts there, whatever SHOP_LOCAL_DIR points at
  rm -rf "$LOG_DIR" "$PID_DIR" "$KAFKA_DIR" "$STATE_DIR/data"
  rmdir "$STATE_DIR" 2>/dev/null || true
  log "deleted $STATE_DIR (the broker's topics, the services' databases, logs); the next start begins from the demo data"
}

command="${1:-}"
[ $# -eq 0 ] || shift
case "$command" in
  start) if [ $# -eq 0 ]; then start_all; else start_some "$@"; fi ;;
  # the order matters: services first, so they stop while the broker can still take their offsets
  stop) if [ $# -eq 0 ]; then stop_parts "${SERVICES[@]}" mail kafka; else stop_parts "$@"; fi ;;
  restart) [ $# -gt 0 ] || die "restart needs the parts to restart"; stop_parts "$@"; start_some "$@" ;;
  status) status ;;
  logs) [ $# -eq 1 ] || die "logs needs one part"; port_of "$1" >/dev/null; exec tail -n 100 -f "$LOG_DIR/$1.log" ;;
  reset) reset ;;
  prepare) require_libs; require_jars "${SERVICES[@]}"; require_cds "${SERVICES[@]}" ;;
  *) sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
