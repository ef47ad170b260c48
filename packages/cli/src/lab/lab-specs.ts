import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CliError } from '../cli-errors';
import type { LabFile, LabHsm } from '../lab-files';
import { ORCHESTRATOR_NAME, type LabLayout } from './lab-layout';
import type { ProcessSpec } from './lab-processes';
import { ensureTlsCertificate, manufacturerCaFiles } from './lab-secrets';

/** FIRST_START_ADDRESS lets the OS pick a free loopback port; the lab then keeps it. */
export const FIRST_START_ADDRESS = '127.0.0.1:0';

/** AZ_PATTERN is what `--az` labels must look like to become part of HSM ids. */
export const AZ_PATTERN = /^[a-z0-9][a-z0-9-]{0,15}$/;

function packageMain(name: string): string {
  const main = join(dirname(require.resolve(`${name}/package.json`)), 'dist', 'main.js');
  if (!existsSync(main))
    throw new CliError(`${main} is missing: build the workspace first (pnpm run build)`);
  return main;
}

/** hsmMain and orchestratorMain are the scripts of the two services, from their packages. */
export const hsmMain = (): string => packageMain('@hsmlab/hsm');
export const orchestratorMain = (): string => packageMain('@hsmlab/orchestrator');

async function tlsArgs(layout: LabLayout, lab: LabFile, name: string): Promise<string[]> {
  if (lab.tls === null) return ['--insecure'];
  const files = await ensureTlsCertificate(layout, name);
  return ['--tls-ca', files.caFile, '--tls-cert', files.certFile, '--tls-key', files.keyFile];
}

/** orchestratorSpec is how the lab runs its orchestrator (at its recorded address, or a new port). */
export async function orchestratorSpec(layout: LabLayout, lab: LabFile): Promise<ProcessSpec> {
  return {
    name: ORCHESTRATOR_NAME,
    main: orchestratorMain(),
    args: [
      '--data-dir',
      layout.orchestratorDataDir,
      '--appliance-password-file',
      layout.appliancePasswordFile,
      '--listen',
      lab.orchestrator.address || FIRST_START_ADDRESS,
      ...(await tlsArgs(layout, lab, ORCHESTRATOR_NAME)),
    ],
    readyMessage: 'orchestrator listening',
  };
}

/** hsmSpec is how the lab runs one HSM node. */
export async function hsmSpec(layout: LabLayout, lab: LabFile, hsm: LabHsm): Promise<ProcessSpec> {
  const ca = manufacturerCaFiles(layout);
  return {
    name: hsm.hsmId,
    main: hsmMain(),
    args: [
      '--node-id',
      hsm.hsmId,
      '--az',
      hsm.az,
      '--data-dir',
      layout.hsmDataDir(hsm.hsmId),
      '--listen',
      hsm.address || FIRST_START_ADDRESS,
      '--appliance-password-file',
      layout.appliancePasswordFile,
      '--manufacturer-ca-cert',
      ca.certPath,
      '--manufacturer-ca-key',
      ca.keyPath,
      ...(await tlsArgs(layout, lab, hsm.hsmId)),
    ],
    readyMessage: 'node listening',
  };
}

/**
 * nextHsmId names a new HSM in an AZ: `hsm-<az><n>` with the smallest n
 * not used by the lab's HSMs nor by a data directory left behind.
 */
export function nextHsmId(lab: LabFile, az: string, taken: (hsmId: string) => boolean): string {
  for (let n = 1; ; n += 1) {
    const id = `hsm-${az}${n}`;
    if (!lab.hsms.some((h) => h.hsmId === id) && !taken(id)) return id;
  }
}

/** planAzs spreads `count` HSMs over the AZs in turn: a, b, c, a, b, c, ... */
export function planAzs(count: number, azs: readonly string[]): string[] {
  return Array.from({ length: count }, (_, i) => azs[i % azs.length]!);
}
