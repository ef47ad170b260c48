import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const SUFFIX_LENGTH = 11;

/** CLUSTER_ID_PATTERN is the shape of a cluster id: `cluster-` and 11 letters or digits. */
export const CLUSTER_ID_PATTERN = /^cluster-[a-z0-9]{11}$/;

/** BACKUP_ID_PATTERN is the shape of a backup id: `backup-` and 11 letters or digits. */
export const BACKUP_ID_PATTERN = /^backup-[a-z0-9]{11}$/;

/**
 * HSM_ID_PATTERN is what the orchestrator accepts as an HSM id (the node's own
 * node id): it ends up in file names, metric labels and logs.
 */
export const HSM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

function suffix(): string {
  let out = '';
  for (let i = 0; i < SUFFIX_LENGTH; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** newClusterId makes a fresh cluster id. */
export function newClusterId(): string {
  return `cluster-${suffix()}`;
}

/** newBackupId makes a fresh backup id. */
export function newBackupId(): string {
  return `backup-${suffix()}`;
}

/** newRequestId makes an id for the `x-hsmlab-request-id` of one sync-plane call. */
export function newRequestId(): string {
  return `orc-${suffix()}`;
}
