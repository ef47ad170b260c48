#!/usr/bin/env node
import { ConsoleLine } from '../console-line';
import { EnvReader } from '../env-reader';
import { parseFileOwner } from '../pki/file-owner';
import { describePkiStep, ensureLabPki } from '../pki/lab-pki';

/** HOST_NAME: an HSM id is also a host name and a node id. */
const HOST_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/**
 * certs makes the compose lab's CAs, certificates and appliance password on
 * first start, keeps them on later starts, and fills in what is missing.
 *
 *   HSMLAB_PKI_DIR                 root of the PKI directories (default /pki)
 *   HSMLAB_PKI_HSMS                HSM ids, comma-separated (default hsm-a,hsm-b,hsm-c)
 *   HSMLAB_PKI_ORCHESTRATOR_NAMES  names in the orchestrator's certificate
 *                                  (default orchestrator,localhost,127.0.0.1)
 *   HSMLAB_PKI_CLIENT_NAME         common name of the client certificate (default hsmlab-client)
 *   HSMLAB_PKI_OWNER               uid:gid that gets the files when run as root (default 10001:10001)
 */
async function main(): Promise<void> {
  const log = new ConsoleLine('certs');
  const env = new EnvReader();
  const hsmIds = env.list('HSMLAB_PKI_HSMS', ['hsm-a', 'hsm-b', 'hsm-c']);
  const bad = hsmIds.find((id) => !HOST_NAME.test(id));
  if (bad !== undefined)
    throw new Error(`HSMLAB_PKI_HSMS: ${JSON.stringify(bad)} is not a host name`);
  const root = env.text('HSMLAB_PKI_DIR', '/pki');
  const steps = await ensureLabPki({
    root,
    hsmIds,
    orchestratorNames: env.list('HSMLAB_PKI_ORCHESTRATOR_NAMES', [
      'orchestrator',
      'localhost',
      '127.0.0.1',
    ]),
    clientName: env.text('HSMLAB_PKI_CLIENT_NAME', 'hsmlab-client'),
    owner: parseFileOwner(env.text('HSMLAB_PKI_OWNER', '10001:10001')),
  });
  for (const step of steps) log.info(describePkiStep(step));
  log.info(`PKI ready under ${root} for ${hsmIds.join(', ')}, the orchestrator and clients`);
}

main().catch((err: unknown) => {
  process.stderr.write(`certs: ${(err as Error).message}\n`);
  process.exitCode = 1;
});
