import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';

/** machineLines describes the machine the figures come from. */
export function machineLines(startedAt: Date, elapsedMs: number, args: string[]): string[] {
  const cpus = os.cpus();
  let grpcVersion = 'unknown';
  try {
    const manifest = createRequire(__filename).resolve('@grpc/grpc-js/package.json');
    grpcVersion = (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    // Left as unknown.
  }
  let softhsm = 'not installed';
  try {
    softhsm = execFileSync('softhsm2-util', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    // Left as not installed.
  }
  return [
    `- Date: ${startedAt.toISOString()} (suite took ${(elapsedMs / 1000).toFixed(0)} s)`,
    `- CPU: ${cpus[0]?.model ?? 'unknown'}, ${cpus.length} logical cores (os.availableParallelism ${os.availableParallelism()})`,
    `- Memory: ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB; kernel ${os.release()} (${os.platform()}/${os.arch()})`,
    `- Node ${process.version}, V8 ${process.versions.v8}, OpenSSL ${process.versions.openssl}, @grpc/grpc-js ${grpcVersion}, SoftHSM2 ${softhsm}`,
    `- UV_THREADPOOL_SIZE: ${process.env.UV_THREADPOOL_SIZE ?? 'default (4)'}`,
    `- Command: node bench/dist/main.js ${args.join(' ')}`.trimEnd(),
  ];
}
