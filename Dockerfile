# One image for every hsmlab program: the HSM node, the orchestrator, the CLI
# and the compose lab's certs, init and example client (packages/compose). It copies a workspace that the host has already
# installed, built and staged (scripts/docker/stage.sh), so the build needs
# no network and no shell inside the base image.
#
#   bash scripts/docker/stage.sh
#   docker build --build-arg NODE_IMAGE=hsmlab/node-base:20 -t hsmlab/hsmlab:dev .
#   docker run --rm hsmlab/hsmlab:dev services/hsm/dist/main.js --help
#
# NODE_IMAGE is any image with node on its PATH: the official slim image, or
# one made from the host's node by scripts/docker/build-base-image.sh when no
# registry is reachable.
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}

LABEL org.opencontainers.image.title="hsmlab" \
      org.opencontainers.image.description="hsmlab HSM cluster emulator: HSM node, orchestrator, CLI, compose lab programs"

ENV NODE_ENV=production
WORKDIR /app
COPY .docker-stage/app/ /app/
# State lives under /data; a named volume mounted there starts out owned by hsm.
COPY --chown=10001:10001 .docker-stage/data/ /data/

# uid/gid 10001 is the `hsm` user of the locally built base image; numeric so
# that the official image (which has no such user) works the same way.
USER 10001:10001
ENTRYPOINT ["node"]
CMD ["packages/cli/dist/main.js", "--help"]
