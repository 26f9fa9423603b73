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

# Is the process running (not gone, not a zombie)? Works for root-owned processes too.
alive() { [ -n "${1:-}" ] && [ -r "/proc/$1/stat" ] && [ "$(sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | cut -c1)" != Z ]; }

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
    # Keep the package scripts from starting a dockerd of their own (without --bip): deny service
    # starts through policy-rc.d while installing, unless the machine already has such a policy.
    local own_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' | $SUDO tee /usr/sbin/policy-rc.d >/dev/null
      $SUDO chmod 755 /usr/sbin/policy-rc.d
      own_policy=1
    fi
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      docker.io docker-compose debootstrap || { [ "$own_policy" = 0 ] || $SUDO rm -f /usr/sbin/policy-rc.d; return 1; }
    [ "$own_policy" = 0 ] || $SUDO rm -f /usr/sbin/policy-rc.d
  fi
}

start() {
  if engine_answers; then
    log "dockerd already answers; nothing to do"
    if [ -z "$(docker network inspect bridge --format '{{range .IPAM.Config}}{{.Gateway}}{{end}}' 2>/dev/null)" ]; then
      log "warning: its bridge network has no gateway (dockerd started without --bip); Testcontainers" \
          "then needs TESTCONTAINERS_HOST_OVERRIDE=localhost"
    fi
    return 0
  fi
  install_packages
  mkdir -p "$STATE_DIR"
  local launched=""
  if [ -f "$PID_FILE" ] && alive "$(cat "$PID_FILE")"; then
    log "dockerd (pid $(cat "$PID_FILE")) is running but not answering yet; waiting"
  else
    log "starting dockerd --bip $BIP (log: $LOG_FILE)"
    rm -f "$PID_FILE"
    # setsid: its own session, so it outlives the calling shell; dockerd writes its own pid file.
    $SUDO setsid dockerd --bip "$BIP" --pidfile "$PID_FILE" >"$LOG_FILE" 2>&1 < /dev/null &
    launched=$!
  fi
  local _
  for _ in $(seq 1 "$WAIT_SECONDS"); do
    if engine_answers; then
      log "dockerd is up (pid $(cat "$PID_FILE" 2>/dev/null), $(docker version --format '{{.Server.Version}}' 2>/dev/null))"
      return 0
    fi
    if { [ -n "$launched" ] && ! alive "$launched"; } \
       || { [ -f "$PID_FILE" ] && ! alive "$(cat "$PID_FILE")"; }; then
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
  if alive "$pid"; then
    log "stopping dockerd (pid $pid)"
    $SUDO kill -TERM "$pid"
    local _
    for _ in $(seq 1 30); do
      alive "$pid" || break
      sleep 1
    done
    if alive "$pid"; then
      log "dockerd still running after 30 s; sending KILL"
      $SUDO kill -KILL "$pid" 2>/dev/null || true
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
