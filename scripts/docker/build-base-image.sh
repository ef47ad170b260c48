#!/usr/bin/env bash
# Builds a minimal Node base image from the host's own node binary, for hosts
# that cannot pull from a container registry (air-gapped labs, CI sandboxes).
# The image holds node, the shared libraries it links against, the dynamic
# loader, CA certificates, a non-root `hsm` user (uid/gid 10001) and /tmp.
# There is no shell inside: health checks run through node.
#
#   build-base-image.sh [--tag NAME] [--force]
#     --tag    image name (default: $HSMLAB_BASE_IMAGE or hsmlab/node-base:<node major>)
#     --force  rebuild even if the image exists
#
# Use it with: docker build --build-arg NODE_IMAGE=<tag> .
set -euo pipefail

node_bin="$(command -v node)"
node_bin="$(readlink -f "$node_bin")"
node_version="$("$node_bin" -p 'process.versions.node')"
tag="${HSMLAB_BASE_IMAGE:-hsmlab/node-base:${node_version%%.*}}"
force=0

while [ $# -gt 0 ]; do
  case "$1" in
    --tag) tag="$2"; shift 2 ;;
    --tag=*) tag="${1#--tag=}"; shift ;;
    --force) force=1; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) echo "build-base-image: unknown argument: $1" >&2; exit 2 ;;
  esac
done

say() { printf '[%s] build-base-image: %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if [ "$force" -eq 0 ] && docker image inspect "$tag" >/dev/null 2>&1; then
  say "$tag already exists (use --force to rebuild)"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
rootfs="$work/rootfs"
owned="$work/owned" # parts owned by the hsm user
mkdir -p "$rootfs/usr/local/bin" "$rootfs/etc/ssl/certs" "$rootfs/tmp" "$rootfs/app" \
  "$owned/home/hsm" "$owned/data"
chmod 1777 "$rootfs/tmp"
chmod 0755 "$rootfs/app" "$owned/home/hsm" "$owned/data"

# node itself, then every library the loader would map for it, at the same path
# (symlinks resolved), then the loader.
cp "$node_bin" "$rootfs/usr/local/bin/node"
libs="$(ldd "$node_bin" | awk '/=> \// { print $3 } /^\t\// { print $1 }' | sort -u)"
[ -n "$libs" ] || { say "ldd found no libraries for $node_bin"; exit 1; }
for lib in $libs; do
  mkdir -p "$rootfs$(dirname "$lib")"
  cp -L "$lib" "$rootfs$lib"
done

# Certificates for outbound TLS with the system store (node also has its own).
for bundle in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt; do
  if [ -f "$bundle" ]; then
    cp -L "$bundle" "$rootfs/etc/ssl/certs/ca-certificates.crt"
    break
  fi
done

cat >"$rootfs/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/usr/sbin/nologin
hsm:x:10001:10001:hsmlab:/home/hsm:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
PASSWD
cat >"$rootfs/etc/group" <<'GROUP'
root:x:0:
hsm:x:10001:
nogroup:x:65534:
GROUP
# Look names up in /etc/hosts first (Docker writes it), then DNS.
printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$rootfs/etc/nsswitch.conf"

# Everything is owned by root except the hsm user's home and /data, which go in
# a second pass with other owners; no root privileges are needed for this.
tarball="$work/rootfs.tar"
tar --numeric-owner --owner=0 --group=0 -C "$rootfs" -cf "$tarball" .
tar --numeric-owner --owner=10001 --group=10001 -C "$owned" -rf "$tarball" ./home ./data

say "importing $tag (node $node_version, $(echo "$libs" | wc -w) libraries)"
docker import \
  --change 'ENTRYPOINT ["/usr/local/bin/node"]' \
  --change 'ENV PATH=/usr/local/bin' \
  --change "ENV NODE_VERSION=$node_version" \
  --change 'ENV SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt' \
  --change 'WORKDIR /app' \
  --change "LABEL org.opencontainers.image.title=hsmlab-node-base org.opencontainers.image.description=\"Node $node_version from the build host, no shell\"" \
  --message "hsmlab node base from host node $node_version" \
  "$tarball" "$tag" >/dev/null
docker run --rm "$tag" -e 'process.stdout.write(process.version)' >/dev/null
say "built $tag ($(docker image inspect -f '{{.Size}}' "$tag" | awk '{ printf "%.0f MB", $1 / 1e6 }'))"
