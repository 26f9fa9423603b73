#!/usr/bin/env bash
# Installs (if missing) and starts/stops a local Docker engine on a Debian bookworm machine
# without a service manager and without any reachable container registry.
#
#   offline/docker-engine.sh start    # apt-get install docker.io docker-compose debootstrap, start dockerd
#   offline/docker-engine.sh stop     # stop the dockerd started by "start"
#   offline/docker-engine.sh status
#
# dockerd is started with an explicit bridge address (--bip): without one the default bridge network
# reports no gateway, and Testcontainers (which sees this machine as a container) then tries to pull
# alpine to find the host address and fails. Override with SHOP_DOCKER_BIP.
# Needs root. Pid and log go to $SHOP_DOCKER_STATE_DIR (default /tmp/shop-dockerd).
set -euo pipefail

STATE_DIR="${SHOP_DOCKER_STATE_DIR:-/tmp/shop-dockerd}"
PID_FILE="$STATE_DIR/dockerd.pid"
LOG_FILE="$STATE_DIR/dockerd.log"
BIP="${SHOP_DOCKER_BIP:-172.17.0.1/16}"
WAIT_SECONDS="${SHOP_DOCKER_WAIT_SECONDS:-60}"

log() { echo "[docker-engine] $*" >&2; }

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

engine_answers() {
  command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
  if [ "${#missing[@]}" -gt 0 ]; then
    log "installing ${missing[*]} (apt-get)"
    $SUDO apt-get update -q
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      docker.io docker-compose debootstrap
  fi
}

start() {
  if engine_answers; then
    log "dockerd already answers; nothing to do"
    return 0
  fi
  install_packages
  mkdir -p "$STATE_DIR"
  if [ -f "$PID_FILE" ] && kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
    log "dockerd (pid $(cat "$PID_FILE")) is running but not answering yet; waiting"
  else
    log "starting dockerd --bip $BIP (log: $LOG_FILE)"
    rm -f "$PID_FILE"
    # setsid: its own session, so it outlives the calling shell; dockerd writes its own pid file.
    $SUDO setsid dockerd --bip "$BIP" --pidfile "$PID_FILE" >"$LOG_FILE" 2>&1 < /dev/null &
  fi
  local i
  for i in $(seq 1 "$WAIT_SECONDS"); do
    if engine_answers; then
      log "dockerd is up (pid $(cat "$PID_FILE" 2>/dev/null), $(docker version --format '{{.Server.Version}}' 2>/dev/null))"
      return 0
    fi
    if [ -f "$PID_FILE" ] && ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      log "dockerd exited; last lines of $LOG_FILE:"; tail -n 30 "$LOG_FILE" >&2 || true
      return 1
    fi
    sleep 1
  done
  log "dockerd did not answer within ${WAIT_SECONDS}s; see $LOG_FILE"
  return 1
}

stop() {
  if [ ! -f "$PID_FILE" ]; then
    log "no pid file at $PID_FILE; nothing started by this script"
    return 0
  fi
  local pid; pid="$(cat "$PID_FILE")"
  if kill -0 "$pid" 2>/dev/null; then
    log "stopping dockerd (pid $pid)"
    $SUDO kill -TERM "$pid"
    local i
    for i in $(seq 1 30); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "dockerd still running after 30 s; sending KILL"
      $SUDO kill -KILL "$pid" || true
    fi
  else
    log "dockerd (pid $pid) is not running"
  fi
  rm -f "$PID_FILE"
}

status() {
  if engine_answers; then
    echo "running ($(docker version --format '{{.Server.Version}}' 2>/dev/null))"
  else
    echo "not running"; return 1
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
