import { AlreadyExistsError, InvalidArgumentError, PreconditionError } from './errors';
import { HSM_ID_PATTERN } from './ids';
import type { ClusterRecord } from './model/records';

/** MAX_HSMS_PER_CLUSTER is the cluster size limit, as in the design brief. */
export const MAX_HSMS_PER_CLUSTER = 28;

const ADDRESS_PATTERN = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;
const AZ_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** AddHsmInput is an AddHsm request. */
export interface AddHsmInput {
  clusterId: string;
  address: string;
  az?: string;
  hsmId?: string;
}

/**
 * checkAddHsmInput rejects a malformed AddHsm request, naming the field, and
 * a cluster that is already at MAX_HSMS_PER_CLUSTER.
 */
export function checkAddHsmInput(input: AddHsmInput, cluster: ClusterRecord): void {
  if (!ADDRESS_PATTERN.test(input.address)) {
    throw new InvalidArgumentError('address', `"${input.address}" is not host:port`);
  }
  if (input.az && !AZ_PATTERN.test(input.az)) {
    throw new InvalidArgumentError('az', `"${input.az}" is not an AZ label`);
  }
  if (input.hsmId && !HSM_ID_PATTERN.test(input.hsmId)) {
    throw new InvalidArgumentError('hsm_id', `"${input.hsmId}" is not a valid HSM id`);
  }
  if (cluster.hsms.length >= MAX_HSMS_PER_CLUSTER) {
    throw new PreconditionError(
      `cluster ${cluster.clusterId} already has ${MAX_HSMS_PER_CLUSTER} HSMs`,
    );
  }
}

/**
 * checkUnique rejects an address or HSM id that is already a member of any
 * cluster: one node serves one cluster.
 */
export function checkUnique(
  clusters: readonly ClusterRecord[],
  address: string,
  hsmId: string | undefined,
): void {
  for (const c of clusters) {
    for (const h of c.hsms) {
      if (h.address === address) {
        throw new AlreadyExistsError(`address ${address} is already ${h.hsmId} in ${c.clusterId}`);
      }
      if (hsmId && h.hsmId === hsmId) {
        throw new AlreadyExistsError(`HSM ${hsmId} is already in ${c.clusterId}`);
      }
    }
  }
}
