import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../../test/helpers/node-process';

/** CLI_MAIN is the built `hsmlab` binary. */
export const CLI_MAIN = join(REPO_ROOT, 'packages', 'cli', 'dist', 'main.js');

/** CliResult is what one `hsmlab` process did. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** cleanEnv is this process's environment without any HSMLAB_* variable, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('HSMLAB_')) env[name] = value;
  }
  return { ...env, ...extra };
}

/**
 * runCli runs `node packages/cli/dist/main.js ...args` as a real process
 * and collects its output and exit code. It never rejects on a non-zero
 * exit: tests look at the code.
 */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  options: { cwd?: string; timeoutMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_MAIN, ...args], {
      env,
      cwd: options.cwd ?? REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** json runs the CLI with --json, expects success and parses stdout. */
export async function json<T = any>(args: readonly string[], env: NodeJS.ProcessEnv): Promise<T> {
  const result = await runCli([...args, '--json'], env);
  if (result.code !== 0) {
    throw new Error(`hsmlab ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  }
  return JSON.parse(result.stdout) as T;
}

/** b64 encodes text as base64, as --data takes it. */
export function b64(text: string | Buffer): string {
  return Buffer.from(text).toString('base64');
}
