#!/usr/bin/env bash
# Makes sure a Docker engine is reachable: installs Debian's docker.io and
# docker-compose when they are missing, starts dockerd in the background when
# `docker info` fails, then waits for it. Safe to run any number of times.
#
#   HSMLAB_DOCKERD_LOG   where dockerd writes its log (default /tmp/dockerd.log)
#   HSMLAB_DOCKERD_WAIT  seconds to wait for the engine (default 60)
set -euo pipefail

log_file="${HSMLAB_DOCKERD_LOG:-/tmp/dockerd.log}"
wait_seconds="${HSMLAB_DOCKERD_WAIT:-60}"

say() { printf '[%s] start-dockerd: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_if_missing() {
  local missing=()
  if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
    missing+=(docker.io)
  fi
  if ! command -v docker-compose >/dev/null 2>&1 && ! docker compose version >/dev/null 2>&1; then
    missing+=(docker-compose)
  fi
  [ "${#missing[@]}" -eq 0 ] && return 0
  say "installing ${missing[*]} from apt"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

engine_up() { docker info >/dev/null 2>&1; }

start_engine() {
  if engine_up; then
    say "engine already reachable"
    return 0
  fi
  if pgrep -x dockerd >/dev/null 2>&1; then
    say "dockerd is running but not answering yet; waiting for it"
  else
    say "starting dockerd (log: $log_file)"
    # setsid detaches it from this shell so it outlives the script.
    as_root setsid dockerd >>"$log_file" 2>&1 </dev/null &
  fi
  local waited=0
  until engine_up; do
    if [ "$waited" -ge "$wait_seconds" ]; then
      say "docker info still failing after ${wait_seconds}s; last lines of $log_file:"
      tail -n 20 "$log_file" >&2 || true
      return 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  say "engine ready after ${waited}s"
}

install_if_missing
start_engine
