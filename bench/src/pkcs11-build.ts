import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/** BUILD_TIMEOUT_MS bounds the one-off native build of pkcs11js. */
const BUILD_TIMEOUT_MS = 300_000;

/**
 * ensurePkcs11Built builds pkcs11js's native addon when it is installed but
 * not built: pnpm does not run node-gyp for it, and node-gyp's own default
 * would download Node's headers, which this machine cannot. It builds against
 * the headers that ship with the running Node, with npm's bundled node-gyp.
 * It returns why it could not, or undefined when the addon is there.
 */
export function ensurePkcs11Built(progress: (message: string) => void): string | undefined {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(__filename).resolve('pkcs11js/package.json'));
  } catch {
    return 'pkcs11js is not installed (an optional dependency of @hsmlab/bench)';
  }
  if (existsSync(join(packageDir, 'build', 'Release', 'pkcs11.node'))) return undefined;
  const nodeDir = resolve(dirname(process.execPath), '..');
  const nodeGyp = join(
    nodeDir,
    'lib',
    'node_modules',
    'npm',
    'node_modules',
    'node-gyp',
    'bin',
    'node-gyp.js',
  );
  if (!existsSync(join(nodeDir, 'include', 'node', 'node.h')) || !existsSync(nodeGyp)) {
    return `pkcs11js is not built and no Node headers or node-gyp were found under ${nodeDir}`;
  }
  progress('building pkcs11js with node-gyp (once; about a minute)');
  const built = spawnSync(process.execPath, [nodeGyp, 'rebuild', `--nodedir=${nodeDir}`], {
    cwd: packageDir,
    stdio: 'ignore',
    timeout: BUILD_TIMEOUT_MS,
  });
  return built.status === 0
    ? undefined
    : `node-gyp could not build pkcs11js (exit ${built.status ?? built.signal})`;
}
