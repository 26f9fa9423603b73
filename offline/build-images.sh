#!/usr/bin/env bash
# Builds, without any container registry, local images that stand in for the public images the
# project uses, under the same names, so Testcontainers and docker-compose files work unchanged:
#
#   eclipse-temurin:17-jre          Debian bookworm minbase + openjdk-17-jre-headless (debootstrap)
#   apache/kafka:4.1.2              Kafka jars from Maven Central + entry script honouring the official contract
#   greenmail/standalone:2.1.13     GreenMail standalone jar from Maven Central (SMTP 3025, HTTP API 8080)
#
# Usage:  offline/build-images.sh [all|base|kafka|greenmail]...     (default: all)
# Needs:  root (debootstrap, chroot), a running dockerd (offline/docker-engine.sh start), Maven, JDK 17,
#         and the Debian mirror that apt uses. Images are built with the classic builder and --network none.
# Cache:  $SHOP_OFFLINE_CACHE (default /var/cache/shop-offline): the root file system tarball and the jars,
#         so a second run only rebuilds what is missing (set SHOP_OFFLINE_REBUILD=1 to rebuild anyway).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$HERE/.." && pwd)"
CACHE_DIR="${SHOP_OFFLINE_CACHE:-/var/cache/shop-offline}"
REBUILD="${SHOP_OFFLINE_REBUILD:-0}"

BASE_IMAGE="eclipse-temurin:17-jre"
KAFKA_VERSION="4.1.2"
KAFKA_IMAGE="apache/kafka:${KAFKA_VERSION}"
GREENMAIL_VERSION="2.1.13"
GREENMAIL_IMAGE="greenmail/standalone:${GREENMAIL_VERSION}"

# Bump when the root file system recipe below changes (it names the cached tarball).
ROOTFS_RECIPE="v2"
ROOTFS_PACKAGES="openjdk-17-jre-headless ca-certificates curl"

export DOCKER_BUILDKIT=0

log() { echo "[build-images] $*" >&2; }
die() { log "ERROR: $*"; exit 1; }

step_start() { STEP_T0=$(date +%s); log "=== $1"; }
step_end() { log "=== $1 done in $(( $(date +%s) - STEP_T0 )) s"; }

mvn_cmd() {
  if command -v mvn >/dev/null 2>&1; then mvn "$@"
  elif [ -x "$REPO_ROOT/mvnw" ]; then "$REPO_ROOT/mvnw" "$@"
  else die "neither mvn nor $REPO_ROOT/mvnw found"; fi
}

image_label() {  # image label -> value (empty if image or label missing)
  docker image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true
}

# Hash of the files an image is built from (its recipe), stored as a label to skip unchanged rebuilds.
recipe_hash() { (cd "$1" && find . -type f ! -path './target/*' -print0 | sort -z | xargs -0 sha256sum; echo "$2") | sha256sum | cut -c1-16; }

# --- Debian mirror -------------------------------------------------------------------------------
# Prints "URI SUITE" for each enabled deb entry of apt's sources (one-line and deb822 formats).
apt_sources() {
  local f
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
    [ -f "$f" ] || continue
    awk '$1 == "deb" { i = 2; if ($i ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ } if (i < NF) print $i, $(i+1) }' "$f"
  done
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    awk 'function flush() {
           if (types ~ /(^|[ \t])deb([ \t]|$)/ && enabled != "no") {
             n = split(uris, U, " "); m = split(suites, S, " ")
             for (a = 1; a <= n; a++) for (b = 1; b <= m; b++) print U[a], S[b]
           }
           types = uris = suites = ""; enabled = "yes"
         }
         BEGIN { enabled = "yes" }
         /^[ \t]*#/ { next }
         /^[ \t]*$/ { flush(); next }
         { key = tolower($1); $1 = "" }
         key == "types:" { types = $0 } key == "uris:" { uris = $0 } key == "suites:" { suites = $0 }
         key == "enabled:" { enabled = tolower($2) }
         END { flush() }' "$f"
  done
}

mirror_for_suite() { apt_sources | awk -v s="$1" '$2 == s { print $1; exit }'; }

