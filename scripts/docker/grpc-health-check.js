#!/usr/bin/env node
// Exits 0 when grpc.health.v1.Health/Check at an address answers SERVING, and 1
// otherwise (not serving, unreachable, timeout, TLS failure). Made for Docker
// health checks in images that have node but no shell:
//
//   node scripts/docker/grpc-health-check.js <host:port> [service]
//
// TLS when a CA certificate file (PEM) is named by HSMLAB_HEALTH_CA or, failing
// that, by the service's own HSMLAB_TLS_CA (ignored when HSMLAB_INSECURE=1), so
// a compose health check inherits the container's TLS settings; else plaintext.
// Also read:
//   HSMLAB_HEALTH_CERT, HSMLAB_HEALTH_KEY  client certificate and key, for mutual TLS
//   HSMLAB_HEALTH_SERVER_NAME              name to expect in the server certificate,
//                                          when it differs from the dialled host
//   HSMLAB_HEALTH_TIMEOUT_MS               deadline for the whole check (default 3000)
//   HSMLAB_HEALTH_PROTO                    path of health.proto (default: found next
//                                          to the workspace's other .proto files)
/* global require, process, __dirname, console */
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';

const { readFileSync, existsSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');

function fail(message) {
  console.error(`grpc-health-check: ${message}`);
  process.exit(1);
}

// grpc-js and proto-loader are not dependencies of the workspace root, so look
// for them from the packages that depend on them, in the image and in a clone.
function load(name) {
  const packages = [
    'proto',
    'services/hsm',
    'services/orchestrator',
    'packages/client',
    'packages/cli',
  ];
  for (const base of [__dirname, ...packages.map((dir) => join(root, dir))]) {
    try {
      return createRequire(join(base, 'package.json'))(name);
    } catch {
      // try the next place
    }
  }
  return fail(`cannot find ${name}; run this from the hsmlab image or a built clone`);
}

function readPem(variable) {
  const path = process.env[variable];
  if (!path) return null;
  try {
    return readFileSync(path);
  } catch (error) {
    return fail(`${variable}=${path}: ${error.message}`);
  }
}

const [address, service = ''] = process.argv.slice(2);
if (!address || address === '-h' || address === '--help') {
  console.error('usage: grpc-health-check.js <host:port> [service]');
  process.exit(2);
}
const timeoutMs = Number(process.env.HSMLAB_HEALTH_TIMEOUT_MS ?? 3000);
if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
  fail('HSMLAB_HEALTH_TIMEOUT_MS must be a positive number');
}

const protoPath = process.env.HSMLAB_HEALTH_PROTO ?? join(root, 'proto', 'health.proto');
if (!existsSync(protoPath)) fail(`${protoPath} not found (set HSMLAB_HEALTH_PROTO)`);

const grpc = load('@grpc/grpc-js');
const protoLoader = load('@grpc/proto-loader');
const definition = protoLoader.loadSync(protoPath, { enums: String, defaults: true });
const { Health } = grpc.loadPackageDefinition(definition).grpc.health.v1;

const insecure = /^(1|true|yes)$/i.test(process.env.HSMLAB_INSECURE ?? '');
const ca = process.env.HSMLAB_HEALTH_CA
  ? readPem('HSMLAB_HEALTH_CA')
  : insecure
    ? null
    : readPem('HSMLAB_TLS_CA');
const cert = readPem('HSMLAB_HEALTH_CERT');
const key = readPem('HSMLAB_HEALTH_KEY');
if ((cert === null) !== (key === null)) {
  fail('set both HSMLAB_HEALTH_CERT and HSMLAB_HEALTH_KEY, or neither');
}
if (cert !== null && ca === null) fail('a client certificate needs HSMLAB_HEALTH_CA as well');

const options = {};
const serverName = process.env.HSMLAB_HEALTH_SERVER_NAME;
if (serverName) {
  options['grpc.ssl_target_name_override'] = serverName;
  options['grpc.default_authority'] = serverName;
}
const credentials =
  ca === null ? grpc.credentials.createInsecure() : grpc.credentials.createSsl(ca, key, cert);
const client = new Health(address, credentials, options);

client.check({ service }, { deadline: Date.now() + timeoutMs }, (error, reply) => {
  client.close();
  if (error) {
    fail(`${address}: ${grpc.status[error.code] ?? error.code}: ${error.details || error.message}`);
  }
  const label = service === '' ? address : `${address} ${service}`;
  if (reply.status !== 'SERVING') fail(`${label}: ${reply.status}`);
  console.log(`${label}: SERVING`);
  process.exit(0);
});
