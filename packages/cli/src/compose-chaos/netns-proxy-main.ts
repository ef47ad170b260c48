#!/usr/bin/env node
// The fault proxy of one HSM container of the compose lab. `hsmlab chaos
// partition|latency --compose` starts it as a host process inside the
// container's network namespace (nsenter --net=/proc/<pid>/ns/net): it
// listens there on a free port that an iptables REDIRECT sends the node's
// incoming connections to, and forwards them to the node on 127.0.0.1. Its
// control API is the lab proxy host's (proxy-host-protocol.ts), on a unix
// socket, since paths, unlike TCP ports, are the same in every netns. It
// exits when the container is removed (`docker-compose down`), or on SIGTERM
// (`hsmlab chaos detach --compose`).
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { FaultProxyHost } from '../chaos/proxy-host';
import { NETNS_PROXY_READY } from './netns-proxy-names';

/** RECHECK_MS is how long to wait before watching the container again when `docker events` ends. */
const RECHECK_MS = 5_000;

function log(level: string, msg: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ level, time: Date.now(), msg, ...fields })}\n`);
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (value === undefined || value === '') {
    throw new Error(
      'usage: netns-proxy-main --hsm-id ID --az AZ --target HOST:PORT --listen HOST:PORT --control SOCKET --container ID --state-file FILE',
    );
  }
  return value;
}

/** containerExists asks the engine whether the container is still there. */
function containerExists(id: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('docker', ['inspect', '-f', '{{.Id}}', id], (err, _stdout, stderr) => {
      // Only "no such container" means gone; an engine that does not answer is not proof.
      resolve(err === null || !/No such (object|container)/i.test(stderr));
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      'hsm-id': { type: 'string' },
      az: { type: 'string' },
      target: { type: 'string' },
      listen: { type: 'string' },
      control: { type: 'string' },
      container: { type: 'string' },
      'state-file': { type: 'string' },
    },
    strict: true,
  });
  const hsmId = required(values, 'hsm-id');
  const control = required(values, 'control');
  const container = required(values, 'container');
  const stateFile = required(values, 'state-file');

  const host = new FaultProxyHost();
  const proxy = await host.addProxy({
    hsmId,
    az: required(values, 'az'),
    target: required(values, 'target'),
    listen: required(values, 'listen'),
  });
  const address = await host.start(control);
  log('info', NETNS_PROXY_READY, { address, proxy: proxy.address, target: proxy.target });

  let stopping = false;
  let watcher: ChildProcess | undefined;
  const stop = (reason: string, forget: boolean) => {
    if (stopping) return;
    stopping = true;
    watcher?.kill();
    log('info', 'netns fault proxy stopping', { reason });
    if (forget) {
      // The container is gone: so is the record of this proxy, unless a newer one replaced it.
      try {
        const record = JSON.parse(readFileSync(stateFile, 'utf8')) as { pid?: number };
        if (record.pid === process.pid) rmSync(stateFile, { force: true });
      } catch {
        // no record: nothing to forget
      }
    }
    host.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM', false));
  process.once('SIGINT', () => stop('SIGINT', false));

  // Leave with the container: `docker events` says when it is destroyed.
  const watch = () => {
    if (stopping) return;
    const child = spawn(
      'docker',
      [
        'events',
        '--filter',
        `container=${container}`,
        '--filter',
        'event=destroy',
        '--format',
        '{{.ID}}',
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    watcher = child;
    child.stdout.on('data', () => stop('container removed', true));
    child.on('error', () => undefined);
    child.on('exit', () => {
      if (stopping) return;
      setTimeout(() => {
        void containerExists(container).then((exists) => {
          if (exists) watch();
          else stop('container removed', true);
        });
      }, RECHECK_MS);
    });
  };
  watch();
  if (!(await containerExists(container))) stop('container removed', true);
}

main().catch((err: unknown) => {
  log('error', 'netns fault proxy failed', { reason: (err as Error).message });
  process.exit(1);
});
