# One image recipe for the services: docker build --build-arg SERVICE=payment-service .
# The jar is built on the host first (./mvnw -DskipTests package); the image only repackages it, so
# the build needs neither Maven nor the network, and what runs is exactly what the tests ran.
#
# Targets:
#   (default)  the service named by SERVICE
#   h2         the H2 database server the services share in docker-compose.yml (see there why),
#              from the h2-server module

# --- h2: the services' shared database server (first, so that building it needs no SERVICE) -------
# The h2-server module: H2's TCP server, with the compaction of its database files that H2 leaves
# undone with WRITE_DELAY=0 (h2-server's H2Server says why); the H2 it carries is the version the
# services connect with, both managed by Spring Boot.
FROM eclipse-temurin:17-jre AS h2
LABEL com.javadoor.shop.image="h2"
# Built by ./mvnw -DskipTests package with the services; where it is missing, Docker stops here with
# "no source files were specified".
COPY h2-server/target/h2-server-*.jar /opt/h2/h2-server.jar
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin h2 \
 && mkdir -p /data/order-service /data/payment-service /data/inventory-service /data/email-service \
 && chown -R h2 /data
USER h2
EXPOSE 9090
# -ifNotExists: a service creates its database on first connect, as it does with a local file. That
# lets anyone who reaches the port create databases, so the port stays on the compose network and
# is never published. A small heap: four small databases, mostly on disk.
CMD ["java", "-Xmx128m", "-XX:+UseSerialGC", "-jar", "/opt/h2/h2-server.jar", \
     "-tcp", "-tcpAllowOthers", "-tcpPort", "9090", "-ifNotExists", "-baseDir", "/data"]

# --- 1. split the executable jar into layers ----------------------------------------------------
FROM eclipse-temurin:17-jre AS layers
ARG SERVICE
# On every stage, so that "docker image prune --filter label=com.javadoor.shop.image" finds what
# rebuilds left behind (offline/compose-smoke.sh does).
LABEL com.javadoor.shop.image="layers"
WORKDIR /build
RUN test -n "$SERVICE" || { echo "name the service: --build-arg SERVICE=order-service (or payment-, inventory-, email-, insights-service)"; exit 1; }
# "no source files were specified" here: the jar is not built yet (./mvnw -DskipTests package).
COPY ${SERVICE}/target/${SERVICE}-*.jar app.jar
# Boot's own layering (layers.idx): libraries change rarely, the application on every build, so a
# rebuild after a code change only replaces the small last layers. Without --launcher: a plain
# app.jar whose manifest names its libraries in lib/, which class data sharing needs (below).
RUN java -Djarmode=tools -jar app.jar extract --layers --destination extracted

# --- the service (default target) ----------------------------------------------------------------
FROM eclipse-temurin:17-jre
ARG SERVICE
LABEL com.javadoor.shop.image="${SERVICE}"
# The jars stay owned by root, read-only for the service; it may write only to /tmp and data/ (the
# default H2 location, used when the database is not configured, as with a plain "docker run").
RUN useradd --uid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin app \
 && mkdir -p /app/data && chown app /app/data
WORKDIR /app
# Least to most often changed, each its own image layer.
COPY --from=layers /build/extracted/dependencies/ ./
COPY --from=layers /build/extracted/snapshot-dependencies/ ./
COPY --from=layers /build/extracted/application/ ./
# Sized for the container, not the host: the JVM reads the cgroup memory limit (mem_limit in
# docker-compose.yml) and takes half of it for the heap, leaving the other half for metaspace, code
# cache, thread stacks and direct buffers, which a Spring Boot service with Kafka clients needs
# about 150 MB of. Serial GC: one collector thread and the smallest footprint, right for a heap of a
# few hundred MB on a container with one or two CPUs (the JVM picks it there anyway; stated so it
# does not change with the host). Out of memory ends the process, so the restart policy brings up
# a clean one instead of leaving a half-working service. C1 only (TieredStopAtLevel=1), unlike
# local/shop.sh: with C2 the services' compilers take the two cores of a small machine while eight
# containers start, and compose was healthy after 70-79 s instead of 43-48 (docs/BENCHMARKS.md,
# "Start-up"), over the minute a first "docker compose up" should take. C2 more than doubles the
# orders a second, but only after minutes of load; drop the flag where a service has cores to spare
# or runs for hours. JAVA_TOOL_OPTIONS rather than arguments of the entry point, so compose or
# docker run can override them without a shell in between.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError"
# Class data sharing: a training run records the classes the service loads while it starts
# (spring.context.exit=onRefresh: the context is created, then the JVM exits before any listener,
# relay or web server starts, so it needs no broker and no database server), and every start maps
# them from app.jsa instead of reading and verifying each one: about half of a start on a small CPU
# (docs/BENCHMARKS.md). The training's scratch directory takes the database it creates. An archive
# the JVM cannot use costs the slower start and at most a warning in the log: options set through
# JAVA_TOOL_OPTIONS that change the object layout (-XX:-UseCompressedOops) make it unusable, without
# a warning (offline/compose-smoke.sh asks each container's JVM whether it can map its archive).
RUN scratch="$(mktemp -d)" && cd "$scratch" \
 && { java -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh \
        -Dspring.kafka.admin.auto-create=false -jar /app/app.jar >training.log 2>&1 \
      || { tail -n 40 training.log; exit 1; }; } \
 && test -s /app/app.jsa && cd / && rm -rf "$scratch"
USER app
# Exec form: java is PID 1 and gets the SIGTERM of "docker stop", so Spring shuts down gracefully
# (listeners stop, offsets are committed, the outbox relay finishes its batch).
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"]
