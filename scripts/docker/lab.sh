#!/usr/bin/env bash
# Runs the compose lab (docker-compose.yml) from a clone, with or without a
# container registry:
#
#   lab.sh up [--scale] [--mtls] [--plaintext] [--rebuild]
#       makes sure a Docker engine runs; picks the Node base image (the official
#       node:20-bookworm-slim when it is present or can be pulled, else one built
#       from this host's node by build-base-image.sh); builds the workspace and the
#       app image when it is missing (or --rebuild); starts the lab and waits for
#       init; copies the client's CA, certificate, key and credentials.json to
#       .lab/compose/ so host tools can reach the orchestrator on 127.0.0.1.
#         --scale      also start hsm-a2, hsm-b2, hsm-c2 and join them (profile scale)
#         --mtls       HSMs and the orchestrator require client certificates
#         --plaintext  no TLS anywhere (each program logs a warning)
#   lab.sh down [--volumes]   stop and remove the containers (--volumes: and the lab's state)
#   lab.sh logs [service]     follow a service's output (default example-client)
#   lab.sh ps                 the lab's containers
#   lab.sh compose ARGS...    any compose command on the lab's project
#
# Environment: COMPOSE_PROJECT_NAME (default hsmlab), HSMLAB_IMAGE (default
# hsmlab/hsmlab:dev), HSMLAB_NODE_IMAGE (skip the base image choice),
# HSMLAB_ORCHESTRATOR_PORT (default 7400), and the settings listed at the top
# of docker-compose.yml.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export COMPOSE_PROJECT_NAME="${COMPOSE_PROJECT_NAME:-hsmlab}"
export HSMLAB_IMAGE="${HSMLAB_IMAGE:-hsmlab/hsmlab:dev}"
official_image=node:20-bookworm-slim
export_dir="$root/.lab/compose"

say() { printf '[%s] lab: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

compose_cmd=()
pick_compose() {
  if docker compose version >/dev/null 2>&1; then
    compose_cmd=(docker compose)
  elif command -v docker-compose >/dev/null 2>&1; then
    compose_cmd=(docker-compose)
  else
    say "neither 'docker compose' nor 'docker-compose' is installed"
    exit 1
  fi
}

files=(-f "$root/docker-compose.yml")
profiles=()
compose() { "${compose_cmd[@]}" --project-directory "$root" "${files[@]}" "${profiles[@]}" "$@"; }

# pick_node_image prints the base image to build on: the caller's choice, the
# official image when a registry (or a local copy) has it, else a local one.
pick_node_image() {
  if [ -n "${HSMLAB_NODE_IMAGE:-}" ]; then
    echo "$HSMLAB_NODE_IMAGE"
  elif docker image inspect "$official_image" >/dev/null 2>&1; then
    echo "$official_image"
  elif timeout 120 docker pull -q "$official_image" >/dev/null 2>&1; then
    say "registry reachable: pulled $official_image"
    echo "$official_image"
  else
    local base
    base="hsmlab/node-base:$(node -p 'process.versions.node.split(".")[0]')"
    say "no registry reachable: building $base from this host's node"
    bash "$root/scripts/docker/build-base-image.sh" --tag "$base" >&2
    echo "$base"
  fi
}

ensure_image() {
  local rebuild="$1"
  if [ "$rebuild" -eq 0 ] && docker image inspect "$HSMLAB_IMAGE" >/dev/null 2>&1; then
    say "using $HSMLAB_IMAGE (--rebuild to rebuild it)"
    return
  fi
  HSMLAB_NODE_IMAGE="$(pick_node_image)"
  export HSMLAB_NODE_IMAGE
  say "building the workspace"
  node "$root/scripts/bootstrap.mjs"
  say "building $HSMLAB_IMAGE on $HSMLAB_NODE_IMAGE"
  bash "$root/scripts/docker/stage.sh" --build
}

container_of() {
  docker ps -aq --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" \
    --filter "label=com.docker.compose.service=$1" | head -n 1
}

# export_client_files copies what a host tool needs to reach the orchestrator.
export_client_files() {
  local id
  id="$(container_of init)"
  [ -n "$id" ] || return 0
  rm -rf "$export_dir"
  mkdir -p "$export_dir"
  docker cp "$id:/pki/client/." "$export_dir" >/dev/null
  chmod 700 "$export_dir"
  chmod 600 "$export_dir"/*.pem "$export_dir"/credentials.json 2>/dev/null || true
}

cmd_up() {
  local rebuild=0
  while [ $# -gt 0 ]; do
    case "$1" in
      --scale) profiles=(--profile scale) ;;
      --mtls) export HSMLAB_MTLS=true ;;
      --plaintext) files+=(-f "$root/scripts/docker/compose-plaintext.yml") ;;
      --rebuild) rebuild=1 ;;
      *) say "up: unknown option $1"; exit 2 ;;
    esac
    shift
  done
  bash "$root/scripts/docker/start-dockerd.sh"
  pick_compose
  ensure_image "$rebuild"
  say "starting project $COMPOSE_PROJECT_NAME (${compose_cmd[*]})"
  local started=$SECONDS status=0
  compose up -d || status=$?
  local init_id
  init_id="$(container_of init)"
  if [ "$status" -ne 0 ] || [ -z "$init_id" ] ||
    [ "$(docker inspect -f '{{.State.ExitCode}}' "$init_id")" != 0 ]; then
    say "the lab did not come up; init said:"
    [ -n "$init_id" ] && docker logs --tail 30 "$init_id" >&2
    exit 1
  fi
  if [ "${#profiles[@]}" -gt 0 ]; then
    local join_id
    join_id="$(container_of join)"
    say "waiting for join to add the scale-out HSMs"
    if [ -z "$join_id" ] || [ "$(docker wait "$join_id")" != 0 ]; then
      say "join failed:"
      [ -n "$join_id" ] && docker logs --tail 30 "$join_id" >&2
      exit 1
    fi
    docker logs --tail 2 "$join_id" >&2
  fi
  export_client_files
  say "up in $((SECONDS - started))s"
  docker logs --tail 3 "$init_id" >&2
  cat >&2 <<EOF

  orchestrator   127.0.0.1:${HSMLAB_ORCHESTRATOR_PORT:-7400} (TLS name: localhost)
  client files   $export_dir (ca.pem, cert.pem, key.pem, credentials.json)
  watch signs    bash scripts/docker/lab.sh logs
  stop one AZ    bash scripts/docker/lab.sh compose stop hsm-b
  stop the lab   bash scripts/docker/lab.sh down [--volumes]
EOF
}

cmd_down() {
  local volumes=()
  case "${1:-}" in
    --volumes | -v) volumes=(--volumes) ;;
    '') ;;
    *) say "down: unknown option $1"; exit 2 ;;
  esac
  pick_compose
  profiles=(--profile scale)
  compose down --remove-orphans "${volumes[@]}"
  [ "${#volumes[@]}" -eq 0 ] || rm -rf "$export_dir"
}

case "${1:-}" in
  up) shift; cmd_up "$@" ;;
  down) shift; cmd_down "$@" ;;
  logs) pick_compose; compose logs -f --tail 20 "${2:-example-client}" ;;
  ps) pick_compose; profiles=(--profile scale); compose ps ;;
  compose) shift; pick_compose; compose "$@" ;;
  -h | --help | help) usage ;;
  *) usage >&2; exit 2 ;;
esac
