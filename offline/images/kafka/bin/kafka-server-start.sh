#!/bin/sh
# Work-alike of Kafka's bin/kafka-server-start.sh: starts the broker/controller with the given
# server.properties, a 1 GB heap unless KAFKA_HEAP_OPTS says otherwise, and config/log4j2.yaml.
base_dir="$(cd "$(dirname "$0")/.." && pwd)"
[ $# -ge 1 ] || { echo "USAGE: $0 server.properties [--override property=value]*" >&2; exit 1; }
export KAFKA_LOG4J_OPTS="${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$base_dir/config/log4j2.yaml}"
export KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}"
exec "$base_dir/bin/kafka-run-class.sh" kafka.Kafka "$@"
