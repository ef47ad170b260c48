import { existsSync } from 'node:fs';
import { CliError, UsageError } from '../cli-errors';
import {
  readLabFile,
  writeCredentialsFile,
  writeLabFile,
  type CredentialsFile,
  type LabFile,
  type LabHsm,
} from '../lab-files';
import type { Output } from '../output';
import { enableFaultProxies } from '../chaos/fault-proxy-lab';
import { startProxyHost } from '../chaos/proxy-host-process';
import { allHsmsActive, labControl, waitForCluster } from './lab-connect';
import { formCluster } from './lab-cluster-setup';
import { ORCHESTRATOR_NAME, type LabLayout } from './lab-layout';
import { processState, startProcess } from './lab-processes';
import { ensureLabSecrets, newPassword } from './lab-secrets';
import { AZ_PATTERN, hsmSpec, nextHsmId, orchestratorSpec, planAzs } from './lab-specs';

/** MAX_LAB_HSMS is the most HSMs one cluster holds, as in the real service. */
export const MAX_LAB_HSMS = 28;
/** DEFAULT_AZS are the lab's availability zones unless --azs says otherwise. */
export const DEFAULT_AZS = ['a', 'b', 'c'];
/** LAB_USER is the name of the crypto user a new lab makes. */
export const LAB_USER = 'lab-user';
/** OFFICER is the built-in crypto officer's name on every HSM. */
const OFFICER = 'admin';
/** Nodes are started this many at a time, to spare a 2-core machine. */
const START_BATCH = 4;

/** LabUpOptions are the choices of a first `lab up`; a restart keeps the lab as it was. */
export interface LabUpOptions {
  /** Number of HSMs; default one per AZ. */
  hsms?: number;
  azs?: string[];
  /** Plaintext gRPC instead of TLS from the lab CA. */
  insecure: boolean;
  /**
   * Put a TcpFaultProxy in front of every HSM (one proxy host process) so
   * `hsmlab chaos partition|latency|heal` work; kept in lab.json.
   */
  faultProxies?: boolean;
}

/** checkLabUpOptions validates --hsms and --azs before anything starts. */
export function checkLabUpOptions(options: LabUpOptions): { count: number; azs: string[] } {
  const azs = options.azs ?? DEFAULT_AZS;
  for (const az of azs) {
    if (!AZ_PATTERN.test(az)) {
      throw new UsageError(`--azs: ${JSON.stringify(az)} is not an AZ label (a-z, 0-9, -; ≤ 16)`);
    }
  }
  if (new Set(azs).size !== azs.length) throw new UsageError('--azs lists an AZ twice');
  const count = options.hsms ?? azs.length;
  if (count < 1 || count > MAX_LAB_HSMS) {
    throw new UsageError(`--hsms must be 1 to ${MAX_LAB_HSMS}; got ${count}`);
  }
  return { count, azs };
}

/**
 * labUp starts the lab in `layout`: a first start makes it (secrets,
 * processes, cluster, officer, first user); a later start runs the same
 * processes on the same ports and data directories and waits for the
 * cluster, without initialising anything again. Processes already running
 * are left alone, so `lab up` also restarts a crashed node.
 */
export async function labUp(
  layout: LabLayout,
  options: LabUpOptions,
  output: Output,
): Promise<LabFile> {
  const existing = await readLabFile(layout.dir);
  if (existing === undefined) return createLab(layout, options, output);
  if (!existing.ready) {
    throw new CliError(
      `the lab in ${layout.dir} was never finished (its first "lab up" failed); remove it with "hsmlab lab down --purge" and start again`,
    );
  }
  if (
    options.hsms !== undefined ||
    options.azs !== undefined ||
    options.insecure ||
    options.faultProxies
  ) {
    output.line(
      'note: the lab exists, so --hsms, --azs, --insecure and --fault-proxies are ignored; see "lab add-hsm"',
    );
  }
  await startAll(layout, existing, output);
  const control = labControl(layout, existing);
  try {
    const timeoutMs = 60_000 + 2_000 * existing.hsms.length;
    await waitForCluster(
      control,
      existing.clusterId,
      'every HSM to be ACTIVE',
      allHsmsActive,
      timeoutMs,
    );
  } finally {
    control.close();
  }
  return existing;
}

