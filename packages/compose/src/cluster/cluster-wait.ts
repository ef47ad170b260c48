import { status } from '@grpc/grpc-js';
import type { ConsoleLine } from '../console-line';
import { sleep } from '../sleep';
import { isServiceError, type Cluster, type ControlClient } from './control-client';

/** POLL_INTERVAL_MS is how often the compose programs ask the orchestrator again. */
const POLL_INTERVAL_MS = 500;

/** TRANSIENT_CODES are the answers that mean "not reachable yet, ask again". */
const TRANSIENT_CODES = new Set<number>([status.UNAVAILABLE, status.DEADLINE_EXCEEDED]);

/**
 * waitForOrchestrator asks the orchestrator for its clusters until it
 * answers, for at most timeoutMs; anything but "not reachable yet" fails at
 * once (a TLS or certificate problem is not worth waiting for).
 */
export async function waitForOrchestrator(
  control: ControlClient,
  timeoutMs: number,
  log: ConsoleLine,
): Promise<Cluster[]> {
  const deadline = Date.now() + timeoutMs;
  let lastMessage = '';
  for (;;) {
    try {
      return await control.listClusters();
    } catch (err) {
      if (!isServiceError(err) || !TRANSIENT_CODES.has(err.code)) throw err;
      if (Date.now() > deadline) {
        throw new Error(`the orchestrator did not answer within ${timeoutMs} ms: ${err.details}`, {
          cause: err,
        });
      }
      if (err.details !== lastMessage) log.info(`waiting for the orchestrator (${err.details})`);
      lastMessage = err.details;
    }
    await sleep(POLL_INTERVAL_MS * 2);
  }
}

function describeStates(cluster: Cluster): string {
  return cluster.hsms.map((h) => `${h.hsmId}=${h.state}`).join(' ');
}

/**
 * waitForActiveHsms polls DescribeCluster until every HSM named in hsmIds is
 * ACTIVE (with `atLeastOne`, until any is), logging each change of states.
 * An HSM whose join was refused (CREATE_FAILED) fails it at once, with the
 * orchestrator's reason.
 */
export async function waitForActiveHsms(
  control: ControlClient,
  clusterId: string,
  hsmIds: readonly string[],
  timeoutMs: number,
  log: ConsoleLine,
  atLeastOne = false,
): Promise<Cluster> {
  const deadline = Date.now() + timeoutMs;
  let shown = '';
  for (;;) {
    let cluster: Cluster | undefined;
    try {
      cluster = await control.describeCluster(clusterId);
    } catch (err) {
      if (!isServiceError(err) || !TRANSIENT_CODES.has(err.code)) throw err;
    }
    if (cluster !== undefined) {
      const watched = cluster.hsms.filter((h) => hsmIds.includes(h.hsmId));
      const failed = watched.find((h) => h.state === 'CREATE_FAILED');
      if (failed !== undefined) {
        throw new Error(
          `${failed.hsmId} could not join: ${failed.stateMessage || 'no reason given'}`,
        );
      }
      const active = watched.filter((h) => h.state === 'ACTIVE').length;
      if (atLeastOne ? active > 0 : active === hsmIds.length) return cluster;
      const states = describeStates(cluster);
      if (states !== shown) log.info(`cluster ${cluster.state}: ${states}`);
      shown = states;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out after ${timeoutMs} ms waiting for ${hsmIds.join(', ')}: ${states}`,
        );
      }
    } else if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms: the orchestrator is not answering`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}
