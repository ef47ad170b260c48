#!/usr/bin/env bash
# Stages what the hsmlab image needs at run time into .docker-stage/, from a
# workspace that is already installed and built (pnpm install && pnpm run build):
#
#   .docker-stage/app/<package dir>/   package.json, dist/, *.proto and a production
#                                      node_modules (pnpm deploy --prod; workspace
#                                      dependencies are copied in, not linked)
#   .docker-stage/app/scripts/docker/grpc-health-check.js
#   .docker-stage/data/                becomes /data, owned by the hsm user
#
#   stage.sh [--build] [package dir ...]
#     package dirs default to every runnable package that has been built:
#       proto services/hsm services/orchestrator packages/client packages/cli packages/compose
#     (a default one without dist/ is skipped; a named one without dist/ is an error)
#     --build  then build the image ($HSMLAB_IMAGE, default hsmlab/hsmlab:dev) on
#              $HSMLAB_NODE_IMAGE; when that is unset, on node:20-bookworm-slim if it
#              is present or can be pulled, else on a base image built from the
#              host's node by build-base-image.sh (no registry needed)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
stage="$root/.docker-stage"
default_packages=(proto services/hsm services/orchestrator packages/client packages/cli packages/compose)
build=0
packages=()

for arg in "$@"; do
  case "$arg" in
    --build) build=1 ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    -*) echo "stage: unknown option: $arg" >&2; exit 2 ;;
    *) packages+=("${arg%/}") ;;
  esac
done

say() { printf '[%s] stage: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
pnpm_() { node "$root/scripts/run-pnpm.mjs" "$@"; }

select_packages() {
  if [ "${#packages[@]}" -gt 0 ]; then
    for dir in "${packages[@]}"; do
      [ -f "$root/$dir/package.json" ] || { say "$dir is not a workspace package"; exit 1; }
      [ -d "$root/$dir/dist" ] || { say "$dir has no dist/; run pnpm run build first"; exit 1; }
    done
    return
  fi
  for dir in "${default_packages[@]}"; do
    if [ -d "$root/$dir/dist" ]; then
      packages+=("$dir")
    else
      say "skipping $dir (not built)"
    fi
  done
  [ "${#packages[@]}" -gt 0 ] || { say "nothing is built; run pnpm run build first"; exit 1; }
}

# Leaves only what node needs at run time in a deployed package directory.
trim_package() {
  local dir="$1"
  find "$dir" -mindepth 1 -maxdepth 1 \
    ! -name package.json ! -name dist ! -name node_modules ! -name '*.proto' \
    -exec rm -rf {} +
  if [ -d "$dir/dist" ]; then
    find "$dir/dist" \( -name '*.d.ts' -o -name '*.d.ts.map' -o -name '*.tsbuildinfo' \) -delete
  fi
}

deploy_package() {
  local dir="$1" name target
  name="$(node -p "require('$root/$dir/package.json').name")"
  target="$stage/app/$dir"
  mkdir -p "$(dirname "$target")"
  # pnpm 10 deploys from the lockfile only with injected workspace packages;
  # turning that on for this command leaves the workspace's own install alone.
  pnpm_ --config.inject-workspace-packages=true --config.prefer-offline=true \
    --filter "$name" deploy --prod "$target" >"$stage/deploy-${dir//\//-}.log" 2>&1 || {
    cat "$stage/deploy-${dir//\//-}.log" >&2
    say "pnpm deploy of $name failed"
    exit 1
  }
  rm -f "$stage/deploy-${dir//\//-}.log"
  trim_package "$target"
  # Workspace packages copied into node_modules: same trimming.
  local injected
  for injected in "$target"/node_modules/.pnpm/@hsmlab+*/node_modules/@hsmlab/*; do
    [ -d "$injected" ] && trim_package "$injected"
  done
  say "staged $dir ($(du -sh "$target" | cut -f1))"
}

stage_all() {
  rm -rf "$stage"
  mkdir -p "$stage/app/scripts/docker" "$stage/data"
  for dir in "${packages[@]}"; do deploy_package "$dir"; done
  cp "$root/scripts/docker/grpc-health-check.js" "$stage/app/scripts/docker/"
  # The health check reads /app/proto/health.proto; keep it even without proto staged.
  if [ ! -f "$stage/app/proto/health.proto" ]; then
    mkdir -p "$stage/app/proto"
    cp "$root/proto/health.proto" "$stage/app/proto/"
  fi
  : >"$stage/data/.keep"
  say "staged ${packages[*]} in .docker-stage ($(du -sh "$stage" | cut -f1))"
}

pick_node_image() {
  if [ -n "${HSMLAB_NODE_IMAGE:-}" ]; then
    echo "$HSMLAB_NODE_IMAGE"
    return
  fi
  local official=node:20-bookworm-slim base
  base="hsmlab/node-base:$(node -p 'process.versions.node.split(".")[0]')"
  if docker image inspect "$official" >/dev/null 2>&1 ||
    timeout 60 docker pull -q "$official" >/dev/null 2>&1; then
    echo "$official"
    return
  fi
  say "no registry reachable; using $base built from this host's node"
  bash "$root/scripts/docker/build-base-image.sh" --tag "$base" >&2
  echo "$base"
}

build_image() {
  local image="${HSMLAB_IMAGE:-hsmlab/hsmlab:dev}" node_image
  node_image="$(pick_node_image)"
  say "building $image on $node_image"
  docker build -q --build-arg "NODE_IMAGE=$node_image" -t "$image" "$root" >/dev/null
  say "built $image"
}

select_packages
stage_all
if [ "$build" -eq 1 ]; then build_image; fi
