#!/bin/sh
# Work-alike of Kafka's bin/kafka-run-class.sh: runs a Kafka main class with the jars in ../libs and the
# usual environment knobs (KAFKA_HEAP_OPTS, KAFKA_JVM_PERFORMANCE_OPTS, KAFKA_GC_LOG_OPTS, KAFKA_JMX_OPTS,
# JMX_PORT, KAFKA_LOG4J_OPTS, KAFKA_OPTS, LOG_DIR, JAVA_HOME).
base_dir="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] || { echo "USAGE: $0 classname [opts]" >&2; exit 1; }

LOG_DIR="${LOG_DIR:-$base_dir/logs}"
mkdir -p "$LOG_DIR" 2>/dev/null || true
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx256M}"
KAFKA_JVM_PERFORMANCE_OPTS="${KAFKA_JVM_PERFORMANCE_OPTS:--server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true}"
KAFKA_LOG4J_OPTS="${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.yaml}"
if [ ! -e "$base_dir/config/tools-log4j2.yaml" ] && [ "$KAFKA_LOG4J_OPTS" = "-Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.yaml" ]; then
  KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=/etc/kafka/docker/tools-log4j2.yaml"
fi
if [ -n "${JMX_PORT:-}" ]; then
  KAFKA_JMX_OPTS="${KAFKA_JMX_OPTS:-} -Dcom.sun.management.jmxremote.port=$JMX_PORT"
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

# shellcheck disable=SC2086  # the *_OPTS variables hold several words
exec "$JAVA" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS ${KAFKA_GC_LOG_OPTS:-} ${KAFKA_JMX_OPTS:-} \
  $KAFKA_LOG4J_OPTS -Dkafka.logs.dir="$LOG_DIR" -cp "$base_dir/libs/*" ${KAFKA_OPTS:-} "$@"
