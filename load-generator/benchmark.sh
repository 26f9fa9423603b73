#!/usr/bin/env bash
# The series of docs/BENCHMARKS.md in one command: the shop started from its demo data with the
# benchmark's JVM settings, then three closed-loop runs (the first after a 60 s warm-up), a saturation
# curve, and the target's offered 1,000 orders/s. About 10 minutes on 2 cores; the results go to
# load-results/ (one JSON per run, SVG charts). Run it on a quiet machine: every figure is CPU-bound.
#
#   ./mvnw -B -DskipTests package && load-generator/benchmark.sh
#
# BENCHMARK_RATES changes the curve's rates, BENCHMARK_KEEP=1 leaves the shop running afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JAR=load-generator/target/load-generator-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || { echo "no $JAR: run ./mvnw -B -DskipTests package first" >&2; exit 1; }

# The services as local/shop.sh starts them, but with their per-event INFO lines off (8 % of a
# service's CPU, and a load test is not read line by line), and GreenMail, which keeps every mail in its
# heap until the generator empties it, with 256 MiB instead of 64.
export SHOP_SERVICE_JAVA_OPTS="${SHOP_SERVICE_JAVA_OPTS:--Xmx112m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss256k -XX:ReservedCodeCacheSize=32m -XX:MaxMetaspaceSize=160m -Dlogging.level.com.javadoor.shop=WARN}"
export SHOP_MAIL_JAVA_OPTS="${SHOP_MAIL_JAVA_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}"

# The generator shares the two cores with the shop: C1 only, as the shop, so its own JIT does not take
# them from the shop in the first minute.
generate() {
    java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$JAR" "$@"
}

local/shop.sh reset
# The class data sharing archives are recorded once a build, outside the start-up that is timed.
local/shop.sh prepare
started=$SECONDS
local/shop.sh start
echo "=== shop ready after $((SECONDS - started)) s"

echo "=== closed loop, 16 clients, three runs"
generate --rate=max --clients=16 --duration=20s --warmup=60s --drain=60s --settle=45s --raw-records=100000
for run in 2 3; do
    generate --rate=max --clients=16 --duration=20s --warmup=0s --drain=60s --settle=45s --raw-records=100000
done

echo "=== saturation curve, open loop"
generate --rate="${BENCHMARK_RATES:-50,100,150,200,250,300}" --duration=20s --warmup=0s --drain=30s --settle=30s \
    --pause=2s --raw-records=0

echo "=== the target's offered rate"
generate --rate=1000 --duration=20s --warmup=0s --drain=60s --settle=45s --raw-records=0

[ "${BENCHMARK_KEEP:-0}" = 1 ] || local/shop.sh stop
