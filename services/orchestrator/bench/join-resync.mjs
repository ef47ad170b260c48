// Benchmark (not a test) of the orchestrator with real processes: how long a
// join takes with 1,000 and 10,000 keys in the cluster, and how long a resync
// of 1,000 differing objects takes. Goal from issue 3: a 10,000-key join in
// under 10 s on this machine. Needs a build (pnpm run build).
//
//   node services/orchestrator/bench/join-resync.mjs [--json FILE]
//
// BENCH_DEBUG=1 also prints the orchestrator's log lines about the second join
// (relay and convergence timings). The numbers move a lot when other processes
// share the two cores; run it on a quiet machine.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pkg = join(here, '..');
const require = createRequire(join(pkg, 'package.json'));
const grpc = require('@grpc/grpc-js');
const proto = require('@hsmlab/proto');
const { writeManufacturerCa } = require('@hsmlab/hsm');
const HSM_MAIN = join(pkg, '..', 'hsm', 'dist', 'main.js');
const ORCH_MAIN = join(pkg, 'dist', 'main.js');
const PASSWORD = 'appliance-pass-1';
const children = [];

function tmp(prefix) {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** start runs a service and resolves with its address once it logs readyMessage. */
function start(main, args, readyMessage, onLine = () => {}) {
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      onLine(line);
      try {
        const rec = JSON.parse(line);
        if (rec.msg === readyMessage) resolve({ child, address: rec.address });
      } catch {}
    });
    child.once('exit', (code) => reject(new Error(`${main} exited (${code})`)));
  });
}

function unary(client, method, request, md = new grpc.Metadata()) {
  return new Promise((resolve, reject) =>
    client[method](request, md, { deadline: Date.now() + 120_000 }, (err, res) =>
      err ? reject(err) : resolve(res),
    ),
  );
}

async function session(address, username, password) {
  const hsm = new (proto.loadHsmProto().hsmlab.hsm.v1.Hsm)(
    address,
    grpc.credentials.createInsecure(),
  );
  const appliance = new (proto.loadApplianceProto().hsmlab.appliance.v1.Appliance)(
    address,
    grpc.credentials.createInsecure(),
  );
  const { sessionToken } = await unary(hsm, 'Login', { username, password });
  const md = new grpc.Metadata();
  md.set(proto.METADATA.session, sessionToken);
  return { hsm: (m, r) => unary(hsm, m, r, md), sync: (m, r) => unary(appliance, m, r, md) };
}

