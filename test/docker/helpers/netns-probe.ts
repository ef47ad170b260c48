import { execFile } from 'node:child_process';

/**
 * PROBE measures TLS handshakes to host:port from wherever it runs: one
 * number per attempt, the milliseconds to a finished handshake, or -1 when
 * none finished within the timeout (a frozen or cut-off node).
 */
const PROBE = `
const tls = require('node:tls');
const [host, port, servername, count, timeoutMs] = process.argv.slice(1);
function once() {
  const started = process.hrtime.bigint();
  return new Promise((resolve) => {
    const socket = tls.connect(
      { host, port: Number(port), servername, rejectUnauthorized: false, ALPNProtocols: ['h2'] },
      () => {
        socket.destroy();
        resolve(Number(process.hrtime.bigint() - started) / 1e6);
      },
    );
    socket.setTimeout(Number(timeoutMs), () => {
      socket.destroy();
      resolve(-1);
    });
    socket.on('error', () => resolve(-1));
  });
}
(async () => {
  const results = [];
  for (let i = 0; i < Number(count); i++) results.push(await once());
  console.log(JSON.stringify(results));
})();
`;

/**
 * tlsHandshakesFrom runs PROBE inside the network namespace of a host pid
 * (a container's: `docker inspect -f {{.State.Pid}}`), so it reaches
 * addresses only that container's networks reach. Needs root (nsenter).
 */
export function tlsHandshakesFrom(
  netnsPid: number,
  target: { host: string; port: number; serverName: string },
  options: { count?: number; timeoutMs?: number } = {},
): Promise<number[]> {
  const count = options.count ?? 3;
  const timeoutMs = options.timeoutMs ?? 3_000;
  return new Promise((resolve, reject) => {
    execFile(
      'nsenter',
      [
        `--net=/proc/${netnsPid}/ns/net`,
        '--',
        process.execPath,
        '-e',
        PROBE,
        target.host,
        String(target.port),
        target.serverName,
        String(count),
        String(timeoutMs),
      ],
      { timeout: count * (timeoutMs + 2_000) + 10_000 },
      (err, stdout, stderr) => {
        if (err !== null) reject(new Error(`probe failed: ${stderr || err.message}`));
        else resolve(JSON.parse(stdout) as number[]);
      },
    );
  });
}

/** median of some numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