/** startAll starts every lab process that is not running, orchestrator first. */
async function startAll(layout: LabLayout, lab: LabFile, output: Output): Promise<void> {
  await startOne(layout, ORCHESTRATOR_NAME, output, async () => {
    await startProcess(layout, await orchestratorSpec(layout, lab));
  });
  for (let i = 0; i < lab.hsms.length; i += START_BATCH) {
    await Promise.all(
      lab.hsms.slice(i, i + START_BATCH).map((hsm) =>
        startOne(layout, hsm.hsmId, output, async () => {
          await startProcess(layout, await hsmSpec(layout, lab, hsm));
        }),
      ),
    );
  }
  if (await startProxyHost(layout, lab)) output.line('started the fault proxies');
}

async function startOne(
  layout: LabLayout,
  name: string,
  output: Output,
  start: () => Promise<void>,
): Promise<void> {
  const state = await processState(layout, name);
  if (state.state === 'running') {
    output.line(`${name} is already running (pid ${state.pid})`);
    return;
  }
  if (state.state === 'crashed')
    output.line(`${name} had stopped on its own (pid ${state.pid}); starting it`);
  await start();
  output.line(`started ${name}`);
}

/** createLab is the first `lab up` of a lab directory. */
async function createLab(
  layout: LabLayout,
  options: LabUpOptions,
  output: Output,
): Promise<LabFile> {
  const { count, azs } = checkLabUpOptions(options);
  if (existsSync(layout.hsmsDir) || existsSync(layout.orchestratorDataDir)) {
    throw new CliError(
      `${layout.dir} holds lab data but no lab.json; remove it or choose another --lab-dir`,
    );
  }
  await ensureLabSecrets(layout, !options.insecure);
  const lab: LabFile = {
    format: 1,
    clusterId: '',
    orchestrator: { address: '' },
    hsms: [],
    tls: options.insecure ? null : { caPath: layout.tlsCaCertPath },
    ready: false,
    createdAtMs: Date.now(),
  };
  if (options.faultProxies) enableFaultProxies(lab);
  const credentials: CredentialsFile = {
    cryptoOfficer: { username: OFFICER, password: newPassword() },
    cryptoUser: { username: LAB_USER, password: newPassword() },
  };
  await writeCredentialsFile(layout.dir, credentials);

  const orchestrator = await startProcess(layout, await orchestratorSpec(layout, lab));
  lab.orchestrator.address = orchestrator.address;
  await writeLabFile(layout.dir, lab);
  output.line(`started orchestrator at ${orchestrator.address}`);

  const planned: LabHsm[] = [];
  for (const az of planAzs(count, azs)) {
    const hsmId = nextHsmId({ ...lab, hsms: planned }, az, () => false);
    planned.push({ hsmId, az, address: '' });
  }
  for (let i = 0; i < planned.length; i += START_BATCH) {
    await Promise.all(
      planned.slice(i, i + START_BATCH).map(async (hsm) => {
        const started = await startProcess(layout, await hsmSpec(layout, lab, hsm));
        hsm.address = started.address;
        output.line(`started ${hsm.hsmId} (AZ ${hsm.az}) at ${started.address}`);
      }),
    );
  }
  lab.hsms = planned;
  await writeLabFile(layout.dir, lab);
  if (await startProxyHost(layout, lab)) {
    output.line(`started the fault proxies; the HSMs are registered behind them`);
  }

  await formCluster(layout, lab, credentials, output);
  lab.ready = true;
  await writeLabFile(layout.dir, lab);
  return lab;
}
