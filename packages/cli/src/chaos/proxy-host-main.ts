#!/usr/bin/env node
// The fault proxy host of a process-mode lab started with `--fault-proxies`:
// one detached process running a TcpFaultProxy in front of each HSM, driven
// by `hsmlab chaos partition|latency|heal` through a loopback HTTP control API.
import { parseArgs } from 'node:util';
import { readLabFile } from '../lab-files';
import { faultProxiesOf, PROXY_HOST_READY } from './fault-proxy-lab';
import { FaultProxyHost } from './proxy-host';

/** FIRST_START is where a proxy or the control API listens on its first start. */
const FIRST_START = '127.0.0.1:0';

function log(level: string, msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), msg, ...fields })}\n`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { 'lab-dir': { type: 'string' } },
    strict: true,
  });
  const labDir = values['lab-dir'];
  if (labDir === undefined) throw new Error('usage: proxy-host-main --lab-dir DIR');
  const lab = await readLabFile(labDir);
  const record = lab === undefined ? undefined : faultProxiesOf(lab);
  if (lab === undefined || record === undefined) {
    throw new Error(`${labDir} holds no lab with fault proxies`);
  }

  const host = new FaultProxyHost();
  for (const hsm of lab.hsms) {
    await host.addProxy({
      hsmId: hsm.hsmId,
      az: hsm.az,
      target: hsm.address,
      listen: record.proxies[hsm.hsmId] ?? FIRST_START,
    });
  }
  const address = await host.start(record.control || FIRST_START);
  const proxies = Object.fromEntries(host.views().map((v) => [v.hsmId, v.address]));
  log('info', PROXY_HOST_READY, { address, proxies });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', 'fault proxies stopping', { signal });
    host.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((err: unknown) => {
  log('error', 'fault proxies failed', { reason: (err as Error).message });
  process.exit(1);
});
