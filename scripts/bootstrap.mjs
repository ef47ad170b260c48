// Brings a clone to a runnable state with only Node 20+ and npm: pnpm at the
// pinned version, dependencies from the lockfile when the lockfile is newer
// than the last install, then the TypeScript build. `tsc -b` is incremental,
// so the build is cheap when nothing changed; HSMLAB_SKIP_BUILD=1 skips it.
import { existsSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPnpm } from './run-pnpm.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`hsmlab needs Node.js 20 or later; this is ${process.version}`);
  process.exit(1);
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function run(what, args) {
  console.error(`hsmlab: ${what}`);
  const status = runPnpm(args);
  if (status !== 0) process.exit(status);
}

// pnpm rewrites node_modules/.modules.yaml on every install.
if (mtime(join(root, 'node_modules', '.modules.yaml')) < mtime(join(root, 'pnpm-lock.yaml'))) {
  run('installing dependencies from the lockfile', ['install', '--frozen-lockfile']);
}

if (process.env.HSMLAB_SKIP_BUILD !== '1') {
  run('building', ['run', '--silent', 'build']);
}

// pnpm links a workspace package's bin only if its target exists at install
// time; on a fresh clone the CLI is built after the first install, so link
// `hsmlab` (for `npx hsmlab`) once it is there.
const cliBin = join(root, 'node_modules', '.bin', 'hsmlab');
if (!existsSync(cliBin) && existsSync(join(root, 'packages', 'cli', 'dist', 'main.js'))) {
  run('linking the hsmlab command', ['install', '--frozen-lockfile', '--offline']);
}
