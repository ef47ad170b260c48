import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { basename } from 'node:path';
import { CliError } from '../cli-errors';
import { LAB_FILE, readLabFile } from '../lab-files';
import type { Output } from '../output';
import { ORCHESTRATOR_NAME, type LabLayout } from './lab-layout';
import { stopProcess } from './lab-processes';

/**
 * labDown stops every lab process: the orchestrator first (so it does not
 * record the nodes' shutdown as failures), then the HSM nodes together.
 * State stays on disk for the next `lab up`. With `purge` the whole lab
 * directory is deleted afterwards; that is refused for a directory that
 * does not look like a lab.
 */
export async function labDown(
  layout: LabLayout,
  purge: boolean,
  output: Output,
): Promise<string[]> {
  const lab = await readLabFile(layout.dir).catch(() => undefined);
  if (lab === undefined && !existsSync(layout.runDir)) {
    if (purge && existsSync(layout.dir)) await purgeLab(layout);
    return [];
  }
  // Pid files name every process ever started, also those lab.json lost track of.
  const names = existsSync(layout.runDir)
    ? (await readdir(layout.runDir))
        .filter((f) => f.endsWith('.pid'))
        .map((f) => basename(f, '.pid'))
    : [];
  for (const hsm of lab?.hsms ?? []) if (!names.includes(hsm.hsmId)) names.push(hsm.hsmId);

  const stopped: string[] = [];
  const stopOne = async (name: string) => {
    const result = await stopProcess(layout, name);
    if (result === 'not running') return;
    stopped.push(name);
    output.line(result === 'killed' ? `killed ${name} (it ignored SIGTERM)` : `stopped ${name}`);
  };
  if (names.includes(ORCHESTRATOR_NAME)) await stopOne(ORCHESTRATOR_NAME);
  await Promise.all(names.filter((n) => n !== ORCHESTRATOR_NAME).map(stopOne));
  if (purge) await purgeLab(layout);
  return stopped;
}

async function purgeLab(layout: LabLayout): Promise<void> {
  const entries = await readdir(layout.dir);
  const known = new Set([
    LAB_FILE,
    'credentials.json',
    'secrets',
    'manufacturer-ca',
    'tls',
    'orchestrator',
    'hsms',
    'run',
    'logs',
  ]);
  const foreign = entries.filter((e) => !known.has(e) && !e.endsWith('.tmp'));
  if (foreign.length > 0) {
    throw new CliError(
      `not deleting ${layout.dir}: it holds files a lab does not make (${foreign.slice(0, 5).join(', ')})`,
    );
  }
  await rm(layout.dir, { recursive: true, force: true });
}
