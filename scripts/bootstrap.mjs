// Brings a clone to a runnable state with only Node 20+ and npm: pnpm at the
// pinned version, dependencies from the lockfile, then the TypeScript build.
// Each step is skipped when it is already up to date.
import { existsSync, statSync, readdirSync } from 'node:fs';
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

function newestSource(dir) {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    if (name.name === 'node_modules' || name.name === 'dist' || name.name.startsWith('.')) continue;
    const path = join(dir, name.name);
    if (name.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|proto|json)$/.test(name.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const marker = join(root, 'node_modules', '.modules.yaml');
if (mtime(marker) < mtime(join(root, 'pnpm-lock.yaml'))) {
  console.error('hsmlab: installing dependencies from the lockfile');
  const status = runPnpm(['install', '--frozen-lockfile']);
  if (status !== 0) process.exit(status);
}

const builtMarker = join(root, 'packages', 'cli', 'dist', 'main.js');
const sources = ['proto', 'packages', 'services', 'bench', 'test'].map((d) => join(root, d));
const newest = Math.max(...sources.filter(existsSync).map(newestSource));
if (process.env.HSMLAB_SKIP_BUILD !== '1' && mtime(builtMarker) < newest) {
  console.error('hsmlab: building');
  const status = runPnpm(['run', 'build']);
  if (status !== 0) process.exit(status);
}