async function until(what, check, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function main() {
  const ca = await writeManufacturerCa(tmp('bench-mca-'));
  const pwFile = join(tmp('bench-pw-'), 'pw');
  writeFileSync(pwFile, PASSWORD);
  const orchLog = [];
  const orch = await start(
    ORCH_MAIN,
    [
      '--data-dir',
      tmp('bench-orch-'),
      '--appliance-password-file',
      pwFile,
      '--listen',
      '127.0.0.1:0',
      '--insecure',
      '--resync-interval',
      '200ms',
      '--health-interval',
      '500ms',
    ],
    'orchestrator listening',
    (line) => orchLog.push(line),
  );
  const control = new (proto.loadOrchestratorProto().hsmlab.orchestrator.v1.Orchestrator)(
    orch.address,
    grpc.credentials.createInsecure(),
  );
  const call = (m, r) => unary(control, m, r);
  const nodeArgs = (id, az, listen = '127.0.0.1:0', dir = tmp(`bench-${id}-`)) => [
    '--node-id',
    id,
    '--az',
    az,
    '--data-dir',
    dir,
    '--listen',
    listen,
    '--insecure',
    '--appliance-password-file',
    pwFile,
    '--manufacturer-ca-cert',
    ca.certPath,
    '--manufacturer-ca-key',
    ca.keyPath,
  ];
  const startNode = async (id, az) => {
    const args = nodeArgs(id, az);
    const n = await start(HSM_MAIN, args, 'node listening');
    return { ...n, args };
  };

  const a = await startNode('hsm-a1', 'a');
  const b = await startNode('hsm-b1', 'b');
  const { clusterId } = await call('CreateCluster', {});
  for (const n of [a, b]) await call('AddHsm', { clusterId, address: n.address });
  await call('InitializeCluster', { clusterId });
  const officer = new (proto.loadHsmProto().hsmlab.hsm.v1.Hsm)(
    a.address,
    grpc.credentials.createInsecure(),
  );
  await unary(officer, 'ActivateOfficer', { password: 'officer-pass-1' });
  const admin = await session(a.address, 'admin', 'officer-pass-1');
  await admin.hsm('CreateUser', {
    username: 'alice',
    role: 'ROLE_CRYPTO_USER',
    password: 'alice-pass-1',
  });
  const state = async (hsmId) =>
    (await call('DescribeCluster', { clusterId })).hsms.find((h) => h.hsmId === hsmId)?.state;
  await until('a1 and b1 ACTIVE', async () => (await state('hsm-b1')) === 'ACTIVE');
  const alice = await session(a.address, 'alice', 'alice-pass-1');
  const roots = async (nodes) =>
    Promise.all(
      nodes.map(async (n) =>
        (
          await (await session(n.address, 'appliance', PASSWORD)).sync('GetStatus', {})
        ).rootDigest.toString('hex'),
      ),
    );
  const sameRoots = async (nodes) => new Set(await roots(nodes)).size === 1;
  let made = 0;
  const makeKeys = async (count) => {
    for (let i = 0; i < count; i += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, count - i) }, () =>
          alice.hsm('GenerateSymmetricKey', {
            keyType: 'KEY_TYPE_AES',
            sizeBits: 256,
            attributes: { label: `bench-${made++}` },
          }),
        ),
      );
    }
  };

  const results = {};
  let joiner = 0;
  for (const total of [1000, 10_000]) {
    await makeKeys(total - made);
    await until('cluster in sync', () => sameRoots([a, b]));
    const id = `hsm-j${++joiner}`;
    const node = await startNode(id, 'c');
    const t0 = performance.now();
    await call('AddHsm', { clusterId, address: node.address });
    await until(`${id} ACTIVE`, async () => (await state(id)) === 'ACTIVE');
    results[`join with ${total} keys (ms)`] = Math.round(performance.now() - t0);
    await call('RemoveHsm', { clusterId, hsmId: id });
    await until(`${id} removed`, async () => (await state(id)) === undefined);
    node.child.kill('SIGKILL');
  }

  // Resync: b1 is killed, 1,000 keys are written to a1, b1 comes back.
  b.child.kill('SIGKILL');
  await until('b1 DEGRADED', async () => (await state('hsm-b1')) === 'DEGRADED');
  await makeKeys(1000);
  const mark = orchLog.length;
  const listen = b.args[b.args.indexOf('--listen') + 1].replace(
    ':0',
    `:${b.address.split(':')[1]}`,
  );
  b.args[b.args.indexOf('--listen') + 1] = listen;
  const t1 = performance.now();
  Object.assign(b, await start(HSM_MAIN, b.args, 'node listening'));
  await until('b1 caught up', () => sameRoots([a, b]));
  results['resync of 1,000 differing objects, restart to identical roots (ms)'] = Math.round(
    performance.now() - t1,
  );
  const round = orchLog
    .slice(mark)
    .map((l) => JSON.parse(l))
    .find((r) => r.msg === 'resync round copied' && r.objectsApplied >= 1000);
  if (round)
    results['resync round that copied them, as the orchestrator measured it (ms)'] =
      round.durationMs;

  if (process.env.BENCH_DEBUG)
    for (const l of orchLog) if (/hsm-j1|resync round|backup/.test(l)) console.log(l);
  console.log(
    JSON.stringify(
      { benchmark: 'orchestrator join and resync', cpus: 2, node: process.version, results },
      null,
      2,
    ),
  );
  const i = process.argv.indexOf('--json');
  if (i > 0) writeFileSync(process.argv[i + 1], JSON.stringify(results, null, 2));
}

main()
  .catch((err) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const c of children) c.kill('SIGKILL');
    process.exit();
  });
