import { chmod, mkdir } from 'node:fs/promises';
import { applyOwner, type FileOwner } from './file-owner';
import { ensureAppliancePassword } from './appliance-password';
import { loadOrCreateLabCa } from './lab-ca';
import { ensureLeafCertificate, type LeafSpec } from './leaf-certificate';
import { ensureManufacturerCa } from './manufacturer-ca-files';
import { pkiLayout } from './pki-layout';

/** LabPkiOptions say what the certs program makes. */
export interface LabPkiOptions {
  /** Directory under which every party's directory lies (see pkiLayout). */
  readonly root: string;
  /** Node ids of the HSMs, each also its host name on the compose networks. */
  readonly hsmIds: readonly string[];
  /** Host names and IP addresses in the orchestrator's certificate. */
  readonly orchestratorNames: readonly string[];
  /** Common name of the client certificate (mutual TLS). */
  readonly clientName: string;
  /** Owner of every file but the lab CA's own (the user the services run as). */
  readonly owner: FileOwner | undefined;
  readonly nowMs?: number;
}

/** PkiStep is one line of what ensureLabPki did, for the log. */
export interface PkiStep {
  readonly what: string;
  readonly action: 'created' | 'kept' | 'issued' | 'reissued';
  readonly reason?: string;
}

async function prepareDir(dir: string, owner: FileOwner | undefined): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    throw new Error(`cannot make ${dir} (mount a volume there): ${(err as Error).message}`, {
      cause: err,
    });
  }
  await chmod(dir, 0o700);
  await applyOwner(dir, owner);
}

/**
 * ensureLabPki makes, once, everything the compose lab needs for TLS and
 * attestation: the lab CA, the emulated manufacturer CA, a certificate for
 * every HSM and the orchestrator (server and client use: HSMs and the
 * orchestrator show them to each other under mutual TLS), a client
 * certificate, and the appliance password. Run again, it keeps everything
 * that is still good and fills in what is missing (a new HSM id, say).
 */
export async function ensureLabPki(options: LabPkiOptions): Promise<PkiStep[]> {
  const layout = pkiLayout(options.root);
  const { owner } = options;
  const steps: PkiStep[] = [];

  await prepareDir(layout.caDir, undefined);
  const { ca, created } = await loadOrCreateLabCa(layout.caDir, undefined);
  steps.push({ what: 'lab CA', action: created ? 'created' : 'kept' });

  await prepareDir(layout.manufacturerDir, owner);
  steps.push({
    what: 'manufacturer CA',
    action: await ensureManufacturerCa(layout.manufacturerDir, owner),
  });

  const leaves: { what: string; spec: LeafSpec }[] = [
    ...options.hsmIds.map((hsmId) => ({
      what: `${hsmId} certificate`,
      spec: {
        dir: layout.hsmDir(hsmId),
        commonName: hsmId,
        names: [hsmId],
        serverAuth: true,
        clientAuth: true,
      },
    })),
    {
      what: 'orchestrator certificate',
      spec: {
        dir: layout.orchestratorDir,
        commonName: 'orchestrator',
        names: options.orchestratorNames,
        serverAuth: true,
        clientAuth: true,
      },
    },
    {
      what: 'client certificate',
      spec: {
        dir: layout.clientDir,
        commonName: options.clientName,
        names: [],
        serverAuth: false,
        clientAuth: true,
      },
    },
  ];
  for (const { what, spec } of leaves) {
    await prepareDir(spec.dir, owner);
    const outcome = await ensureLeafCertificate(spec, ca, owner, options.nowMs);
    steps.push(
      outcome.action === 'reissued'
        ? { what, action: 'reissued', reason: outcome.reason }
        : { what, action: outcome.action },
    );
  }

  const passwordDirs = [...options.hsmIds.map((id) => layout.hsmDir(id)), layout.orchestratorDir];
  const madePassword = await ensureAppliancePassword(layout.caDir, passwordDirs, owner);
  steps.push({ what: 'appliance password', action: madePassword ? 'created' : 'kept' });
  return steps;
}

/** describePkiStep renders a step as one log line. */
export function describePkiStep(step: PkiStep): string {
  return step.reason === undefined
    ? `${step.what}: ${step.action}`
    : `${step.what}: ${step.action} (${step.reason})`;
}
