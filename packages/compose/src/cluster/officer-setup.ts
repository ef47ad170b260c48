import { HsmCluster, isAlreadyExists, type Credentials } from '@hsmlab/client';
import type { ClientTransport } from '../client-transport';
import type { ConsoleLine } from '../console-line';
import type { CredentialsFile } from './credentials-file';

/** SdkTarget is where and how the SDK connects: through the orchestrator, to one cluster. */
export interface SdkTarget {
  readonly orchestrator: string;
  readonly clusterId: string;
  readonly transport: ClientTransport;
}

/** SDK_DEADLINE_MS is generous: set-up calls run while nodes are still warming up. */
const SDK_DEADLINE_MS = 30_000;

/** connectSdk connects the SDK through the orchestrator, as `credentials` or anonymously. */
export function connectSdk(
  target: SdkTarget,
  credentials: Credentials | undefined,
): Promise<HsmCluster> {
  return HsmCluster.connect({
    orchestrator: target.orchestrator,
    clusterId: target.clusterId,
    ...(target.transport.kind === 'tls' ? { tls: target.transport.tls } : { insecure: true }),
    credentials,
    defaultDeadlineMs: SDK_DEADLINE_MS,
    connectTimeoutMs: SDK_DEADLINE_MS,
    env: {},
  });
}

/**
 * ensureOfficerAndUser activates the crypto officer (unless the cluster
 * already reports it active) and creates the crypto user unless it exists,
 * both through the SDK, so that re-runs change nothing.
 */
export async function ensureOfficerAndUser(
  target: SdkTarget,
  officerActive: boolean,
  credentials: CredentialsFile,
  log: ConsoleLine,
): Promise<void> {
  if (!officerActive) {
    const anonymous = await connectSdk(target, undefined);
    try {
      const report = await anonymous.users.activateOfficer(credentials.cryptoOfficer.password);
      if (report.activated.length === 0 && report.alreadyActive.length === 0) {
        const why = report.failed.map((f) => `${f.nodeId}: ${f.reason}`).join('; ');
        throw new Error(`could not activate the crypto officer: ${why || 'no HSM answered'}`);
      }
      if (report.activated.length > 0) {
        log.info(`activated the crypto officer on ${report.activated.join(', ')}`);
      }
    } finally {
      await anonymous.close();
    }
  }

  const officer = await connectSdk(target, credentials.cryptoOfficer);
  try {
    const { username, password } = credentials.cryptoUser;
    const users = await officer.users.listUsers();
    if (users.some((u) => u.username === username)) {
      log.info(`crypto user ${username} exists`);
      return;
    }
    try {
      await officer.users.createUser(username, 'crypto-user', password);
      log.info(`created crypto user ${username}`);
    } catch (err) {
      if (!isAlreadyExists(err)) throw err;
      log.info(`crypto user ${username} exists`);
    }
  } finally {
    await officer.close();
  }
}
