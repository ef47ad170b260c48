import type { Logger } from '@hsmlab/common';
import type { applianceV1 } from '@hsmlab/proto';
import { errorMessage } from '../errors';
import type { ClusterRecord, HsmRecord } from '../model/records';
import { asNodeCallError, isTransientNodeError } from '../node/node-call-error';
import type { NodePool } from '../node/node-pool';
import { Refusal, type JoinStep } from './join-step';

/**
 * transportMaskingKey runs the attested key transport of a join:
 * GetJoinRequest on the new node (its identity chain and a fresh ECDH key,
 * signed), GrantJoin on an ACTIVE node (which checks the chain against the
 * manufacturer CA and wraps the masking key for that ECDH key), then
 * CompleteJoin on the new node. The orchestrator only carries the request
 * and the wrapped grant; it can open neither. A granter that is unreachable
 * is skipped for the next one; a granter that refuses ends the join
 * (Refusal). It returns a step only when the transport could not finish.
 */
export async function transportMaskingKey(
  pool: NodePool,
  cluster: ClusterRecord,
  hsm: HsmRecord,
  log: Logger,
): Promise<JoinStep | undefined> {
  const grantors = cluster.hsms.filter((h) => h.state === 'ACTIVE' && h.hsmId !== hsm.hsmId);
  if (grantors.length === 0)
    return { kind: 'waiting', message: 'waiting for an ACTIVE HSM to grant the join' };
  const conn = pool.get(hsm.address);
  const request = await conn.getJoinRequest(cluster.clusterId);

  let grant: applianceV1.JoinGrant__Output | undefined;
  let lastTransient = '';
  for (const grantor of grantors) {
    try {
      grant = await pool.get(grantor.address).grantJoin(request);
      log.info({ grantingHsmId: grantor.hsmId }, 'join granted');
      break;
    } catch (err) {
      const details = asNodeCallError(err)?.details ?? errorMessage(err);
      if (!isTransientNodeError(err))
        throw new Refusal(`join refused by ${grantor.hsmId}: ${details}`);
      lastTransient = `${grantor.hsmId}: ${details}`;
    }
  }
  if (!grant)
    return { kind: 'waiting', message: `no ACTIVE HSM could grant the join (${lastTransient})` };

  let completed: applianceV1.ApplianceStatus__Output;
  try {
    completed = await conn.completeJoin(grant);
  } catch (err) {
    if (isTransientNodeError(err)) throw err;
    throw new Refusal(
      `CompleteJoin refused: ${asNodeCallError(err)?.details ?? errorMessage(err)}`,
    );
  }
  if (completed.domainId !== cluster.domainId) {
    throw new Refusal(`after CompleteJoin the node reports domain "${completed.domainId}"`);
  }
  return undefined;
}
