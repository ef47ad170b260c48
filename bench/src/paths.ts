import { join, resolve } from 'node:path';

/** REPO_ROOT is the workspace root, from this file's place in bench/dist. */
export const REPO_ROOT = resolve(__dirname, '..', '..');
export const HSM_MAIN = join(REPO_ROOT, 'services', 'hsm', 'dist', 'main.js');
export const ORCHESTRATOR_MAIN = join(REPO_ROOT, 'services', 'orchestrator', 'dist', 'main.js');
export const RESULTS_DIR = join(REPO_ROOT, 'bench', 'results');
