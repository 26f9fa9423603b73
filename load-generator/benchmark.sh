#!/usr/bin/env bash
# The series of docs/BENCHMARKS.md in one command: the shop started from its demo data with
# local/shop.sh's settings, warmed up until C2 has compiled its hot paths, then three closed-loop runs,
# a saturation curve, and the target's offered 1,000 orders/s. About 15 minutes on 2 cores; the results
# go to load-results/ (one JSON per run, SVG charts). Run it on a quiet machine: every figure is CPU-bound.
#
#   ./mvnw -B -DskipTests package && load-generator/benchmark.sh
#
# SHOP_PRESET=fast measures local/shop.sh's fast preset instead of the small one.
# BENCHMARK_WARMUP changes the warm-up (default 300s; 600s for the fast preset), BENCHMARK_RATES the curve's rates,
# BENCHMARK_PROFILE=cpu (or alloc) adds a closed-loop run with every JVM of the shop profiled,
# BENCHMARK_KEEP=1 leaves the shop running afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAR=load-generator/target/load-generator-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B -DskipTests package first" >&2; exit 1; }

# The shop as local/shop.sh starts it, JVM options and class data sharing archives included, but with
# the services' per-event INFO lines off (8 % of a service's CPU, and a load test is not read line by
# line): Spring Boot reads the logging level from this variable.
export LOGGING_LEVEL_COM_JAVADOOR_SHOP="${LOGGING_LEVEL_COM_JAVADOOR_SHOP:-WARN}"

# The generator shares the two cores with the shop: C1 only, so its own JIT takes nothing from the shop's
# compilers, and its work per order is small anyway (about 0.2 CPU-ms).
generate() {
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" "$@"
}

local/shop.sh reset
# The class data sharing archives are recorded once a build, outside the start-up that is timed.
local/shop.sh prepare
started=$SECONDS
local/shop.sh start
echo "=== shop ready after $((SECONDS - started)) s"

# The two JVMs that compile with C2 in the small preset (order-service and the broker) are close to their
# steady speed after five minutes of load; seven, in the fast preset, after ten (docs/BENCHMARKS.md,
# "The shop within 1.5 GiB at full speed"). What is measured below is that steady state.
warmup=300s
[ "${SHOP_PRESET:-}" = fast ] && warmup=600s
echo "=== warm-up, closed loop, 16 clients"
generate --rate=max --clients=16 --duration="${BENCHMARK_WARMUP:-$warmup}" --warmup=0s --drain=60s --settle=120s --raw-records=0

echo "=== closed loop, 16 clients, three runs"
for run in 1 2 3; do
    generate --rate=max --clients=16 --duration=20s --warmup=0s --drain=60s --settle=60s --raw-records=100000
done

echo "=== saturation curve, open loop"
generate --rate="${BENCHMARK_RATES:-100,200,400,600,800}" --duration=20s --warmup=0s --drain=30s --settle=60s \
    --pause=2s --raw-records=0

echo "=== the target's offered rate"
generate --rate=1000 --duration=20s --warmup=0s --drain=60s --settle=60s --raw-records=0

if [ -n "${BENCHMARK_PROFILE:-}" ]; then
    # Last, so that none of the figures above is measured with profilers in the shop's JVMs.
    echo "=== closed loop, every JVM profiled ($BENCHMARK_PROFILE)"
    generate --rate=max --clients=16 --duration=30s --warmup=0s --drain=60s --settle=60s --raw-records=0 \
        --profile="$BENCHMARK_PROFILE"
fi

# What the series left on disk: the services' H2 files (compacted as they go, docs/BENCHMARKS.md) and the
# broker's log, in MiB.
echo "=== on disk"
du -sm "${SHOP_LOCAL_DIR:-data/local}"/data/* "${SHOP_LOCAL_DIR:-data/local}"/kafka 2>/dev/null || true

[ "${BENCHMARK_KEEP:-0}" = 1 ] || local/shop.sh stop