# --- base image: eclipse-temurin:17-jre ------------------------------------------------------------
build_rootfs() {
  local codename="$1" tarball="$2"
  local mirror security root="$CACHE_DIR/rootfs-work"
  mirror="${SHOP_DEBIAN_MIRROR:-$(mirror_for_suite "$codename")}"
  [ -n "$mirror" ] || die "no Debian mirror for '$codename' in /etc/apt/sources.list*; set SHOP_DEBIAN_MIRROR"
  security="${SHOP_DEBIAN_SECURITY_MIRROR:-$(mirror_for_suite "$codename-security")}"
  command -v debootstrap >/dev/null 2>&1 || die "debootstrap missing (offline/docker-engine.sh start installs it)"

  cleanup_rootfs_mounts "$root"
  rm -rf "$root"; mkdir -p "$root"
  step_start "debootstrap --variant=minbase $codename from $mirror"
  debootstrap --variant=minbase "$codename" "$root" "$mirror" >"$CACHE_DIR/debootstrap.log" 2>&1 \
    || { tail -n 30 "$CACHE_DIR/debootstrap.log" >&2; die "debootstrap failed (log: $CACHE_DIR/debootstrap.log)"; }
  step_end "debootstrap"

  step_start "chroot: apt-get install $ROOTFS_PACKAGES"
  {
    echo "deb $mirror $codename main"
    echo "deb $mirror $codename-updates main"
    [ -n "$security" ] && echo "deb $security $codename-security main"
  } >"$root/etc/apt/sources.list"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
  mount -t proc proc "$root/proc"
  mount --bind /dev "$root/dev"
  # shellcheck disable=SC2064  # $root is expanded now on purpose (it is a local variable)
  trap "cleanup_rootfs_mounts '$root'" EXIT
  chroot "$root" /usr/bin/env DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 /bin/sh -euc "
    apt-get update -q
    apt-get install -y -q --no-install-recommends $ROOTFS_PACKAGES
    apt-get clean
    rm -rf /var/lib/apt/lists/* /var/cache/apt/*.bin /var/log/*.log /var/log/apt/* /usr/share/doc/* /usr/share/man/*
    # Same JAVA_HOME as the public eclipse-temurin images.
    mkdir -p /opt/java
    ln -s \"\$(dirname \"\$(dirname \"\$(readlink -f /usr/bin/java)\")\")\" /opt/java/openjdk
    /opt/java/openjdk/bin/java -version
    rm -rf /tmp/* /tmp/.[!.]*
  " >"$CACHE_DIR/chroot-install.log" 2>&1 \
    || { tail -n 30 "$CACHE_DIR/chroot-install.log" >&2; die "package install in chroot failed (log: $CACHE_DIR/chroot-install.log)"; }
  cleanup_rootfs_mounts "$root"; trap - EXIT
  : >"$root/etc/resolv.conf"; rm -f "$root/etc/hostname"
  step_end "chroot install"

  step_start "tar root file system"
  tar -C "$root" --numeric-owner -cf "$tarball.tmp" .
  mv "$tarball.tmp" "$tarball"
  rm -rf "$root"
  step_end "tar"
}

cleanup_rootfs_mounts() {
  local root="$1" m
  for m in "$root/dev" "$root/proc"; do
    if mountpoint -q "$m" 2>/dev/null; then umount "$m" || umount -l "$m"; fi
  done
}

build_base() {
  local codename tarball key
  codename="$(. /etc/os-release && echo "${VERSION_CODENAME:-bookworm}")"
  tarball="$CACHE_DIR/rootfs-$codename-minbase-jre17-$ROOTFS_RECIPE.tar"
  mkdir -p "$CACHE_DIR"
  if [ "$REBUILD" = 1 ] || [ ! -s "$tarball" ]; then
    build_rootfs "$codename" "$tarball"
    find "$CACHE_DIR" -maxdepth 1 -name 'rootfs-*.tar' ! -name "$(basename "$tarball")" -delete
  else
    log "root file system cached: $tarball"
  fi
  key="$(basename "$tarball")-$(stat -c %s-%Y "$tarball")"
  if [ "$REBUILD" != 1 ] && [ "$(image_label "$BASE_IMAGE" org.shop.offline.recipe)" = "$key" ]; then
    log "$BASE_IMAGE is up to date"; return 0
  fi
  step_start "docker import $BASE_IMAGE"
  docker import \
    --change 'ENV JAVA_HOME=/opt/java/openjdk' \
    --change 'ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'CMD ["/bin/bash"]' \
    --change "LABEL org.shop.offline.recipe=$key" \
    --change "LABEL org.shop.offline.stands-in-for=$BASE_IMAGE" \
    --message "offline stand-in for $BASE_IMAGE: Debian $codename minbase + $ROOTFS_PACKAGES" \
    "$tarball" "$BASE_IMAGE" >/dev/null
  docker run --rm --network none "$BASE_IMAGE" sh -c 'java -version 2>&1 | head -1'
  step_end "docker import $BASE_IMAGE"
}

# --- jars from Maven Central ----------------------------------------------------------------------
# fetch_jars <pom dir> <output dir> <mvn args...>: mvn dependency:copy-dependencies into <output dir>,
# kept as a cache (marked complete by a stamp file naming the arguments).
fetch_jars() {
  local pom_dir="$1" out="$2"; shift 2
  local stamp mvn_log
  stamp="$*|$(sha256sum "$pom_dir/pom.xml" | cut -c1-16)"
  if [ "$REBUILD" != 1 ] && [ -f "$out/.complete" ] && [ "$(cat "$out/.complete")" = "$stamp" ]; then
    log "jars cached: $out"; return 0
  fi
  rm -rf "$out" "$out.tmp"
  mvn_log="$CACHE_DIR/mvn-$(basename "$out").log"
  mvn_cmd -B -Dstyle.color=never -f "$pom_dir/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$out.tmp" -DincludeScope=runtime "$@" >"$mvn_log" 2>&1 \
    || { tail -n 30 "$mvn_log" >&2; die "mvn dependency:copy-dependencies failed for $pom_dir/pom.xml (log: $mvn_log)"; }
  echo "$stamp" >"$out.tmp/.complete"
  mv "$out.tmp" "$out"
}

# docker_build <image> <context dir>: classic build without network, skipped when the context and the
# base image are unchanged since the image was built.
docker_build() {
  local image="$1" ctx="$2" key
  key="$(recipe_hash "$ctx" "$(docker image inspect --format '{{.Id}}' "$BASE_IMAGE")")"
  if [ "$REBUILD" != 1 ] && [ "$(image_label "$image" org.shop.offline.recipe)" = "$key" ]; then
    log "$image is up to date"; return 0
  fi
  docker build --network none --build-arg "BASE_IMAGE=$BASE_IMAGE" \
    --label "org.shop.offline.recipe=$key" --label "org.shop.offline.stands-in-for=$image" \
    -t "$image" "$ctx" >"$CACHE_DIR/build-$(echo "$image" | tr '/:' '__').log" 2>&1 \
    || { tail -n 30 "$CACHE_DIR/build-$(echo "$image" | tr '/:' '__').log" >&2; die "docker build of $image failed"; }
}

require_base() {
  docker image inspect "$BASE_IMAGE" >/dev/null 2>&1 || build_base
}

# --- apache/kafka:4.1.2 -----------------------------------------------------------------------------
build_kafka() {
  local src="$HERE/images/kafka" ctx="$CACHE_DIR/build/kafka"
  require_base
  step_start "build $KAFKA_IMAGE"
  fetch_jars "$src" "$CACHE_DIR/jars/kafka-$KAFKA_VERSION" -Dkafka.version="$KAFKA_VERSION"
  rm -rf "$ctx"; mkdir -p "$ctx"
  cp -r "$src/Dockerfile" "$src/bin" "$src/docker" "$ctx/"
  cp -r "$CACHE_DIR/jars/kafka-$KAFKA_VERSION" "$ctx/libs"; rm -f "$ctx/libs/.complete"
  docker_build "$KAFKA_IMAGE" "$ctx"
  step_end "build $KAFKA_IMAGE"
}

# --- greenmail/standalone:2.1.13 -----------------------------------------------------------------------
build_greenmail() {
  local src="$HERE/images/greenmail" ctx="$CACHE_DIR/build/greenmail" jars="$CACHE_DIR/jars/greenmail-$GREENMAIL_VERSION"
  require_base
  step_start "build $GREENMAIL_IMAGE"
  fetch_jars "$src" "$jars" -Dgreenmail.version="$GREENMAIL_VERSION" -DexcludeTransitive=true -Dmdep.stripVersion=true
  rm -rf "$ctx"; mkdir -p "$ctx"
  cp "$src/Dockerfile" "$src/run_greenmail.sh" "$jars/greenmail-standalone.jar" "$ctx/"
  # the TLS key store that the original image also takes out of the jar
  (cd "$ctx" && unzip_one greenmail-standalone.jar greenmail.p12)
  docker_build "$GREENMAIL_IMAGE" "$ctx"
  step_end "build $GREENMAIL_IMAGE"
}

unzip_one() {  # unzip_one <jar> <entry>: extracts one entry into the current directory
  if command -v unzip >/dev/null 2>&1; then unzip -q -o "$1" "$2"
  elif command -v jar >/dev/null 2>&1; then jar xf "$1" "$2"
  else "${JAVA_HOME:+$JAVA_HOME/bin/}jar" xf "$1" "$2"; fi
  [ -s "$2" ] || die "could not extract $2 from $1"
}

# --- main ---------------------------------------------------------------------------------------------
main() {
  [ "$(id -u)" -eq 0 ] || die "run as root (debootstrap and chroot need it)"
  docker info >/dev/null 2>&1 || die "dockerd does not answer; run offline/docker-engine.sh start first"
  local targets=("$@") t t0
  [ "${#targets[@]}" -gt 0 ] || targets=(all)
  [ "${targets[0]}" = all ] && targets=(base kafka greenmail)
  t0=$(date +%s)
  for t in "${targets[@]}"; do
    case "$t" in
      base) build_base ;;
      kafka) build_kafka ;;
      greenmail) build_greenmail ;;
      *) die "unknown target '$t' (all|base|kafka|greenmail)" ;;
    esac
  done
  # drop the images that rebuilt ones replaced
  docker image prune -f --filter label=org.shop.offline.recipe >/dev/null || true
  log "all done in $(( $(date +%s) - t0 )) s"
  docker image ls --format '{{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E "^($BASE_IMAGE|$KAFKA_IMAGE|$GREENMAIL_IMAGE)\b" >&2 || true
}

main "$@"
